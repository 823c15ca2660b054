using System.Buffers.Text;
using System.Security.Cryptography;

namespace SmartyAssess.Web.Features.Assessments;

/// <summary>The public id of a result: 128 random bits, base64url. Knowing it is what lets someone read the result.</summary>
internal static class ResultId
{
    public const int Length = 22;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
