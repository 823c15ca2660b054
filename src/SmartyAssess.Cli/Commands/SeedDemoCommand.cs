using Bogus;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Assessment.Catalogue;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Assessment.Scoring;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Cli.Commands;

/// <summary>
/// <c>seed-demo --firms N --seed S --data &lt;database&gt;</c>: synthetic firms for demonstrations and
/// for the insights' benchmark at scale. Firms are spread over the SMARTY partner regions and
/// beyond; size and sector shift maturity, maturity shifts the barriers named; a quarter of the
/// firms re-assess; some share with demo hubs; recommended practices get feedback that follows how
/// well they fit. Everything follows from the seed (the same seed gives the same rows), and every
/// fact is marked synthetic: the command refuses a database holding real assessments unless told.
/// </summary>
internal static class SeedDemoCommand
{
    private const int Batch = 2_000;
    private const string ModelVersion = "seed-demo";
    private static readonly DateTime s_start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly int s_days = (int)(new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc) - s_start).TotalDays;

    public static async Task<int> RunAsync(Arguments args, TextWriter output)
    {
        var firms = args.Int("firms", 1_000);
        if (firms is < 1 or > 5_000_000)
        {
            throw new UsageException("--firms must be between 1 and 5,000,000.");
        }

        var seed = args.Int("seed", 1);
        var force = args.Flag("force");
        var data = CatalogueData.Load(args.Optional("catalogue") ?? "data");
        await using var db = SmartyDbContextFactory.Create(args.Required("data"));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.MigrateAsync();
        if (!await db.Practices.AnyAsync())
        {
            throw new CommandFailedException("The database has no practice catalogue yet: start the web app against it once (it migrates the database and loads the catalogue), then run seed-demo.");
        }

        var real = await db.InsightFacts.CountAsync(f => !f.Synthetic) + await db.Results.CountAsync(r => !db.InsightFacts.Any(f => f.AssessmentId == r.AssessmentId));
        if (real > 0 && !force)
        {
            throw new CommandFailedException($"The database holds {real} real assessments; seed-demo writes made-up firms beside them only with --force (their figures would mix with the real ones).");
        }

        var generator = new Generator(seed, data.Questionnaire, data.Catalogue, [.. await db.Practices.Select(p => p.Id).ToListAsync()]);
        if (await db.Assessments.AnyAsync(a => a.Id == generator.FirstId))
        {
            throw new CommandFailedException($"Seed {seed} was written to this database already; choose another --seed to add more firms.");
        }

        var hubs = await DemoHubsAsync(db, generator);
        var progress = new Progress((firms + Batch - 1) / Batch, "seed-demo");
        var totals = (Assessments: 0, Shares: 0, Feedback: 0);
        for (var done = 0; done < firms; done += Batch)
        {
            var count = Math.Min(Batch, firms - done);
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < count; i++)
            {
                var (assessments, shares, feedback) = generator.Firm(db, hubs);
                totals = (totals.Assessments + assessments, totals.Shares + shares, totals.Feedback + feedback);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
            progress.Step($"{done + count} firms");
        }

        await output.WriteLineAsync($"seed-demo: {firms} firms, {totals.Assessments} assessments, {totals.Shares} shares with {hubs.Count} demo hubs, {totals.Feedback} words on practices (seed {seed})");
        return 0;
    }

    /// <summary>One demo hub per SMARTY partner country, made once and reused by later seeds.</summary>
    private static async Task<List<HubRecord>> DemoHubsAsync(SmartyDbContext db, Generator generator)
    {
        var hubs = new List<HubRecord>();
        foreach (var (country, regions) in generator.PartnerRegions.GroupBy(r => r[..2]).Select(g => (g.Key, g.ToList())))
        {
            var slug = $"demo-{country.ToLowerInvariant()}";
            var hub = await db.Hubs.SingleOrDefaultAsync(h => h.Slug == slug);
            if (hub is null)
            {
                hub = new HubRecord
                {
                    Id = generator.NextGuid(),
                    Name = $"Demo digital innovation hub ({country})",
                    Slug = slug,
                    Country = country,
                    Regions = regions,
                    ShareCode = $"DEMO{country}",
                    CreatedAt = s_start,
                };
                db.Hubs.Add(hub);
            }

            hubs.Add(hub);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        return hubs;
    }

    /// <summary>The made-up world: every draw comes from one seeded generator, in a fixed order.</summary>
    private sealed class Generator
    {
        private readonly Randomizer _random;
        private bool _firstWritten;
        private readonly Questionnaire _questionnaire;
        private readonly List<Practice> _practices;
        private readonly List<ProfileOption> _regions;
        private readonly string[] _sectors = ["C", "C", "C", "C", "F", "G", "H", "J", "M", "Q"];
        private readonly string[] _sizes = ["micro", "micro", "small", "small", "small", "medium", "medium"];

        public Generator(int seed, Questionnaire questionnaire, PracticeCatalogue catalogue, HashSet<string> stored)
        {
            _random = new Randomizer(seed);
            _questionnaire = questionnaire;
            _practices = [.. catalogue.Practices.Where(p => stored.Contains(p.Id))];
            _regions = [.. questionnaire.FindProfileField("region")!.Options];
            PartnerRegions = [.. _regions.Where(r => r.Smarty).Select(r => r.Id)];
            FirstId = new Randomizer(~seed).Guid();
            _sectors = [.. _sectors.Where(s => questionnaire.FindProfileField("sector")!.FindOption(s) is not null)];
        }

        public IReadOnlyList<string> PartnerRegions { get; }

        /// <summary>The id of the seed's first assessment (from a generator of its own): whether the seed was written already.</summary>
        public Guid FirstId { get; }

        public Guid NextGuid() => _random.Guid();

        /// <summary>Adds one firm (its assessments, results, facts, recommendations, feedback and shares) to the context.</summary>
        public (int Assessments, int Shares, int Feedback) Firm(SmartyDbContext db, List<HubRecord> hubs)
        {
            // Most firms are in SMARTY's regions; the rest anywhere the questionnaire lists.
            var region = _random.Double() < 0.8 ? _random.ArrayElement([.. PartnerRegions]) : _random.ListItem(_regions).Id;
            var country = _regions.First(r => r.Id == region).ParentId ?? region[..2];
            var sector = _random.ArrayElement(_sectors);
            var size = _random.ArrayElement(_sizes);
            // Larger firms and manufacturers of the more industrial regions start more mature.
            var maturity = 32 + (size == "medium" ? 12 : size == "small" ? 5 : 0) + (sector is "C" or "J" ? 6 : 0) + (region is "BE21" or "BE24" or "ES51" ? 5 : 0) + (_random.Double() * 30) - 15;
            var firm = NextGuid();
            var at = s_start.AddDays(_random.Number(0, s_days - 1)).AddSeconds(_random.Number(0, 86_399));
            var count = _random.Double() < 0.25 ? 2 : 1;
            var (written, shares, feedback) = (0, 0, 0);
            Guid? previous = null;
            var series = count > 1 ? NextGuid() : (Guid?)null;
            var share = _random.Double() < 0.1 ? hubs.FirstOrDefault(h => h.Country == country) : null;
            for (var n = 0; n < count; n++)
            {
                // The run's first assessment has the id that tells a later run this seed was written.
                var id = _firstWritten ? NextGuid() : FirstId;
                _firstWritten = true;
                var assessment = new AssessmentRecord
                {
                    Id = id,
                    QuestionnaireVersion = _questionnaire.Version,
                    Language = _questionnaire.DefaultLanguage,
                    CreatedAt = at,
                    UpdatedAt = at,
                    BarriersSavedAt = at,
                    SubmittedAt = at,
                    SeriesId = series,
                    PreviousAssessmentId = previous,
                    Profile = new Dictionary<string, string> { ["sector"] = sector, ["size"] = size, ["country"] = country, ["region"] = region, ["role"] = "owner", ["dih"] = share is null ? "no" : "yes" },
                };
                var answers = Answers(maturity);
                assessment.Answers = answers.ToDictionary(a => a.Key, a => a.Value switch
                {
                    Answer.Selected s => new StoredAnswer(AnswerKind.Selected, s.OptionIds),
                    Answer.DontKnow => StoredAnswer.DontKnow,
                    _ => StoredAnswer.NotApplicable,
                });
                assessment.Barriers = Barriers(maturity);
                var score = Scorer.Score(_questionnaire, answers);
                var result = new AssessmentResult
                {
                    Id = ResultId(),
                    AssessmentId = id,
                    QuestionnaireVersion = score.QuestionnaireVersion,
                    ScoringVersion = score.ScoringVersion,
                    CreatedAt = at,
                    OverallScore = (double?)score.Overall,
                    OverallBand = score.OverallBand?.ToId(),
                    WeakestDimensionId = score.WeakestDimensionId,
                    Dimensions = [.. score.Dimensions.Select(d => new DimensionResult(d.DimensionId, d.Assessed, (double?)d.Score, d.Band?.ToId(), d.Level, d.DontKnowCount))],
                };
                assessment.Result = result;
                db.Assessments.Add(assessment);
                var fact = InsightFacts.For(assessment, result, firm);
                fact.Synthetic = true;
                db.InsightFacts.Add(fact);
                feedback += Recommend(db, id, assessment.Barriers, maturity, at);
                if (share is not null)
                {
                    db.ShareConsents.Add(new ShareConsent
                    {
                        Id = NextGuid(),
                        AssessmentId = id,
                        HubId = share.Id,
                        Scope = ShareScopes.Full,
                        PrivacyNoticeVersion = "demo",
                        GrantedAt = at.AddMinutes(5),
                    });
                    shares++;
                }

                written++;
                previous = id;
                // A re-assessment some months on, usually a little further along.
                at = at.AddDays(_random.Number(90, 270));
                maturity += _random.Double() * 12 - 2;
                if (at > s_start.AddDays(s_days))
                {
                    break;
                }
            }

            return (written, shares, feedback);
        }

        /// <summary>Answers near the firm's maturity: each question's option closest to a noisy target, some "don't know".</summary>
        private Dictionary<string, Answer> Answers(double maturity)
        {
            var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
            foreach (var question in _questionnaire.Dimensions.SelectMany(d => d.Questions))
            {
                var target = Math.Clamp((maturity + (_random.Double() * 40) - 20) / 10, 0, 10);
                if (_random.Double() < 0.04)
                {
                    answers[question.Id] = Answer.Unknown;
                }
                else if (question.IsSingleChoice)
                {
                    answers[question.Id] = Answer.Select(question.Options.MinBy(o => Math.Abs((double)o.Points - target))!.Id);
                }
                else
                {
                    // A checklist: the positive items in order until their points reach the target.
                    var chosen = new List<string>();
                    var sum = 0.0;
                    foreach (var option in question.Options.Where(o => o.Points > 0))
                    {
                        if (sum >= target)
                        {
                            break;
                        }

                        chosen.Add(option.Id);
                        sum += (double)option.Points;
                    }

                    answers[question.Id] = new Answer.Selected(chosen);
                }
            }

            return answers;
        }

        /// <summary>Less mature firms name more barriers, and more often money, skills and awareness.</summary>
        private List<BarrierChoice> Barriers(double maturity)
        {
            var weak = Math.Clamp((60 - maturity) / 60, 0.05, 1);
            var named = _questionnaire.Barriers.Where(b => _random.Double() < (b.Id is "finance" or "workforce-skills" or "management-awareness" ? 0.25 + (0.5 * weak) : 0.1 + (0.25 * weak)))
                .Select(b => b.Id).ToList();
            var top = named.OrderBy(_ => _random.Double()).Take(Math.Min(3, named.Count)).ToHashSet();
            return [.. named.Select(b => new BarrierChoice(b, top.Contains(b)))];
        }

        /// <summary>Five practices shown, those matching the firm's barriers first; the firm says whether they fit.</summary>
        private int Recommend(SmartyDbContext db, Guid assessment, List<BarrierChoice> barriers, double maturity, DateTime at)
        {
            var ids = barriers.Select(b => b.BarrierId).ToHashSet();
            var shown = _practices.OrderByDescending(p => p.Barriers.Count(ids.Contains) + _random.Double()).Take(5).ToList();
            var words = 0;
            for (var rank = 0; rank < shown.Count; rank++)
            {
                var practice = shown[rank];
                db.Impressions.Add(new RecommendationImpression { AssessmentId = assessment, PracticeId = practice.Id, ModelVersion = ModelVersion, Rank = rank + 1, Score = 1.0 / (rank + 1), ShownAt = at });
                var fits = practice.Barriers.Any(ids.Contains);
                var roll = _random.Double();
                PracticeFeedbackKind? kind = roll < (fits ? 0.35 : 0.1) ? PracticeFeedbackKind.Relevant
                    : roll < (fits ? 0.45 : 0.12) + (maturity > 50 ? 0.05 : 0) ? PracticeFeedbackKind.Adopted
                    : roll > 0.93 ? PracticeFeedbackKind.NotRelevant : null;
                if (kind is { } k)
                {
                    db.Feedback.Add(new PracticeFeedback { AssessmentId = assessment, PracticeId = practice.Id, Kind = k, Source = FeedbackSources.Sme, ModelVersion = ModelVersion, Rank = rank + 1, CreatedAt = at.AddMinutes(2 + rank) });
                    words++;
                }
            }

            return words;
        }

        /// <summary>22 base64url characters like a real result id, drawn from the seed.</summary>
        private string ResultId() => System.Buffers.Text.Base64Url.EncodeToString(_random.Bytes(16));
    }
}
