namespace SmartyAssess.Recommender;

/// <summary>The loss a model is trained with.</summary>
public enum Loss
{
    /// <summary>Weighted logistic loss on ±1 labels (feedback).</summary>
    Logistic,

    /// <summary>Squared error on numeric labels (explicit ratings).</summary>
    Squared,
}

/// <summary>One labelled pair: indices into <see cref="TrainingData.Smes"/> and <see cref="TrainingData.Practices"/>.</summary>
/// <param name="Sme">Firm index.</param>
/// <param name="Practice">Practice index.</param>
/// <param name="Label">+1 or −1 for the logistic loss; the rating for the squared loss.</param>
/// <param name="Weight">How much the example counts.</param>
public readonly record struct TrainingExample(int Sme, int Practice, float Label, float Weight);

/// <summary>Encoded firms and practices, labelled pairs, and the prior's term values.</summary>
/// <param name="Vocabulary">The features.</param>
/// <param name="Smes">Encoded firms.</param>
/// <param name="Practices">Encoded practices.</param>
/// <param name="Examples">Labelled pairs, in a fixed order.</param>
/// <param name="PriorTerms">For every (firm, practice), the prior's <see cref="PriorWeights.TermCount"/> term values minus
/// their mean over the firm's practices, at [(firm·practices + practice)·terms + term]; null for no prior.</param>
/// <param name="Prior">The configured prior weights the learned adjustment starts from.</param>
public sealed record TrainingData(
    FeatureVocabulary Vocabulary,
    IReadOnlyList<SparseFeatures> Smes,
    IReadOnlyList<SparseFeatures> Practices,
    IReadOnlyList<TrainingExample> Examples,
    float[]? PriorTerms,
    PriorWeights Prior);

/// <summary>
/// Hyperparameters. The defaults are those that met the evaluation targets on the synthetic worlds
/// (ADR 0011): a narrow interaction map, a fixed number of passes over every labelled firm, and no
/// sampled negatives.
/// </summary>
/// <param name="Factors">Latent dimension k.</param>
/// <param name="LearningRate">AdaGrad step size η.</param>
/// <param name="LambdaWeights">L2 on linear weights.</param>
/// <param name="LambdaLatent">L2 on latent vectors of metadata features.</param>
/// <param name="LambdaIdentifiers">L2 on weights and vectors of identifier features.</param>
/// <param name="MaxEpochs">Passes over the data; fewer only when early stopping ends training.</param>
/// <param name="Patience">Stop after this many epochs without a better validation score; 0 or less runs every
/// epoch (still keeping the best-scoring one when there is a validation score) and, in
/// <see cref="FeedbackTraining"/>, holds no firms out for validation.</param>
/// <param name="NegativesPerPositive">Unobserved practices sampled per positive example and epoch (logistic loss).</param>
/// <param name="NegativeWeight">Weight of a sampled unobserved practice.</param>
/// <param name="Seed">Seed of every random choice.</param>
/// <param name="Loss">The loss.</param>
/// <param name="Kappa">Logits per unit of prior (stored in the model).</param>
/// <param name="InitialBias">Starting value of w0 (the mean rating for the squared loss).</param>
/// <param name="LambdaPrior">L2 on the learned prior adjustment: how strongly the prior's weights are trusted.</param>
/// <param name="Interactions">The feature kinds with latent vectors (<see cref="FeatureInteractions"/>).</param>
public sealed record TrainingOptions(
    int Factors = 8,
    float LearningRate = 0.2f,
    float LambdaWeights = 0.03f,
    float LambdaLatent = 3e-4f,
    float LambdaIdentifiers = 1e-2f,
    int MaxEpochs = 100,
    int Patience = 0,
    int NegativesPerPositive = 0,
    float NegativeWeight = 0.1f,
    ulong Seed = 42,
    Loss Loss = Loss.Logistic,
    float Kappa = 4,
    float InitialBias = 0,
    float LambdaPrior = 1e-3f,
    string Interactions = FeatureInteractions.Default);

