using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersionRecord>
{
    public void Configure(EntityTypeBuilder<QuestionnaireVersionRecord> builder)
    {
        builder.ToTable("QuestionnaireVersions");
        builder.HasKey(v => v.Version);
        builder.Property(v => v.Version).HasMaxLength(32);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
    }
}
