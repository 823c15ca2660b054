using System.Text.Json;
using Bogus;
using SmartyAssess.Assessment.Recommendations;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Simulation;

/// <summary>
/// A generated population of firms and practices with a planted ground truth. The true utility
/// U(u, i) is known for every pair, so rankings can be scored against it, while the model only
/// sees what a real deployment would: profiles and logged feedback.
/// </summary>
internal sealed class SyntheticWorld
{
    public static readonly string[] Dimensions = ["strategy", "readiness", "human", "data", "automation", "green"];
    public static readonly string[] Barriers = ["finance", "business-case", "workforce-skills", "management-awareness", "legacy-systems", "interoperability", "data-security", "change-resistance", "partners-advice", "regulation", "location"];
    public static readonly string[] Goals = ["reduce-costs", "quality", "flexibility", "speed", "new-services", "sustainability", "skills", "customers", "resilience", "safety"];
    public static readonly string[] Themes = ["platforms", "hubs", "green", "skills", "vouchers", "analytics", "robotics", "logistics"];
    public static readonly string[] Instruments = ["voucher", "audit", "service-catalogue", "dih", "cluster", "rd-programme", "training", "platform"];
    public static readonly string[] Sectors = ["C", "F", "G", "H", "J", "M"];
    public static readonly string[] Sizes = ["micro", "small", "medium"];
    public static readonly string[] Regions = ["ITI1", "BE21", "FI1D", "PL91", "SI03", "ES41", "ES51"];
    public static readonly string[] BandIds = ["basic", "average", "moderately-advanced", "advanced"];

    /// <summary>The theme whose usefulness depends non-linearly on the data dimension.</summary>
    public const string AnalyticsTheme = "analytics";

    /// <summary>In a real catalogue, practices with this topic play the analytics theme's part.</summary>
    public const string AnalyticsTopic = "ai-analytics";

    public required WorldOptions Options { get; init; }

    public required IReadOnlyList<SmeProfile> Smes { get; init; }

    public required IReadOnlyList<PracticeProfile> Practices { get; init; }

    public required IReadOnlyList<string> PracticeTitles { get; init; }

    public required IReadOnlyList<FeedbackEvent> Feedback { get; init; }

    /// <summary>The true utility, row-major by (firm, practice).</summary>
    public required double[] Utility { get; init; }

    /// <summary>E[U | observed features]: the utility without the firm-specific term.</summary>
    public required double[] FeatureUtility { get; init; }

    public double U(int sme, int practice) => Utility[(sme * Practices.Count) + practice];

    public double FeatureU(int sme, int practice) => FeatureUtility[(sme * Practices.Count) + practice];

    /// <summary>Truth grades for a firm: 2 for its top 3 practices by U, 1 for ranks 4–8.</summary>
    public Dictionary<string, int> Truth(int sme)
    {
        var order = Enumerable.Range(0, Practices.Count).OrderByDescending(i => U(sme, i)).ThenBy(i => Practices[i].Id, StringComparer.Ordinal).ToList();
        var grades = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < Math.Min(8, order.Count); r++)
        {
            grades[Practices[order[r]].Id] = r < 3 ? 2 : 1;
        }