/// <summary>The outcome of training.</summary>
/// <param name="Model">The parameters of the best epoch (by validation score, or the last without validation).</param>
/// <param name="BestEpoch">1-based epoch of <paramref name="Model"/>.</param>
/// <param name="ValidationScores">Validation score after each epoch (empty without validation).</param>
/// <param name="EpochsRun">How many epochs ran before stopping.</param>
public sealed record TrainingResult(FmModel Model, int BestEpoch, IReadOnlyList<double> ValidationScores, int EpochsRun);

/// <summary>
/// Trains an <see cref="FmModel"/> with AdaGrad (accumulators start at 1), L2 regularisation and,
/// when given a validation score and a positive patience, early stopping. Only the features of the
/// interaction map (<see cref="TrainingOptions.Interactions"/>) get latent vectors. Single-threaded with its own PRNG and a fixed iteration order, so the same seed
/// and data give byte-identical parameters.
/// </summary>
public static class FmTrainer
{
    /// <summary>Trains a model.</summary>
    /// <param name="data">Encoded pairs.</param>
    /// <param name="options">Hyperparameters.</param>
    /// <param name="validate">Scores a candidate model after each epoch (higher is better), or null to run every epoch.</param>
    /// <param name="progress">Called after each epoch with (epoch, validation score or NaN).</param>
    public static TrainingResult Train(TrainingData data, TrainingOptions options, Func<FmModel, double>? validate = null, Action<int, double>? progress = null)
    {
        if (data.Examples.Count == 0)
        {
            // Nothing to learn from: no random latent noise either, so the ranking is exactly the prior's.
            return new TrainingResult(FmModel.PriorOnly(data.Vocabulary, options.Factors, options.Kappa, data.Prior), 0, [], 0);
        }

        var state = new State(data, options);
        var random = new Random64(options.Seed);
        state.Initialise(random.Fork("init"));
        var shuffle = random.Fork("shuffle");
        var negatives = random.Fork("negatives");

        var history = new List<double>();
        FmModel? best = null;
        var bestScore = double.NegativeInfinity;
        var bestEpoch = 0;
        var epoch = 0;
        var observed = data.Examples.GroupBy(e => e.Sme).ToDictionary(g => g.Key, g => g.Select(e => e.Practice).ToHashSet());
        while (epoch < options.MaxEpochs)
        {
            epoch++;
            var examples = new List<TrainingExample>(data.Examples);
            if (options.Loss == Loss.Logistic && options.NegativesPerPositive > 0 && data.Practices.Count > 0)
            {
                foreach (var positive in data.Examples.Where(e => e.Label > 0))
                {
                    var seen = observed[positive.Sme];
                    if (seen.Count >= data.Practices.Count)
                    {
                        continue;
                    }

                    for (var n = 0; n < options.NegativesPerPositive; n++)
                    {
                        int candidate;
                        do
                        {
                            candidate = negatives.NextInt(data.Practices.Count);
                        }
                        while (seen.Contains(candidate));

                        examples.Add(new TrainingExample(positive.Sme, candidate, -1, options.NegativeWeight));
                    }
                }
            }

            shuffle.Shuffle(examples);
            foreach (var example in examples)
            {
                state.Step(example);
            }

            var model = state.Snapshot();
            var score = validate?.Invoke(model) ?? double.NaN;
            progress?.Invoke(epoch, score);
            if (validate is null)
            {
                best = model;
                bestEpoch = epoch;
                continue;
            }

            history.Add(score);
            if (score > bestScore)
            {
                bestScore = score;
                best = model;
                bestEpoch = epoch;
            }
            else if (options.Patience > 0 && epoch - bestEpoch >= options.Patience)
            {
                break;
            }
        }

        return new TrainingResult(best ?? state.Snapshot(), bestEpoch, history, epoch);
    }

