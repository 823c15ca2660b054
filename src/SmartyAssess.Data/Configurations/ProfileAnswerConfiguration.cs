using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class ProfileAnswerConfiguration : IEntityTypeConfiguration<ProfileAnswer>
{
    public void Configure(EntityTypeBuilder<ProfileAnswer> builder)
    {
        builder.ToTable("ProfileAnswers");
        builder.HasKey(p => new { p.AssessmentId, p.FieldId });
        builder.Property(p => p.FieldId).HasMaxLength(64);
        builder.Property(p => p.Value).HasMaxLength(64);
    }
}
