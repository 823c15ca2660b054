using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

internal sealed class InsightFactConfiguration : IEntityTypeConfiguration<InsightFact>
{
    public void Configure(EntityTypeBuilder<InsightFact> builder)
    {
        builder.ToTable("InsightFacts");
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => f.AssessmentId).IsUnique();
        // Instances re-read the last minute's facts by time, for rows whose transaction committed after a later id.
        builder.HasIndex(f => f.SubmittedAt);
        builder.Property(f => f.Country).HasMaxLength(64);
        builder.Property(f => f.Region).HasMaxLength(64);
        builder.Property(f => f.Sector).HasMaxLength(64);
        builder.Property(f => f.Size).HasMaxLength(64);
        builder.Property(f => f.Scores).HasConversion(JsonColumn.Converter<List<FactScore>>(), JsonColumn.Comparer<List<FactScore>>());
        builder.Property(f => f.Barriers).HasConversion(JsonColumn.Converter<List<BarrierChoice>>(), JsonColumn.Comparer<List<BarrierChoice>>());
        builder.HasOne<AssessmentRecord>().WithMany().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InsightFactRemovalConfiguration : IEntityTypeConfiguration<InsightFactRemoval>
{
    public void Configure(EntityTypeBuilder<InsightFactRemoval> builder)
    {
        builder.ToTable("InsightFactRemovals");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.RemovedAt);
    }
}

internal sealed class PartnerApiTokenConfiguration : IEntityTypeConfiguration<PartnerApiToken>
{
    public void Configure(EntityTypeBuilder<PartnerApiToken> builder)
    {
        builder.ToTable("PartnerApiTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(80);
        builder.Property(t => t.SecretHash).HasMaxLength(32);
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.HasIndex(t => t.UserId);
        builder.HasOne<SmartyUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
