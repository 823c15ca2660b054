using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(32);
        // One result per assessment: a second submit of the same draft finds this row instead of adding one.
        builder.HasIndex(r => r.AssessmentId).IsUnique();
        builder.Property(r => r.QuestionnaireVersion).HasMaxLength(32);
        builder.Property(r => r.ScoringVersion).HasMaxLength(16);
        builder.Property(r => r.OverallBand).HasMaxLength(32);
        builder.Property(r => r.WeakestDimensionId).HasMaxLength(64);
        builder.Property(r => r.Dimensions).HasConversion(JsonColumn.Converter<List<DimensionResult>>(), JsonColumn.Comparer<List<DimensionResult>>());
    }
}
