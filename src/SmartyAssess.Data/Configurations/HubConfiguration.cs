using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class HubConfiguration : IEntityTypeConfiguration<HubRecord>
{
    public void Configure(EntityTypeBuilder<HubRecord> builder)
    {
        builder.ToTable("Hubs");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Name).HasMaxLength(200);
        builder.Property(h => h.Slug).HasMaxLength(80);
        builder.HasIndex(h => h.Slug).IsUnique();
        builder.Property(h => h.Country).HasMaxLength(2);
        builder.Property(h => h.ShareCode).HasMaxLength(16);
        builder.HasIndex(h => h.ShareCode).IsUnique();
        builder.Property(h => h.Regions).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<List<string>>()).HasMaxLength(2000);
    }
}
