using SmartyAssess.Cli.Commands;
using SmartyAssess.Recommender;

namespace SmartyAssess.Cli.Tests;

public sealed class RatingsCvTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("smarty-ratings-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("1::10::4::978300760")]
    [InlineData("1\t10\t4\t978300760")]
    [InlineData("1,10,4")]
    public void Read_MovieLensSeparators_AreAllUnderstood(string line)
    {
        var ratings = RatingsCvCommand.Read(Write("r.dat", ["userId,movieId,rating,timestamp", line]));

        Assert.Equal([new RatingsCvCommand.Rating("1", "10", 4)], ratings);
    }

    [Fact]
    public void Read_MalformedLine_NamesItsLineNumber()
    {
        var path = Write("bad.dat", ["1\t10\t4", "1\t11\tfour"]);

        var error = Assert.Throws<InvalidDataException>(() => RatingsCvCommand.Read(path));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossValidation_OnRatingsWithStructure_BeatsTheGlobalMeanAndReportsTheSummaryLast()
    {
        // 150 users × 120 items with user and item biases plus a rank-2 interaction and noise.
        var rng = new Random64(3);
        var userBias = Enumerable.Range(0, 150).Select(_ => rng.NextGaussian(0, 0.5)).ToArray();
        var itemBias = Enumerable.Range(0, 120).Select(_ => rng.NextGaussian(0, 0.5)).ToArray();
        var lines = new List<string>();
        for (var u = 0; u < 150; u++)
        {
            for (var i = 0; i < 120; i++)
            {
                if (rng.NextDouble() < 0.3)
                {
                    var r = Math.Clamp(Math.Round(3.5 + userBias[u] + itemBias[i] + rng.NextGaussian(0, 0.5)), 1, 5);
                    lines.Add(FormattableString.Invariant($"{u}\t{i}\t{r}"));
                }
            }
        }

        var path = Write("ratings.tsv", lines);
        var values = RatingsCvCommand.Read(path).Select(r => r.Value).ToList();
        var meanRmse = Math.Sqrt(values.Average(v => Math.Pow(v - values.Average(), 2)));
        using var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, RatingsCvCommand.Run(new Arguments(["--input", path, "--folds", "3", "--seed", "1"])));
        }
        finally
        {
            Console.SetOut(original);
        }

        var last = output.ToString().TrimEnd().Split('\n')[^1];
        var match = System.Text.RegularExpressions.Regex.Match(last, @"^RMSE=(\d+\.\d+) MAE=\d+\.\d+ folds=3 seconds-per-fold=\d+\.\d+$");
        Assert.True(match.Success, last);
        var rmse = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rmse < meanRmse * 0.85, $"RMSE {rmse} vs global mean {meanRmse}");
    }
}
