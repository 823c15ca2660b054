using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class ResultDimensionConfiguration : IEntityTypeConfiguration<ResultDimension>
{
    public void Configure(EntityTypeBuilder<ResultDimension> builder)
    {
        builder.ToTable("ResultDimensions");
        builder.HasKey(d => new { d.ResultId, d.DimensionId });
        builder.Property(d => d.DimensionId).HasMaxLength(64);
        builder.Property(d => d.Band).HasMaxLength(32);
    }
}
