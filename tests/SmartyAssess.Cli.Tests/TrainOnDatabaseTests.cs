using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartyAssess.Cli.Commands;
using SmartyAssess.Cli.Simulation;
using SmartyAssess.Data;
using SmartyAssess.Data.Entities;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Tests;

/// <summary>
/// <c>train --data &lt;database&gt;</c> end to end: a service database filled with a simulated
/// world's firms, impressions and feedback on the real catalogue, trained on, gated and published.
/// </summary>
public sealed class TrainOnDatabaseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smartyassess-train-").FullName;

    private string DatabasePath => Path.Combine(_directory, "service.db");

    private string ModelPath => Path.Combine(_directory, "model.json");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Writes the world into a migrated service database, as the web app would have stored it.</summary>
    private SyntheticWorld Seed(int smes = 300)
    {
        var world = SyntheticWorld.Generate(new WorldOptions(Seed: 3, Smes: smes, Catalogue: RepositoryData.Directory));
        using var db = SmartyDbContextFactory.Create(DatabasePath);
        db.Database.Migrate();
        RepositoryData.AddPractices(db);

        var ids = world.Smes.Select((s, i) => (s.Id, Guid: new Guid(i + 1, 0, 0, new byte[8]))).ToDictionary(x => x.Id, x => x.Guid);
        foreach (var (sme, index) in world.Smes.Select((s, i) => (s, i)))
        {
            var assessment = new AssessmentRecord
            {
                Id = ids[sme.Id],
                QuestionnaireVersion = "2026.1",
                Profile = new Dictionary<string, string> { ["sector"] = sme.Sector!, ["size"] = sme.Size!, ["region"] = sme.Region! },
                Barriers = [.. sme.Barriers.Select(b => new BarrierChoice(b, sme.TopBarriers.Contains(b)))],
                Goals = [.. sme.Goals],
            };
            assessment.Result = new AssessmentResult
            {
                Id = $"result{index:D16}",
                QuestionnaireVersion = "2026.1",
                ScoringVersion = "1",
                OverallBand = sme.Band,
                Dimensions = [.. sme.DimensionScores.Select(d => new DimensionResult(d.Key, true, d.Value, null, null, 0))],
            };
            db.Assessments.Add(assessment);
        }

        foreach (var e in world.Feedback)
        {
            if (e.Kind == FeedbackKind.ShownNoAction)
            {
                db.Impressions.Add(new RecommendationImpression { AssessmentId = ids[e.SmeId], PracticeId = e.PracticeId, ModelVersion = "logging", Rank = 1 });
            }
            else
            {
                db.Feedback.Add(new PracticeFeedback
                {
                    AssessmentId = ids[e.SmeId],
                    PracticeId = e.PracticeId,
                    Source = "sme",
                    Kind = e.Kind switch
                    {
                        FeedbackKind.Adopted => PracticeFeedbackKind.Adopted,
                        FeedbackKind.Relevant => PracticeFeedbackKind.Relevant,
                        _ => PracticeFeedbackKind.NotRelevant,
                    },
                });
            }
        }

        db.SaveChanges();
        return world;
    }

    private int Train(params string[] extra) =>
        TrainCommand.Run(new Arguments(["--data", DatabasePath, "--out", ModelPath, "--catalogue", RepositoryData.Directory, .. extra]));

    private List<RecommenderModelRecord> Models()
    {
        using var db = SmartyDbContextFactory.Create(DatabasePath);
        return [.. db.RecommenderModels.AsNoTracking().OrderBy(m => m.Id)];
    }

    [Fact]
    public void Read_KeepsWhoRecordedTheFeedback_SoThatTheFirmsOwnWordOutranksItsAdvisors()
    {
        Seed(smes: 5);
        using (var db = SmartyDbContextFactory.Create(DatabasePath))
        {
            var firm = db.Assessments.OrderBy(a => a.Id).First().Id;
            var practice = db.Practices.OrderBy(p => p.Id).First().Id;
            db.Feedback.Add(new PracticeFeedback { AssessmentId = firm, PracticeId = practice, Source = FeedbackSources.Sme, Kind = PracticeFeedbackKind.NotRelevant });
            db.Feedback.Add(new PracticeFeedback { AssessmentId = firm, PracticeId = practice, Source = FeedbackSources.Advisor, Kind = PracticeFeedbackKind.Planned });
            db.SaveChanges();
        }

        using var read = SmartyDbContextFactory.Create(DatabasePath);
        var events = FeedbackDatabase.Read(read).Events;

        var advisor = Assert.Single(events, e => e.Source == FeedbackSource.Advisor);
        Assert.Equal(FeedbackKind.Planned, advisor.Kind);
        var label = LabelBuilder.Build(events).Single(l => l.SmeId == advisor.SmeId && l.PracticeId == advisor.PracticeId);
        Assert.Equal(-1, label.Label); // the firm said "not relevant" before the advisor's "planned"
    }

    [Fact]
    public void Train_OnStoredFeedback_BeatsTheRulePriorOnHeldOutFirms_AndIsPublished()
    {
        Seed();

        Assert.Equal(0, Train("--publish"));

        var model = Assert.Single(Models());
        Assert.True(model.Published, model.GateReport);
        Assert.Equal("the rule prior", model.ComparedWith);
        Assert.True(model.CandidateNdcg > model.CurrentNdcg, model.GateReport);
        Assert.True(model.HeldOutFirms >= 20);
        var (_, metadata) = ModelFile.Deserialize(model.Json);
        Assert.Equal(TrainingSource.Feedback, metadata.TrainedOn);
        Assert.Equal(model.ModelVersion, metadata.ModelVersion);
        Assert.Equal(File.ReadAllText(ModelPath), model.Json);
    }

    [Theory]
    [InlineData("mlnet-ffm", "smarty-ffm")]
    [InlineData("mlnet-lambdarank", "smarty-gbdt")]
    public void Train_WithAnMlNetTrainer_IsGatedAgainstThePublishedModel_AndGivesTheSameBytesTwice(string trainer, string format)
    {
        Seed();
        Assert.Equal(0, Train("--publish"));

        Assert.Equal(0, Train("--trainer", trainer, "--version", trainer));
        var first = File.ReadAllText(ModelPath);
        Assert.Equal(0, Train("--trainer", trainer, "--version", trainer, "--publish"));
        Assert.Equal(first, File.ReadAllText(ModelPath));

        var candidate = Models().Single(m => m.ModelVersion == trainer);
        Assert.Equal(Models()[0].ModelVersion, candidate.ComparedWith);
        Assert.True(candidate.HeldOutFirms >= 20);
        Assert.Contains($"\"format\":\"{format}\"", candidate.Json, StringComparison.Ordinal);
        var (model, metadata) = ModelFile.Deserialize(candidate.Json);
        Assert.Equal(trainer, metadata.Trainer);
        Assert.NotEmpty(metadata.Settings!);
        Assert.NotEqual("fm", model.Kind);
    }

    [Fact]
    public void Train_WithAnUnknownTrainer_SaysWhichExist()
    {
        var error = Assert.Throws<UsageException>(() => Train("--trainer", "magic"));
        Assert.Contains("mlnet-lambdarank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_Again_OnTheSameData_GivesTheSameModel_WhichIsNotPublishedTwice()
    {
        Seed();
        Assert.Equal(0, Train());
        var first = File.ReadAllText(ModelPath);

        // Without --publish nothing is recorded, and the same data and seed give the same bytes.
        Assert.Equal(0, Train());
        Assert.Equal(first, File.ReadAllText(ModelPath));
        Assert.Empty(Models());

        Assert.Equal(0, Train("--publish"));
        Assert.Single(Models());
        Assert.Throws<InvalidDataException>(() => Train("--publish"));
        Assert.Single(Models());
    }

    [Fact]
    public void Train_WhenThePublishedModelCannotBeRead_ComparesWithWhatTheAppFallsBackTo_InsteadOfFailing()
    {
        Seed();
        using (var db = SmartyDbContextFactory.Create(DatabasePath))
        {
            db.RecommenderModels.Add(new RecommenderModelRecord { ModelVersion = "damaged", Json = "{ \"format\": \"smarty-fm\" ", ContentHash = "x", Published = true, GateReport = "inserted by the test", CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) });
            db.SaveChanges();
        }

        Assert.Equal(0, Train("--publish"));

        var candidate = Models().Last();
        Assert.Equal("the rule prior", candidate.ComparedWith);
        Assert.True(candidate.Published, candidate.GateReport);
    }

    [Fact]
    public void Train_WithTooFewHeldOutFirms_RecordsTheCandidateWithoutPublishingIt()
    {
        Seed();

        Assert.Equal(0, Train("--publish", "--min-firms", "1000"));

        var model = Assert.Single(Models());
        Assert.False(model.Published);
        Assert.Contains("at least 1000 are needed", model.GateReport, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_OnADatabaseWithoutTheSchema_SaysSo()
    {
        using (var db = SmartyDbContextFactory.Create(DatabasePath))
        {
            db.Database.EnsureCreated();
        }

        var error = Assert.Throws<InvalidDataException>(() => Train());
        Assert.Contains("start the web app once", error.Message, StringComparison.Ordinal);
    }
}
