using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SmartyAssess.Web.Features.Journey;

/// <summary>
/// The secret in a resume link: 256 random bits, base64url. Only its SHA-256 is stored, so a copy of
/// the database does not hand out working links.
/// </summary>
internal static class ResumeToken
{
    public const int Length = 43;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    /// <summary>Rejects anything that cannot be a token before it reaches the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
