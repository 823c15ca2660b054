using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartyAssess.Assessment.Questionnaires;
using SmartyAssess.Web.Tests.Infrastructure;

namespace SmartyAssess.Web.Tests.Data;

/// <summary>
/// Drives the real app process with concurrent API submissions and questionnaire step saves,
/// SIGKILLs it at a random moment, restarts it on the same database, and checks that every write
/// the app acknowledged (a 201 with an id, a step save answered with a redirect) reads back as it
/// was acknowledged. A write that was in flight at the kill may or may not have landed; it must be
/// whole either way.
/// </summary>
internal sealed class CrashDrill(Questionnaire questionnaire, IDictionary<string, string> environment, int seed)
{
    private const int ApiWorkers = 3;
    private const int JourneyWorkers = 3;

    /// <summary>Writes of each kind a cycle acknowledges before the kill: six cycles then acknowledge the twenty the tests ask for.</summary>
    private const int MinimumPerCycle = 4;

    private readonly Random _random = new(seed);
    private readonly List<(string Id, JsonNode Body)> _acknowledged = [];
    private readonly List<Draft> _drafts = [];
    private int _attemptedPosts;

    public int AcknowledgedSubmissions
    {
        get
        {
            lock (_acknowledged)
            {
                return _acknowledged.Count;
            }
        }
    }

    public int AcknowledgedStepSaves => _drafts.Sum(d => Volatile.Read(ref d.AcknowledgedCount));

    public int AttemptedSubmissions => _attemptedPosts;

    public string Summary => $"{_cycles} kills; submissions: {AcknowledgedSubmissions} acknowledged of {AttemptedSubmissions} sent; step saves: {AcknowledgedStepSaves} acknowledged";

    private int _cycles;

    private Dimension Dimension => questionnaire.Dimensions[0];

    private List<Question> ScaleQuestions => [.. Dimension.Questions.Where(q => q.Type == QuestionType.Scale)];

