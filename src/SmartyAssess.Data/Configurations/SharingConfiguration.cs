using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data.Configurations;

// Everything that refers to an assessment cascades from it: erasure deletes the assessment and the
// database takes the rest (the erasure code still deletes explicitly, so that it is provider-neutral
// and testable row by row).

internal sealed class ShareConsentConfiguration : IEntityTypeConfiguration<ShareConsent>
{
    public void Configure(EntityTypeBuilder<ShareConsent> builder)
    {
        builder.ToTable("ShareConsents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.FirmLabel).HasMaxLength(80);
        builder.Property(c => c.Scope).HasMaxLength(200);
        builder.Property(c => c.PrivacyNoticeVersion).HasMaxLength(32);
        builder.HasIndex(c => new { c.AssessmentId, c.HubId });
        builder.HasIndex(c => new { c.HubId, c.RevokedAt });
        builder.HasOne<AssessmentRecord>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Hub).WithMany().HasForeignKey(c => c.HubId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdvisorNoteConfiguration : IEntityTypeConfiguration<AdvisorNote>
{
    public void Configure(EntityTypeBuilder<AdvisorNote> builder)
    {
        builder.ToTable("AdvisorNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.AuthorEmail).HasMaxLength(256);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.HasIndex(n => new { n.AssessmentId, n.HubId });
        builder.HasOne<AssessmentRecord>().WithMany().HasForeignKey(n => n.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<HubRecord>().WithMany().HasForeignKey(n => n.HubId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionPlanItemConfiguration : IEntityTypeConfiguration<ActionPlanItem>
{
    public void Configure(EntityTypeBuilder<ActionPlanItem> builder)
    {
        builder.ToTable("ActionPlanItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.PracticeId).HasMaxLength(64);
        builder.Property(i => i.Owner).HasMaxLength(120);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => new { i.AssessmentId, i.HubId });
        builder.HasOne<AssessmentRecord>().WithMany().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<HubRecord>().WithMany().HasForeignKey(i => i.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PracticeRecord>().WithMany().HasForeignKey(i => i.PracticeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HubApiTokenConfiguration : IEntityTypeConfiguration<HubApiToken>
{
    public void Configure(EntityTypeBuilder<HubApiToken> builder)
    {
        builder.ToTable("HubApiTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(80);
        builder.Property(t => t.SecretHash).HasMaxLength(32);
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.Scope).HasMaxLength(32);
        builder.HasIndex(t => t.HubId);
        builder.HasOne<HubRecord>().WithMany().HasForeignKey(t => t.HubId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ErasedLinkConfiguration : IEntityTypeConfiguration<ErasedLink>
{
    public void Configure(EntityTypeBuilder<ErasedLink> builder)
    {
        builder.ToTable("ErasedLinks");
        builder.HasKey(e => e.Hash);
        builder.Property(e => e.Hash).HasMaxLength(32);
    }
}