        return grades;
    }

    public static SyntheticWorld Generate(WorldOptions options)
    {
        var root = new Random64((ulong)options.Seed);
        var catalogue = options.Catalogue is null ? null : CatalogueData.Load(options.Catalogue).Catalogue;
        var practices = catalogue is null ? GeneratePractices(options, root.Fork("practices")) : RecommenderInputs.Practices(catalogue);
        var smes = GenerateSmes(options, root.Fork("smes"));
        var titles = catalogue is null ? Titles(options, practices) : [.. practices.Select(p => catalogue.Find(p.Id)!.Title)];
        var (utility, featureUtility) = PlantUtility(options, smes, practices, root.Fork("truth"));
        var feedback = SimulateFeedback(options, smes, practices, utility, root.Fork("feedback"));
        return new SyntheticWorld
        {
            Options = options,
            Smes = smes,
            Practices = practices,
            PracticeTitles = titles,
            Feedback = feedback,
            Utility = utility,
            FeatureUtility = featureUtility,
        };
    }

    private static List<PracticeProfile> GeneratePractices(WorldOptions options, Random64 rng)
    {
        var practices = new List<PracticeProfile>();
        for (var i = 0; i < options.Practices; i++)
        {
            // Beta(2, 2) is the median of three uniforms.
            double[] u = [rng.NextDouble(), rng.NextDouble(), rng.NextDouble()];
            Array.Sort(u);
            var tau = u[1];
            var firstBand = rng.NextInt(3);
            practices.Add(new PracticeProfile(
                $"p{i:D3}",
                Themes[rng.NextInt(Themes.Length)],
                Instruments[rng.NextInt(Instruments.Length)],
                Pick(rng, Dimensions, 1 + rng.NextInt(3)),
                Pick(rng, Barriers, 1 + rng.NextInt(3)),
                Pick(rng, Goals, rng.NextInt(3)),
                [],
                rng.NextDouble() < 0.6 ? ["all"] : Pick(rng, Sectors, 1 + rng.NextInt(3)),
                rng.NextDouble() < 0.7 ? [.. Sizes] : Pick(rng, Sizes, 1 + rng.NextInt(2)),
                [BandIds[firstBand], BandIds[firstBand + 1]],
                tau < 0.4 ? "low" : tau < 0.65 ? "medium" : "high",
                Regions[rng.NextInt(Regions.Length)]));
        }

        return practices;
    }

    private static List<SmeProfile> GenerateSmes(WorldOptions options, Random64 rng)
    {
        // Mean readiness (1–5) per sector and dimension.
        var mu = Sectors.ToDictionary(s => s, _ => Dimensions.ToDictionary(d => d, _ => 1.5 + (2.5 * rng.NextDouble())));
        var smes = new List<SmeProfile>();
        for (var i = 0; i < options.Smes; i++)
        {
            var sector = Sectors[rng.NextInt(Sectors.Length)];
            var size = Sizes[rng.NextInt(Sizes.Length)];
            var scores = Dimensions.ToDictionary(d => d, d => 100 * (Math.Clamp(rng.NextGaussian(mu[sector][d], 0.8), 1, 5) - 1) / 4);
            // Smaller firms name money and skills more often.
            var barriers = Barriers.Where(b => rng.NextDouble() < (b is "finance" or "workforce-skills" ? (size == "micro" ? 0.6 : size == "small" ? 0.45 : 0.3) : 0.2)).ToList();
            var top = barriers.Count == 0 ? [] : Pick(rng, [.. barriers], Math.Min(barriers.Count, 1 + rng.NextInt(3)));
            var goals = Goals.Where(_ => rng.NextDouble() < 0.25).ToList();
            var mean = scores.Values.Average();
            var band = mean <= 25 ? "basic" : mean <= 50 ? "average" : mean <= 75 ? "moderately-advanced" : "advanced";
            smes.Add(new SmeProfile($"sme-{i:D4}", scores, band, sector, size, Regions[rng.NextInt(Regions.Length)], barriers, top, goals));
        }

        return smes;
    }

    /// <summary>Gives practices readable titles; Bogus is used for text only, never for numbers that matter.</summary>
    private static List<string> Titles(WorldOptions options, IReadOnlyList<PracticeProfile> practices)
    {
        var faker = new Faker("en") { Random = new Randomizer(options.Seed) };
        return [.. practices.Select(p => $"{faker.Commerce.ProductAdjective()} {p.Theme} {p.InstrumentType} ({faker.Address.City()})")];
    }

    private static (double[] Utility, double[] FeatureUtility) PlantUtility(WorldOptions options, IReadOnlyList<SmeProfile> smes, IReadOnlyList<PracticeProfile> practices, Random64 rng)
    {
        const int k = 3;
        // The prior's structure with other weights: informative, but misspecified.
        var hidden = new RulePrior(practices, new PriorWeights(Gap: 0.2, Barrier: 0.4, Goal: 0.05, Sector: 0.15, Transferability: 0.15, Size: 0.05, OtherBarrierShare: 0.9));
        var sizeVectors = Sizes.ToDictionary(s => s, _ => Vector(rng, k));
        var sectorVectors = Sectors.ToDictionary(s => s, _ => Vector(rng, k));
        var themeVectors = Themes.ToDictionary(t => t, _ => Vector(rng, k));
        // A real catalogue's themes get their own vectors, drawn after the generated ones so simulated worlds stay as they were.
        foreach (var theme in practices.Select(p => p.Theme).Where(t => !themeVectors.ContainsKey(t)).Distinct().Order(StringComparer.Ordinal))
        {
            themeVectors[theme] = Vector(rng, k);
        }

        var firmVectors = smes.Select(_ => Vector(rng, k)).ToList();
        var practiceVectors = practices.Select(_ => Vector(rng, k)).ToList();
        // The variant affinities draw from their own stream (forking does not advance this one), so the default world stays as it was.
        var affinity = rng.Fork("affinity:" + options.Affinity);
        var regionVectors = smes.Select(s => s.Region!).Distinct().Order(StringComparer.Ordinal).ToDictionary(r => r, _ => Vector(affinity, k), StringComparer.Ordinal);
        var instrumentVectors = practices.Select(p => p.InstrumentType).Distinct().Order(StringComparer.Ordinal).ToDictionary(t => t, _ => Vector(affinity, k), StringComparer.Ordinal);
        if (!WorldAffinity.All.Contains(options.Affinity))
        {
            throw new ArgumentException($"Unknown affinity '{options.Affinity}'; one of: {string.Join(", ", WorldAffinity.All)}.", nameof(options));
        }

        var n = smes.Count * practices.Count;
        var prior = new double[n];
        var feature = new double[n];
        var firm = new double[n];
        var nonLinear = new double[n];
        var penalty = new double[n];
        for (var u = 0; u < smes.Count; u++)
        {
            var sme = smes[u];
            var z = Add(sizeVectors[sme.Size!], sectorVectors[sme.Sector!]);
            var dataReady = sme.DimensionScores["data"] >= 50; // readiness level 3 of 1–5
            for (var i = 0; i < practices.Count; i++)
            {
                var p = practices[i];
                var cell = (u * practices.Count) + i;
                prior[cell] = hidden.Score(sme, i);
                feature[cell] = options.Affinity switch
                {
                    WorldAffinity.RegionInstrument => Dot(regionVectors[sme.Region!], instrumentVectors[p.InstrumentType]),
                    WorldAffinity.ThreeWay => Dot(Multiply(sizeVectors[sme.Size!], sectorVectors[sme.Sector!]), themeVectors[p.Theme]),
                    _ => Dot(z, themeVectors[p.Theme]),
                };
                firm[cell] = Dot(firmVectors[u], practiceVectors[i]);
                nonLinear[cell] = p.Theme == AnalyticsTheme || p.Topics.Contains(AnalyticsTopic) ? (dataReady ? 1 : -1) : 0;
                penalty[cell] = (p.Sizes.Contains(sme.Size!) ? 0 : -2) + (p.FitsSector(sme.Sector) ? 0 : -2);
            }
        }

        Standardise(prior);
        Standardise(feature);
        Standardise(firm);
        var utility = new double[n];
        var featureUtility = new double[n];
        for (var c = 0; c < n; c++)
        {
            var known = (options.PriorTermWeight * prior[c]) + (options.FeatureTermWeight * feature[c]) + (options.NonLinearWeight * nonLinear[c] * options.FeatureTermWeight) + penalty[c];
            featureUtility[c] = known;
            utility[c] = known + (options.FirmTermWeight * firm[c]);
        }

        return (utility, featureUtility);
    }

    private static List<FeedbackEvent> SimulateFeedback(WorldOptions options, IReadOnlyList<SmeProfile> smes, IReadOnlyList<PracticeProfile> practices, double[] utility, Random64 rng)
    {
        var logging = new RulePrior(practices);
        var events = new List<FeedbackEvent>();
        long sequence = 0;
        var scores = new float[practices.Count];
        for (var u = 0; u < smes.Count; u++)
        {
            // The logging policy: a noisy prior ranking, with some slots given to random practices.
            logging.ScoreAll(smes[u], scores);
            var ranked = Enumerable.Range(0, practices.Count).OrderByDescending(i => scores[i] + (0.1 * rng.NextGaussian())).ToList();
            var shown = new List<int>();
            foreach (var slot in Enumerable.Range(0, Math.Min(options.ImpressionsPerSme, practices.Count)))
            {
                int pick;
                if (rng.NextDouble() < options.Exploration)
                {
                    do
                    {
                        pick = rng.NextInt(practices.Count);
                    }
                    while (shown.Contains(pick));
                }
                else
                {
                    pick = ranked.First(i => !shown.Contains(i));
                }

                shown.Add(pick);
            }

            for (var position = 0; position < shown.Count; position++)
            {
                var i = shown[position];
                events.Add(new FeedbackEvent(smes[u].Id, practices[i].Id, FeedbackKind.ShownNoAction, sequence++));
                // Position effect: lower slots are looked at less.
                if (rng.NextDouble() > 1 / Math.Log2(position + 2))
                {
                    continue;
                }

                var noise = options.ResponseNoise * Math.Log(1 / rng.NextDouble() - 1 + 1e-12); // logistic
                var response = utility[(u * practices.Count) + i] + noise;
                var kind = response > options.AdoptedAbove ? FeedbackKind.Adopted
                    : response > options.RelevantAbove ? FeedbackKind.Relevant
                    : response < options.NotRelevantBelow ? FeedbackKind.NotRelevant
                    : FeedbackKind.ShownNoAction;
                if (kind != FeedbackKind.ShownNoAction)
                {
                    events.Add(new FeedbackEvent(smes[u].Id, practices[i].Id, kind, sequence++));
                }
            }
        }

        return events;
    }

    private static List<string> Pick(Random64 rng, string[] from, int count)
    {
        var copy = from.ToList();
        rng.Shuffle(copy);
        return [.. copy.Take(count).Order(StringComparer.Ordinal)];
    }

    private static double[] Vector(Random64 rng, int k) => [.. Enumerable.Range(0, k).Select(_ => rng.NextGaussian())];

    private static double[] Add(double[] a, double[] b) => [.. a.Zip(b, (x, y) => x + y)];

    private static double[] Multiply(double[] a, double[] b) => [.. a.Zip(b, (x, y) => x * y)];

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static void Standardise(double[] values)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = sd > 0 ? (values[i] - mean) / sd : 0;
        }
    }

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the world: parameters, firms, practices (with titles), feedback, and the truth for scoring.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "world.json"), JsonSerializer.Serialize(Options, s_json));
        File.WriteAllText(Path.Combine(directory, "smes.json"), JsonSerializer.Serialize(Smes, s_json));
        File.WriteAllText(Path.Combine(directory, "practices.json"), JsonSerializer.Serialize(Practices.Zip(PracticeTitles, (p, t) => new { title = t, practice = p }), s_json));
        File.WriteAllLines(Path.Combine(directory, "feedback.tsv"), Feedback.Select(e => $"{e.Sequence}\t{e.SmeId}\t{e.PracticeId}\t{e.Kind}"));
        File.WriteAllLines(Path.Combine(directory, "truth.tsv"), Enumerable.Range(0, Smes.Count).SelectMany(u => Enumerable.Range(0, Practices.Count).Select(i =>
            FormattableString.Invariant($"{Smes[u].Id}\t{Practices[i].Id}\t{U(u, i):R}\t{FeatureU(u, i):R}"))));
    }

    /// <summary>Reads the parameters of a saved world; the world itself is regenerated from them, deterministically.</summary>
    public static WorldOptions LoadOptions(string directory)
    {
        var path = Path.Combine(directory, "world.json");
        return File.Exists(path)
            ? JsonSerializer.Deserialize<WorldOptions>(File.ReadAllText(path), s_json) ?? throw new InvalidDataException($"{path} is empty.")
            : throw new FileNotFoundException($"{path} not found; create a world with: smartyassess simulate --out {directory}");
    }
}