    /// <summary>The loss of one example and its derivative with respect to the score (exposed for the gradient check).</summary>
    /// <param name="loss">The loss.</param>
    /// <param name="score">The model's score s.</param>
    /// <param name="label">The label.</param>
    /// <param name="weight">The example weight c.</param>
    internal static (double Value, double Slope) LossAndSlope(Loss loss, double score, double label, double weight)
    {
        if (loss == Loss.Squared)
        {
            var error = score - label;
            return (weight * error * error, 2 * weight * error);
        }

        var margin = label * score;
        // log(1 + e^-m), computed without overflow for large |m|.
        var value = margin > 0 ? Math.Log(1 + Math.Exp(-margin)) : -margin + Math.Log(1 + Math.Exp(margin));
        var slope = -label * weight / (1 + Math.Exp(margin));
        return (weight * value, slope);
    }

    /// <summary>The mutable parameters and AdaGrad accumulators while training.</summary>
    internal sealed class State(TrainingData data, TrainingOptions options)
    {
        private readonly int _k = options.Factors;
        private readonly float[] _w = new float[data.Vocabulary.Count];
        private readonly float[] _v = new float[data.Vocabulary.Count * options.Factors];
        private readonly float[] _gw = new float[data.Vocabulary.Count];
        private readonly float[] _gv = new float[data.Vocabulary.Count * options.Factors];
        private readonly float[] _delta = new float[PriorWeights.TermCount];
        private readonly float[] _gDelta = [1, 1, 1, 1, 1, 1];
        private readonly float[] _baseWeights = [.. data.Prior.TermWeights().Select(w => (float)w)];
        private readonly int _practiceCount = data.Practices.Count;
        private readonly bool[] _latent = FeatureInteractions.Mask(data.Vocabulary, options.Interactions);
        private float _bias = options.InitialBias;
        private float _gBias = 1;

        /// <summary>κ·Σt (wt + Δt)·Ct(u, i): the prior offset of a pair under the current adjustment.</summary>
        private float Offset(int sme, int practice)
        {
            if (data.PriorTerms is null)
            {
                return 0;
            }

            var row = ((sme * _practiceCount) + practice) * PriorWeights.TermCount;
            float sum = 0;
            for (var t = 0; t < PriorWeights.TermCount; t++)
            {
                sum += (_baseWeights[t] + _delta[t]) * data.PriorTerms[row + t];
            }

            return options.Kappa * sum;
        }

        private void UpdatePrior(int sme, int practice, float g, float eta)
        {
            if (data.PriorTerms is null)
            {
                return;
            }

            var row = ((sme * _practiceCount) + practice) * PriorWeights.TermCount;
            for (var t = 0; t < PriorWeights.TermCount; t++)
            {
                var gd = (g * options.Kappa * data.PriorTerms[row + t]) + (options.LambdaPrior * _delta[t]);
                _gDelta[t] += gd * gd;
                _delta[t] -= eta * gd / MathF.Sqrt(_gDelta[t]);
            }
        }

        public void Initialise(Random64 random)
        {
            Array.Fill(_gw, 1f);
            Array.Fill(_gv, 1f);
            for (var i = 0; i < _v.Length; i++)
            {
                // Draw for every feature so that the interaction map does not shift the random stream.
                var draw = (float)((random.NextDouble() - 0.5) / _k);
                _v[i] = _latent[i / _k] ? draw : 0;
            }
        }

        /// <summary>The score of a pair under the current parameters (with its offset).</summary>
        public double Score(int sme, int practice)
        {
            var u = data.Smes[sme];
            var p = data.Practices[practice];
            double score = _bias + Offset(sme, practice);
            for (var j = 0; j < u.Count; j++)
            {
                score += _w[u.Indices[j]] * u.Values[j];
            }

            for (var j = 0; j < p.Count; j++)
            {
                score += _w[p.Indices[j]] * p.Values[j];
            }

            for (var f = 0; f < _k; f++)
            {
                score += Embedding(u, f) * Embedding(p, f);
            }

            return score;
        }

