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

        builder.HasMany(a => a.Profile).WithOne().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Answers).WithOne().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Barriers).WithOne().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Goals).WithOne().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Result).WithOne(r => r.Assessment).HasForeignKey<AssessmentResult>(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
