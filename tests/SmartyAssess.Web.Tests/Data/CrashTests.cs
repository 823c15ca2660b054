using Microsoft.Data.Sqlite;
using Npgsql;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SmartyAssess.Web.Tests.Data;

/// <summary>
/// Crashes lose nothing: the real app process is SIGKILLed at random moments under concurrent
/// submissions and step saves, and restarted on the same database (<see cref="CrashDrill"/>).
/// </summary>
public sealed class CrashTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Sqlite_KilledTwentyTimesUnderLoad_KeepsEveryAcknowledgedWriteAndStaysIntact()
    {
        var database = SmartyAssessFactory.TempDatabasePath();
        try
        {
            var drill = new CrashDrill(app.Questionnaire, new Dictionary<string, string> { ["ConnectionStrings__SmartyAssess"] = $"Data Source={database}" }, seed: 8);

            await drill.RunAsync(cycles: 20);
            output.WriteLine(drill.Summary);

            await using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
            await connection.OpenAsync();
            Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
            AssertNothingDuplicated(drill, await CountsAsync(connection));
        }
        finally
        {
            SmartyAssessFactory.DeleteDatabase(database);
        }
    }

    internal static async Task<string> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    /// <summary>API submissions stored, results stored, and submitted assessments.</summary>
    internal static async Task<(long Api, long Results, long Submitted)> CountsAsync(System.Data.Common.DbConnection connection) => (
        long.Parse(await ScalarAsync(connection, """SELECT COUNT(*) FROM "Assessments" WHERE "ResumeTokenHash" IS NULL"""), System.Globalization.CultureInfo.InvariantCulture),
        long.Parse(await ScalarAsync(connection, """SELECT COUNT(*) FROM "Results" """), System.Globalization.CultureInfo.InvariantCulture),
        long.Parse(await ScalarAsync(connection, """SELECT COUNT(*) FROM "Assessments" WHERE "SubmittedAt" IS NOT NULL"""), System.Globalization.CultureInfo.InvariantCulture));

    internal static void AssertNothingDuplicated(CrashDrill drill, (long Api, long Results, long Submitted) counts)
    {
        Assert.True(drill.AcknowledgedSubmissions >= 20, $"the drill acknowledged only {drill.AcknowledgedSubmissions} submissions");
        Assert.True(drill.AcknowledgedStepSaves >= 20, $"the drill acknowledged only {drill.AcknowledgedStepSaves} step saves");
        // Every stored submission was sent once: no retry or replay stored one twice.
        Assert.InRange(counts.Api, drill.AcknowledgedSubmissions, drill.AttemptedSubmissions);
        // Each submitted assessment has exactly one result, and no result lacks its assessment.
        Assert.Equal(counts.Submitted, counts.Results);
        Assert.Equal(counts.Api, counts.Results);
    }
}

public sealed class PostgresCrashTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Postgres_AppKilledUnderLoad_KeepsEveryAcknowledgedWrite()
    {
        var database = await server.CreateDatabaseAsync();
        var questionnaire = QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "data", "questionnaire")).Current;
        var drill = new CrashDrill(questionnaire, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__SmartyAssess"] = database,
        }, seed: 11);

        await drill.RunAsync(cycles: 6);
        output.WriteLine(drill.Summary);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        CrashTests.AssertNothingDuplicated(drill, await CrashTests.CountsAsync(connection));
    }
}
