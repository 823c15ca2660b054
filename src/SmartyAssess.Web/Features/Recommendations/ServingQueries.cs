using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Web.Features.Recommendations;

/// <summary>
/// The queries behind every view of a results page and of the recommendations API, compiled once.
/// Going through EF Core's query cache and parameter extraction on every view was the largest cost
/// of these endpoints after rendering (ADR 0014 has the profile and the load figures).
/// A compiled query keeps the executor of the first database it ran against, so there is one set per
/// model: a process that hosts two providers (the test suite does) must not run SQLite's
/// executor against PostgreSQL.
/// </summary>
internal sealed class ServingQueries
{
    private static readonly ConditionalWeakTable<IModel, ServingQueries> s_byModel = [];

    public static ServingQueries For(SmartyDbContext db) => s_byModel.GetValue(db.Model, _ => new ServingQueries());

    public Func<SmartyDbContext, string, CancellationToken, Task<AssessmentResult?>> ResultWithAssessment { get; } =
        EF.CompileAsyncQuery((SmartyDbContext db, string id, CancellationToken _) =>
            db.Results.AsNoTracking().Include(r => r.Assessment).SingleOrDefault(r => r.Id == id));

    public Func<SmartyDbContext, Guid, IAsyncEnumerable<FeedbackEvent>> FeedbackInOrder { get; } =
        EF.CompileAsyncQuery((SmartyDbContext db, Guid assessmentId) =>
            db.Feedback.AsNoTracking().Where(f => f.AssessmentId == assessmentId).OrderBy(f => f.Id).Select(f => new FeedbackEvent(f.PracticeId, f.Kind)));

    /// <summary>The results page's sharing panel: every consent of the assessment, newest first, with its hub.</summary>
    public Func<SmartyDbContext, Guid, IAsyncEnumerable<ShareConsent>> ConsentsWithHubs { get; } =
        EF.CompileAsyncQuery((SmartyDbContext db, Guid assessmentId) =>
            db.ShareConsents.AsNoTracking().Include(c => c.Hub).Where(c => c.AssessmentId == assessmentId).OrderByDescending(c => c.GrantedAt).ThenByDescending(c => c.Id).AsQueryable());

    public Func<SmartyDbContext, Guid, string, IAsyncEnumerable<string>> ImpressedPractices { get; } =
        EF.CompileAsyncQuery((SmartyDbContext db, Guid assessmentId, string modelVersion) =>
            db.Impressions.AsNoTracking().Where(i => i.AssessmentId == assessmentId && i.ModelVersion == modelVersion).Select(i => i.PracticeId));
}

internal readonly record struct FeedbackEvent(string PracticeId, PracticeFeedbackKind Kind);
