using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class RecommenderModelConfiguration : IEntityTypeConfiguration<RecommenderModelRecord>
{
    public void Configure(EntityTypeBuilder<RecommenderModelRecord> builder)
    {
        builder.ToTable("RecommenderModels");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.ModelVersion).HasMaxLength(100);
        builder.HasIndex(m => m.ModelVersion).IsUnique();
        builder.Property(m => m.ContentHash).HasMaxLength(64);
        builder.Property(m => m.ComparedWith).HasMaxLength(100);
        builder.Property(m => m.GateReport).HasMaxLength(1000);
        builder.HasIndex(m => new { m.Published, m.Id });
    }
}