    public async Task RunAsync(int cycles)
    {
        var app = await AppProcess.StartAsync(AppProcess.BuildOutput, environment);
        try
        {
            for (var i = 0; i < JourneyWorkers; i++)
            {
                _drafts.Add(await Draft.StartAsync(app.BaseUrl));
            }

            for (var cycle = 0; cycle < cycles; cycle++)
            {
                using var stop = new CancellationTokenSource();
                var workers = Enumerable.Range(0, ApiWorkers).Select(_ => SubmitLoopAsync(app.BaseUrl, stop.Token))
                    .Concat(_drafts.Select(d => SaveLoopAsync(d, app.BaseUrl, stop.Token)))
                    .ToList();

                // A random moment, but not before this cycle has acknowledged a few writes of both
                // kinds: on a loaded machine a fixed delay can fall before the first requests
                // complete, and a drill with too few acknowledged writes proves little.
                var (submissions, saves) = (AcknowledgedSubmissions, AcknowledgedStepSaves);
                await Task.Delay(_random.Next(150, 900));
                for (var waited = 0; waited < 10_000 && (AcknowledgedSubmissions - submissions < MinimumPerCycle || AcknowledgedStepSaves - saves < MinimumPerCycle); waited += 20)
                {
                    await Task.Delay(20);
                }

                await app.KillAsync(); // while requests are in flight
                _cycles++;
                await stop.CancelAsync();
                await Task.WhenAll(workers);
                await app.DisposeAsync();

                app = await AppProcess.StartAsync(AppProcess.BuildOutput, environment);
                await VerifyDraftsAsync(app.BaseUrl, cycle);
            }

            await VerifySubmissionsAsync(app.BaseUrl);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private async Task SubmitLoopAsync(string baseUrl, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        while (!stop.IsCancellationRequested)
        {
            var body = RandomSubmission();
            Interlocked.Increment(ref _attemptedPosts);
            try
            {
                using var response = await client.PostAsync("/api/assessments", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), stop);
                var text = await response.Content.ReadAsStringAsync(stop);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var created = JsonNode.Parse(text)!;
                    lock (_acknowledged)
                    {
                        _acknowledged.Add((created["id"]!.GetValue<string>(), created));
                    }
                }
                else
                {
                    throw new InvalidOperationException($"A valid submission was answered {(int)response.StatusCode}: {text}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                return; // the app was killed under this request: not acknowledged
            }
        }
    }

    private async Task SaveLoopAsync(Draft draft, string baseUrl, CancellationToken stop)
    {
        using var browser = draft.Connect(baseUrl);
        while (!stop.IsCancellationRequested)
        {
            var version = draft.Next();
            try
            {
                var url = "/assessment/" + Dimension.Id;
                var page = await browser.GetOkAsync(url);
                draft.InFlight = version;
                using var response = await browser.PostAsync(url, page, StepValues(version).Append(new("move", "later")));
                if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location?.AbsolutePath != "/assessment/saved")
                {
                    throw new InvalidOperationException($"A valid step save was answered {(int)response.StatusCode} {response.Headers.Location}: {Browser.ErrorText(Browser.Parse(await response.Content.ReadAsStringAsync(stop)))}");
                }

                draft.Acknowledge(version);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException || (e is Xunit.Sdk.XunitException && stop.IsCancellationRequested))
            {
                return;
            }
        }
    }

    /// <summary>After each restart: every draft holds its last acknowledged save, or the one in flight at the kill.</summary>
    private async Task VerifyDraftsAsync(string baseUrl, int cycle)
    {
        foreach (var draft in _drafts)
        {
            using var browser = draft.Connect(baseUrl);
            var page = await browser.GetOkAsync("/assessment/" + Dimension.Id);
            var stored = ScaleQuestions.Select(q => string.Join(",", Infrastructure.Journey.Checked(page, "q." + q.Id).Order(StringComparer.Ordinal))).ToList();
            // -1: nothing saved on this step yet (then an in-flight first save may not have landed).
            var allowed = new[] { draft.LastAcknowledged, draft.InFlight }.Where(v => v >= -1).Distinct().ToList();
            var matches = allowed.Where(v => stored.SequenceEqual(Expected(v))).ToList();
            Assert.True(matches.Count > 0, $"cycle {cycle}: draft holds [{string.Join(";", stored)}], expected version {string.Join(" or ", allowed)}: {string.Join(" or ", allowed.Select(v => $"[{string.Join(";", Expected(v))}]"))}");
            draft.Settle(matches.Max());
        }
    }

    private async Task VerifySubmissionsAsync(string baseUrl)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        Assert.Equal(_acknowledged.Count, _acknowledged.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var (id, body) in _acknowledged)
        {
            using var response = await client.GetAsync($"/api/assessments/{id}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"acknowledged result {id} is gone ({(int)response.StatusCode})");
            var stored = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(JsonNode.DeepEquals(body, stored), $"result {id} changed:\n{body.ToJsonString()}\n{stored.ToJsonString()}");
        }
    }

    private JsonNode RandomSubmission()
    {
        var body = JsonSerializer.SerializeToNode(SampleAnswers.ApiRequest(questionnaire))!;
        lock (_random)
        {
            foreach (var question in questionnaire.Questions.Where(q => q.Type == QuestionType.Scale))
            {
                body["answers"]![question.Id] = new JsonObject { ["selected"] = new JsonArray(question.Options[_random.Next(question.Options.Count)].Id) };
            }
        }

        return body;
    }

    private IEnumerable<string> Expected(int version) => version < 0 ? ScaleQuestions.Select(_ => "") : StepValues(version).Select(f => f.Value);

    /// <summary>The answers of save number <paramref name="version"/>: each scale question's option cycles with it.</summary>
    private IEnumerable<KeyValuePair<string, string>> StepValues(int version) =>
        ScaleQuestions.Select((q, i) => new KeyValuePair<string, string>("q." + q.Id, q.Options[(version + i) % q.Options.Count].Id));

    /// <summary>One respondent's draft, kept across restarts by its cookies (the keys are in the database).</summary>
    private sealed class Draft
    {
        private readonly CookieContainer _cookies = new();
        private int _next;

        public int LastAcknowledged { get; private set; } = -1;

        /// <summary>The save under way when the app was killed, or -2 for none.</summary>
        public int InFlight { get; set; } = -2;

        public int AcknowledgedCount;

        public static async Task<Draft> StartAsync(string baseUrl)
        {
            var draft = new Draft();
            using var browser = draft.Connect(baseUrl);
            await Infrastructure.Journey.StartAsync(browser);
            await Infrastructure.Journey.SaveStepAsync(browser, "profile", Infrastructure.Journey.ProfileFields(SampleAnswers.Profile));
            return draft;
        }

        public int Next() => _next++;

        public void Acknowledge(int version)
        {
            LastAcknowledged = version;
            InFlight = -2;
            Interlocked.Increment(ref AcknowledgedCount);
        }

        /// <summary>What the restart showed is now the baseline (an in-flight save that landed counts).</summary>
        public void Settle(int version)
        {
            LastAcknowledged = version;
            InFlight = -2;
        }

        public ConnectedBrowser Connect(string baseUrl) => new(new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) });
    }

    private sealed class ConnectedBrowser(HttpClient client) : IDisposable
    {
        private readonly Browser _browser = new(client);

        public Task<AngleSharp.Dom.IDocument> GetOkAsync(string url) => _browser.GetOkAsync(url);

        public Task<HttpResponseMessage> PostAsync(string url, AngleSharp.Dom.IDocument page, IEnumerable<KeyValuePair<string, string>> fields) => _browser.PostAsync(url, page, fields);

        public static implicit operator Browser(ConnectedBrowser connected) => connected._browser;

        public void Dispose() => client.Dispose();
    }
}