        public void Step(TrainingExample example)
        {
            var u = data.Smes[example.Sme];
            var p = data.Practices[example.Practice];
            Span<float> q = stackalloc float[_k];
            Span<float> pe = stackalloc float[_k];
            u.Embed(_v, _k, q);
            p.Embed(_v, _k, pe);

            var score = _bias + Offset(example.Sme, example.Practice) + u.Dot(_w) + p.Dot(_w);
            for (var f = 0; f < _k; f++)
            {
                score += q[f] * pe[f];
            }

            var (_, slope) = LossAndSlope(options.Loss, score, example.Label, example.Weight);
            var g = (float)slope;
            var eta = options.LearningRate;

            _gBias += g * g;
            _bias -= eta * g / MathF.Sqrt(_gBias);

            UpdateSide(u, pe, g, eta);
            UpdateSide(p, q, g, eta);
            UpdatePrior(example.Sme, example.Practice, g, eta);
        }

        /// <summary>Updates the weights and vectors of one side; <paramref name="other"/> is the other side's embedding.</summary>
        private void UpdateSide(SparseFeatures side, ReadOnlySpan<float> other, float g, float eta)
        {
            for (var j = 0; j < side.Count; j++)
            {
                var index = side.Indices[j];
                var x = side.Values[j];
                var isId = data.Vocabulary.IsIdentifier(index);
                var lambdaW = isId ? options.LambdaIdentifiers : options.LambdaWeights;
                var lambdaV = isId ? options.LambdaIdentifiers : options.LambdaLatent;

                var gw = (g * x) + (lambdaW * _w[index]);
                _gw[index] += gw * gw;
                _w[index] -= eta * gw / MathF.Sqrt(_gw[index]);

                if (!_latent[index])
                {
                    continue;
                }

                var row = index * _k;
                for (var f = 0; f < _k; f++)
                {
                    var gv = (g * x * other[f]) + (lambdaV * _v[row + f]);
                    _gv[row + f] += gv * gv;
                    _v[row + f] -= eta * gv / MathF.Sqrt(_gv[row + f]);
                }
            }
        }

        private float Embedding(SparseFeatures side, int f)
        {
            float sum = 0;
            for (var j = 0; j < side.Count; j++)
            {
                sum += _v[(side.Indices[j] * _k) + f] * side.Values[j];
            }

            return sum;
        }

        /// <summary>The analytic gradient of the loss of one example, for the gradient check: (bias, weights, latent, prior adjustment).</summary>
        internal (double Bias, double[] Weights, double[] Latent, double[] Prior) Gradient(TrainingExample example)
        {
            var u = data.Smes[example.Sme];
            var p = data.Practices[example.Practice];
            var (_, slope) = LossAndSlope(options.Loss, Score(example.Sme, example.Practice), example.Label, example.Weight);
            var gw = new double[_w.Length];
            var gv = new double[_v.Length];
            void Side(SparseFeatures side, SparseFeatures other)
            {
                for (var j = 0; j < side.Count; j++)
                {
                    gw[side.Indices[j]] += slope * side.Values[j];
                    for (var f = 0; f < _k; f++)
                    {
                        gv[(side.Indices[j] * _k) + f] += slope * side.Values[j] * Embedding(other, f);
                    }
                }
            }

            Side(u, p);
            Side(p, u);
            var gp = new double[PriorWeights.TermCount];
            if (data.PriorTerms is not null)
            {
                var row = ((example.Sme * _practiceCount) + example.Practice) * PriorWeights.TermCount;
                for (var t = 0; t < gp.Length; t++)
                {
                    gp[t] = slope * options.Kappa * data.PriorTerms[row + t];
                }
            }

            return (slope, gw, gv, gp);
        }

        /// <summary>The loss of one example under the current parameters, for the gradient check.</summary>
        internal double LossOf(TrainingExample example) => LossAndSlope(options.Loss, Score(example.Sme, example.Practice), example.Label, example.Weight).Value;

        internal float[] Weights => _w;

        internal float[] Latent => _v;

        internal float[] PriorAdjustment => _delta;

        internal float Bias
        {
            get => _bias;
            set => _bias = value;
        }

        public FmModel Snapshot() =>
            new(data.Vocabulary, _k, _bias, (float[])_w.Clone(), (float[])_v.Clone(), options.Kappa, data.Prior, data.PriorTerms is null ? null : (float[])_delta.Clone());
    }
}
