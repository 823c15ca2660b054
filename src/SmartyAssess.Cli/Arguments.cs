using System.Globalization;

namespace SmartyAssess.Cli;

/// <summary>A command's <c>--name value</c> options; a problem is reported as a usage error.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Expected '--name value' or '--flag', got '{list[i]}'.");
            }

            // A name followed by another name (or by nothing) is a flag.
            _values[list[i][2..]] = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : "true";
        }
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new UsageException($"--{name} is required.");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.GetValueOrDefault(name) is "true";

    public int Int(string name, int fallback) => Parse(name, fallback, s => int.Parse(s, CultureInfo.InvariantCulture));

    public float Float(string name, float fallback) => Parse(name, fallback, s => float.Parse(s, CultureInfo.InvariantCulture));

    private T Parse<T>(string name, T fallback, Func<string, T> parse)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return fallback;
        }

        try
        {
            return parse(value);
        }
        catch (FormatException)
        {
            throw new UsageException($"--{name}: '{value}' is not a number.");
        }
        catch (OverflowException)
        {
            throw new UsageException($"--{name}: '{value}' is out of range.");
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);

/// <summary>A command that was given well-formed options but cannot do what they ask (a refused password, an unknown hub).</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
