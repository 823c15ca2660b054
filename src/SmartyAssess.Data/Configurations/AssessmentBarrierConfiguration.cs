using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class AssessmentBarrierConfiguration : IEntityTypeConfiguration<AssessmentBarrier>
{
    public void Configure(EntityTypeBuilder<AssessmentBarrier> builder)
    {
        builder.ToTable("AssessmentBarriers");
        builder.HasKey(b => new { b.AssessmentId, b.BarrierId });
        builder.Property(b => b.BarrierId).HasMaxLength(64);
    }
}
