using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Cli.Commands;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;

namespace SmartyAssess.Cli.Tests;

/// <summary><c>seed-demo</c>: deterministic synthetic firms with the correlations a demonstration needs, never mixed into real data unasked.</summary>
public sealed class SeedDemoTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smartyassess-seed-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A migrated database with the catalogue loaded, as the web app leaves it after its first start.</summary>
    private string Database(string name)
    {
        var path = Path.Combine(_directory, name);
        using var db = SmartyDbContextFactory.Create(path);
        db.Database.Migrate();
        RepositoryData.AddPractices(db);
        db.SaveChanges();
        return path;
    }

    private static Task<int> SeedAsync(string path, int firms, int seed, bool force = false, TextWriter? output = null) =>
        SeedDemoCommand.RunAsync(new Arguments(["--data", path, "--firms", firms.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--catalogue", RepositoryData.Directory, .. force ? new[] { "--force" } : []]), output ?? TextWriter.Null);

    private static List<(Guid Assessment, string? Region, string? Size, string Scores, string Barriers)> Facts(string path)
    {
        using var db = SmartyDbContextFactory.Create(path);
        return [.. db.InsightFacts.AsNoTracking().OrderBy(f => f.AssessmentId).AsEnumerable()
            .Select(f => (f.AssessmentId, f.Region, f.Size, string.Join(",", f.Scores.Select(s => $"{s.Dimension}={s.Score}")), string.Join(",", f.Barriers.Select(b => b.BarrierId + (b.IsTop ? "*" : "")))))];
    }

    [Fact]
    public async Task TheSameSeed_WritesTheSameFirms_AndAnotherSeedOthers()
    {
        var (a, b, c) = (Database("a.db"), Database("b.db"), Database("c.db"));
        var report = new StringWriter();

        Assert.Equal(0, await SeedAsync(a, 300, seed: 5, output: report));
        Assert.Equal(0, await SeedAsync(b, 300, seed: 5));
        Assert.Equal(0, await SeedAsync(c, 300, seed: 6));

        Assert.Equal(Facts(a), Facts(b));
        Assert.NotEqual(Facts(a), Facts(c));
        Assert.StartsWith("seed-demo: 300 firms, ", report.ToString(), StringComparison.Ordinal);
        using var db = SmartyDbContextFactory.Create(a);
        // Re-assessments, shares, feedback and recommendations are there too, and every fact is marked synthetic.
        Assert.InRange(await db.Assessments.CountAsync(), 320, 420);
        Assert.True(await db.Assessments.AnyAsync(a => a.PreviousAssessmentId != null));
        Assert.True(await db.ShareConsents.AnyAsync());
        Assert.True(await db.Feedback.AnyAsync(f => f.Kind == PracticeFeedbackKind.Adopted));
        Assert.Equal(5 * await db.Assessments.CountAsync(), await db.Impressions.CountAsync());
        Assert.False(await db.InsightFacts.AnyAsync(f => !f.Synthetic));
    }

    [Fact]
    public async Task Firms_HavePlausibleCorrelations_MediumFirmsScoreHigher_AndLowScorersNameMoreBarriers()
    {
        var path = Database("world.db");
        await SeedAsync(path, 1500, seed: 2);

        using var db = SmartyDbContextFactory.Create(path);
        var firms = await db.Results.AsNoTracking().Select(r => new { r.OverallScore, r.Assessment!.Profile, r.Assessment.Barriers }).ToListAsync();
        double Mean(string size) => firms.Where(f => f.Profile["size"] == size).Average(f => f.OverallScore!.Value);
        Assert.True(Mean("medium") > Mean("micro") + 5, $"medium {Mean("medium"):0.0} vs micro {Mean("micro"):0.0}");
        var median = firms.Select(f => f.OverallScore!.Value).Order().ElementAt(firms.Count / 2);
        Assert.True(firms.Where(f => f.OverallScore < median).Average(f => f.Barriers.Count) > firms.Where(f => f.OverallScore >= median).Average(f => f.Barriers.Count));
        // Most firms are in SMARTY's partner regions, some beyond.
        var smarty = new[] { "BE21", "BE22", "BE23", "BE24", "BE25", "FI1D", "ITI1", "PL91", "PL92", "SI03", "SI04", "ES41", "ES51", "UKE4" };
        Assert.InRange(firms.Count(f => smarty.Contains(f.Profile["region"])) / (double)firms.Count, 0.7, 0.95);
    }

    [Fact]
    public async Task ADatabaseWithRealAssessments_IsRefused_UnlessForced_AndASeedIsWrittenOnce()
    {
        var path = Database("real.db");
        using (var db = SmartyDbContextFactory.Create(path))
        {
            var id = Guid.NewGuid();
            db.Assessments.Add(new AssessmentRecord { Id = id, QuestionnaireVersion = "2026.1", Result = new AssessmentResult { Id = "r", QuestionnaireVersion = "2026.1", ScoringVersion = "1" } });
            db.InsightFacts.Add(new InsightFact { AssessmentId = id, FirmId = Guid.NewGuid() });
            await db.SaveChangesAsync();
        }

        using (var check = SmartyDbContextFactory.Create(path))
        {
            Assert.Equal(1, await check.InsightFacts.CountAsync(f => !f.Synthetic));
        }

        var refused = await Assert.ThrowsAsync<CommandFailedException>(() => SeedAsync(path, 10, seed: 1));
        Assert.Contains("1 real assessments", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await SeedAsync(path, 10, seed: 1, force: true));
        var again = await Assert.ThrowsAsync<CommandFailedException>(() => SeedAsync(path, 10, seed: 1, force: true));
        Assert.Contains("Seed 1 was written", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseWithoutTheCatalogue_GetsAClearMessage()
    {
        var path = Path.Combine(_directory, "empty.db");

        var refused = await Assert.ThrowsAsync<CommandFailedException>(() => SeedAsync(path, 10, seed: 1));

        Assert.Contains("start the web app against it once", refused.Message, StringComparison.Ordinal);
    }
}
