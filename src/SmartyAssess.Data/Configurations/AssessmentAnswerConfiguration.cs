using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class AssessmentAnswerConfiguration : IEntityTypeConfiguration<AssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<AssessmentAnswer> builder)
    {
        builder.ToTable("AssessmentAnswers");
        builder.HasKey(a => new { a.AssessmentId, a.QuestionId });
        builder.Property(a => a.QuestionId).HasMaxLength(64);
        // Stored by name so that the column reads well in SQL and survives reordering of the enum.
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
