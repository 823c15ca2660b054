using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class ImpressionConfiguration : IEntityTypeConfiguration<RecommendationImpression>
{
    public void Configure(EntityTypeBuilder<RecommendationImpression> builder)
    {
        builder.ToTable("RecommendationImpressions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.PracticeId).HasMaxLength(64);
        builder.Property(i => i.ModelVersion).HasMaxLength(100);
        builder.HasIndex(i => new { i.AssessmentId, i.ModelVersion, i.PracticeId }).IsUnique();
        // The insights re-read the last minute's impressions by time (see InsightFact).
        builder.HasIndex(i => i.ShownAt);
        builder.HasOne<AssessmentRecord>().WithMany().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PracticeRecord>().WithMany().HasForeignKey(i => i.PracticeId).OnDelete(DeleteBehavior.Restrict);
    }
}
