namespace SmartyAssess.Web.Features.Results;

/// <summary>
/// Where things go on the radar chart. The first axis points straight up and the others follow
/// clockwise at equal angles; a score of 100 lies on the outer ring.
/// </summary>
public static class RadarGeometry
{
    public readonly record struct Point(double X, double Y);

    public static double Angle(int index, int count) => -Math.PI / 2 + 2 * Math.PI * index / count;

    public static Point OnAxis(int index, int count, double score, Point centre, double radius)
    {
        var distance = radius * Math.Clamp(score, 0, 100) / 100;
        var angle = Angle(index, count);
        return new Point(centre.X + distance * Math.Cos(angle), centre.Y + distance * Math.Sin(angle));
    }

    /// <summary>An SVG <c>points</c> attribute, with invariant-culture numbers.</summary>
    public static string Points(IEnumerable<Point> points) =>
        string.Join(' ', points.Select(p => FormattableString.Invariant($"{p.X:0.##},{p.Y:0.##}")));

    /// <summary>Splits a label into lines of at most <paramref name="width"/> characters, at spaces.</summary>
    public static IReadOnlyList<string> Wrap(string label, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }
}
