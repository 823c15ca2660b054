using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<PracticeFeedback>
{
    public void Configure(EntityTypeBuilder<PracticeFeedback> builder)
    {
        builder.ToTable("PracticeFeedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.PracticeId).HasMaxLength(64);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Source).HasMaxLength(16);
        builder.Property(f => f.ModelVersion).HasMaxLength(100);
        builder.HasIndex(f => new { f.AssessmentId, f.Id });
        // No foreign key to Hubs (hubs are never deleted, only disabled): adding one to this existing
        // table would make SQLite rebuild it outside the migration's transaction.
        builder.HasIndex(f => f.HubId);
        // The insights re-read the last minute's feedback by time (see InsightFact).
        builder.HasIndex(f => f.CreatedAt);
        builder.HasOne<AssessmentRecord>().WithMany().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        // Practices are never deleted (withdrawn instead), so feedback always names a known practice.
        builder.HasOne<PracticeRecord>().WithMany().HasForeignKey(f => f.PracticeId).OnDelete(DeleteBehavior.Restrict);
    }
}
