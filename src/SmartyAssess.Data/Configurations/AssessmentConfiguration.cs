using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<AssessmentRecord>
{
    public void Configure(EntityTypeBuilder<AssessmentRecord> builder)
    {
        builder.ToTable("Assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ResumeTokenHash).HasMaxLength(32);
        builder.HasIndex(a => a.ResumeTokenHash).IsUnique();
        builder.Property(a => a.QuestionnaireVersion).HasMaxLength(32);
        builder.Property(a => a.Language).HasMaxLength(8);
        builder.Property(a => a.Revision).IsConcurrencyToken();

        builder.Property(a => a.Profile).HasConversion(JsonColumn.Converter<Dictionary<string, string>>(), JsonColumn.Comparer<Dictionary<string, string>>());
        builder.Property(a => a.Answers).HasConversion(JsonColumn.Converter<Dictionary<string, StoredAnswer>>(), JsonColumn.Comparer<Dictionary<string, StoredAnswer>>());
        builder.Property(a => a.Barriers).HasConversion(JsonColumn.Converter<List<BarrierChoice>>(), JsonColumn.Comparer<List<BarrierChoice>>());
        builder.Property(a => a.Goals).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<List<string>>());
        builder.Property(a => a.Targets).HasConversion(JsonColumn.Converter<Dictionary<string, int>>(), JsonColumn.Comparer<Dictionary<string, int>>()).HasMaxLength(2000);
        builder.HasIndex(a => a.SeriesId);
        builder.HasIndex(a => a.PreviousAssessmentId);
        // The purge of abandoned drafts looks for old unsubmitted rows.
        builder.HasIndex(a => new { a.SubmittedAt, a.UpdatedAt });
        builder.HasOne(a => a.Result).WithOne(r => r.Assessment).HasForeignKey<AssessmentResult>(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
