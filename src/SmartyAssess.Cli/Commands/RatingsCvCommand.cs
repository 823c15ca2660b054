using System.Diagnostics;
using System.Globalization;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Commands;

/// <summary>
/// <c>ratings-cv --input &lt;file&gt; --folds 5 --seed 42</c>: k-fold cross-validation of the engine on
/// explicit ratings (<c>user item rating [timestamp]</c>, tab-, comma- or <c>::</c>-separated, as
/// MovieLens publishes), with user and item identifier features and their biases, squared loss and
/// no prior. Lets anyone compare the engine with published results on public data.
/// </summary>
internal static class RatingsCvCommand
{
    public static int Run(Arguments args)
    {
        var input = args.Required("input");
        var folds = args.Int("folds", 5);
        if (folds < 2)
        {
            throw new UsageException("--folds must be at least 2.");
        }

        var ratings = Read(input);
        var seed = (ulong)args.Int("seed", 42);
        var defaults = new TrainingOptions(Factors: 16, LearningRate: 0.05f, LambdaWeights: 0.01f, LambdaLatent: 0.05f, LambdaIdentifiers: 0.05f, MaxEpochs: 40, Patience: 3, NegativesPerPositive: 0, Loss: Loss.Squared, Kappa: 0, Interactions: FeatureInteractions.All);
        var options = defaults with
        {
            Factors = args.Int("factors", defaults.Factors),
            LearningRate = args.Float("learning-rate", defaults.LearningRate),
            LambdaWeights = args.Float("lambda-weights", defaults.LambdaWeights),
            LambdaIdentifiers = args.Float("lambda-ids", defaults.LambdaIdentifiers),
            MaxEpochs = args.Int("epochs", defaults.MaxEpochs),
            Patience = args.Int("patience", defaults.Patience),
            Seed = seed,
        };

        var order = Enumerable.Range(0, ratings.Count).ToList();
        new Random64(seed).Fork("folds").Shuffle(order);
        var (min, max) = (ratings.Min(r => r.Value), ratings.Max(r => r.Value));
        var progress = new Progress(folds, "ratings-cv");
        double squared = 0, absolute = 0;
        var seconds = new List<double>();
        for (var fold = 0; fold < folds; fold++)
        {
            var stopwatch = Stopwatch.StartNew();
            var test = order.Where((_, position) => position % folds == fold).Select(i => ratings[i]).ToList();
            var rest = order.Where((_, position) => position % folds != fold).Select(i => ratings[i]).ToList();
            // A tenth of the training part decides when to stop.
            var validation = rest.Where((_, position) => position % 10 == 0).ToList();
            var train = rest.Where((_, position) => position % 10 != 0).ToList();
            var model = Train(train, validation, options with { InitialBias = (float)train.Average(r => r.Value) }, min, max);
            foreach (var r in test)
            {
                var error = Predict(model, r, min, max) - r.Value;
                squared += error * error;
                absolute += Math.Abs(error);
            }

            seconds.Add(stopwatch.Elapsed.TotalSeconds);
            progress.Step($"fold {fold + 1}: {test.Count} ratings, {stopwatch.Elapsed.TotalSeconds:0.0} s");
        }

        Console.WriteLine(FormattableString.Invariant($"RMSE={Math.Sqrt(squared / ratings.Count):0.0000} MAE={absolute / ratings.Count:0.0000} folds={folds} seconds-per-fold={seconds.Average():0.00}"));
        return 0;
    }

    internal readonly record struct Rating(string User, string Item, double Value);

    internal static List<Rating> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist.");
        }

        var ratings = new List<Rating>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Contains("::", StringComparison.Ordinal) ? line.Split("::") : line.Contains('\t', StringComparison.Ordinal) ? line.Split('\t') : line.Split(',');
            if (fields.Length < 3 || !double.TryParse(fields[2].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rating))
            {
                if (number == 1)
                {
                    continue; // a header line
                }

                throw new InvalidDataException($"{path}, line {number}: expected 'user item rating [timestamp]'.");
            }

            ratings.Add(new Rating(fields[0].Trim(), fields[1].Trim(), rating));
        }

        return ratings.Count > 0 ? ratings : throw new InvalidDataException($"{path} holds no ratings.");
    }

    internal sealed record RatingsModel(FmModel Model, Dictionary<string, SparseFeatures> Users, Dictionary<string, SparseFeatures> Items);

    internal static RatingsModel Train(IReadOnlyList<Rating> train, IReadOnlyList<Rating> validation, TrainingOptions options, double min, double max)
    {
        var users = train.Select(r => r.User).Distinct().Order(StringComparer.Ordinal).ToList();
        var items = train.Select(r => r.Item).Distinct().Order(StringComparer.Ordinal).ToList();
        var vocabulary = new FeatureVocabulary(users.Select(u => $"{FeatureVocabulary.SmePrefix}sme:{u}").Concat(items.Select(i => $"{FeatureVocabulary.PracticePrefix}practice:{i}")));
        var userFeatures = users.Select((u, n) => (u, new SparseFeatures([(n, 1f)]))).ToDictionary(x => x.u, x => x.Item2, StringComparer.Ordinal);
        var itemFeatures = items.Select((i, n) => (i, new SparseFeatures([(users.Count + n, 1f)]))).ToDictionary(x => x.i, x => x.Item2, StringComparer.Ordinal);
        var userIndex = users.Select((u, n) => (u, n)).ToDictionary(x => x.u, x => x.n, StringComparer.Ordinal);
        var itemIndex = items.Select((i, n) => (i, n)).ToDictionary(x => x.i, x => x.n, StringComparer.Ordinal);
        var data = new TrainingData(
            vocabulary,
            [.. users.Select(u => userFeatures[u])],
            [.. items.Select(i => itemFeatures[i])],
            [.. train.Select(r => new TrainingExample(userIndex[r.User], itemIndex[r.Item], (float)r.Value, 1))],
            PriorTerms: null,
            PriorWeights.Default);
        var result = FmTrainer.Train(data, options, validate: model =>
        {
            var candidate = new RatingsModel(model, userFeatures, itemFeatures);
            return -Math.Sqrt(validation.Average(r => Math.Pow(Predict(candidate, r, min, max) - r.Value, 2)));
        });
        return new RatingsModel(result.Model, userFeatures, itemFeatures);
    }

    /// <summary>The model's rating for a pair, clipped to the scale; unseen users or items fall back to the biases that are known.</summary>
    internal static double Predict(RatingsModel ratings, Rating r, double min, double max)
    {
        var model = ratings.Model;
        var k = model.Factors;
        double score = model.Bias;
        var user = ratings.Users.GetValueOrDefault(r.User);
        var item = ratings.Items.GetValueOrDefault(r.Item);
        if (user is not null)
        {
            score += model.Linear(user);
        }

        if (item is not null)
        {
            score += model.Linear(item);
        }

        if (user is not null && item is not null)
        {
            Span<float> q = stackalloc float[k];
            Span<float> p = stackalloc float[k];
            model.Embed(user, q);
            model.Embed(item, p);
            for (var f = 0; f < k; f++)
            {
                score += q[f] * p[f];
            }
        }

        return Math.Clamp(score, min, max);
    }
}
