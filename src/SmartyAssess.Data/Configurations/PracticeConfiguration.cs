using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<PracticeRecord>
{
    public void Configure(EntityTypeBuilder<PracticeRecord> builder)
    {
        builder.ToTable("Practices");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(64);
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Theme).HasMaxLength(32);
        builder.Property(p => p.Country).HasMaxLength(8);
        builder.Property(p => p.Provenance).HasMaxLength(16);
        builder.Property(p => p.ContentHash).HasMaxLength(64);
    }
}
