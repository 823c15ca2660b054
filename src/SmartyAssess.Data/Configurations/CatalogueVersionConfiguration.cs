using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class CatalogueVersionConfiguration : IEntityTypeConfiguration<CatalogueVersionRecord>
{
    public void Configure(EntityTypeBuilder<CatalogueVersionRecord> builder)
    {
        builder.ToTable("CatalogueVersions");
        builder.HasKey(v => v.Version);
        builder.Property(v => v.Version).HasMaxLength(64);
    }
}
