using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Data;

/// <summary>
/// The one context of the service. Each database provider has a subclass that only carries its own
/// migrations (<see cref="SqliteSmartyDbContext"/>, <see cref="PostgresSmartyDbContext"/>); feature
/// code always asks for this base type. It carries ASP.NET Core Identity's tables for the
/// accounts of advisors, partner analysts and administrators.
/// </summary>
public abstract class SmartyDbContext(DbContextOptions options)
    : IdentityDbContext<SmartyUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<AssessmentRecord> Assessments => Set<AssessmentRecord>();

    public DbSet<AssessmentResult> Results => Set<AssessmentResult>();

    public DbSet<QuestionnaireVersionRecord> QuestionnaireVersions => Set<QuestionnaireVersionRecord>();

    public DbSet<PracticeRecord> Practices => Set<PracticeRecord>();

    public DbSet<CatalogueVersionRecord> CatalogueVersions => Set<CatalogueVersionRecord>();

    public DbSet<RecommendationImpression> Impressions => Set<RecommendationImpression>();

    public DbSet<PracticeFeedback> Feedback => Set<PracticeFeedback>();

    public DbSet<RecommenderModelRecord> RecommenderModels => Set<RecommenderModelRecord>();

    public DbSet<HubRecord> Hubs => Set<HubRecord>();

    public DbSet<ShareConsent> ShareConsents => Set<ShareConsent>();

    public DbSet<AdvisorNote> AdvisorNotes => Set<AdvisorNote>();

    public DbSet<ActionPlanItem> ActionPlanItems => Set<ActionPlanItem>();

    public DbSet<HubApiToken> HubApiTokens => Set<HubApiToken>();

    public DbSet<ErasedLink> ErasedLinks => Set<ErasedLink>();

    public DbSet<InsightFact> InsightFacts => Set<InsightFact>();

    public DbSet<InsightFactRemoval> InsightFactRemovals => Set<InsightFactRemoval>();

    public DbSet<PartnerApiToken> PartnerApiTokens => Set<PartnerApiToken>();

    /// <summary>The antiforgery and cookie keys, shared so that any instance can serve any request, and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables first, so our configurations refine them
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SmartyDbContext).Assembly);
    }
}
