using System.Security.Cryptography;
using System.Text;

namespace SmartyAssess.Assessment.Catalogue;

/// <summary>
/// The validated practices, and the problems of files that were left out (served only where
/// start-up tolerates them, i.e. in production).
/// </summary>
public sealed class PracticeCatalogue
{
    private readonly Dictionary<string, Practice> _byId;

    public PracticeCatalogue(IReadOnlyList<Practice> practices, IReadOnlyList<string> problems, IReadOnlyDictionary<string, string> jsonById)
    {
        Practices = [.. practices.OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)];
        Problems = problems;
        JsonById = jsonById;
        _byId = practices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', jsonById.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + ContentHash(p.Value))))))[..16];
    }

    /// <summary>Practices in title order.</summary>
    public IReadOnlyList<Practice> Practices { get; }

    public IReadOnlyList<string> Problems { get; }

    /// <summary>The source text of every valid practice, by id.</summary>
    public IReadOnlyDictionary<string, string> JsonById { get; }

    /// <summary>A short hash of every valid practice's text: the catalogue's data version.</summary>
    public string Version { get; }

    public Practice? Find(string id) => _byId.GetValueOrDefault(id);

    public static string ContentHash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
