using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SmartyAssess.Web.Features.Assessments;

/// <summary>
/// Reads a JSON request body with a size limit and turns every way it can be wrong into a problem
/// response that names the offending field, instead of the framework's bare 400 or a 500.
/// </summary>
internal static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // A repeated key would otherwise silently keep the last value; the client meant one of them.
        AllowDuplicateProperties = false,
        // What the contracts declare non-nullable must not arrive as null: the serializer enforces it
        // for properties, and NonNullElements for list items and dictionary values, which it does not.
        RespectNullableAnnotations = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NonNullElements.Apply } },
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Content-Type", "Send the body as application/json."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }

        if (buffer.Length == 0)
        {
            return (null, Invalid("$", "The request body is empty; send a JSON object."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null ? (null, Invalid("$", "The request body must be a JSON object, not null.")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = FieldName(e.Path);
            if (e.Data[NonNullElements.MemberKey] is string member)
            {
                field = field == "$" ? JsonNamingPolicy.CamelCase.ConvertName(member) : field + "." + JsonNamingPolicy.CamelCase.ConvertName(member);
            }

            return (null, Invalid(field, Describe(e)));
        }
    }

    /// <summary>Turns a System.Text.Json path (<c>$.answers['q-1'].selected</c>) into the field names the API uses (<c>answers.q-1.selected</c>).</summary>
    internal static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }

        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return name.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
    }

    private static string Describe(JsonException e)
    {
        // The serializer's own messages name .NET types; say what the client should send instead.
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "This field is not part of the request.";
        }

        if (e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "This field is given more than once; give it once.";
        }

        if (e.Data[NonNullElements.MessageKey] is string own)
        {
            return own;
        }

        if (e.Message.Contains("null", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return "This field must not be null.";
        }

        if (e.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return "The JSON is nested too deeply.";
        }

        return e.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "This field has the wrong type (for example text where a list of ids is expected)."
            : $"The JSON is malformed near line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}.";
    }

    private static IResult TooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", "$", $"The body may hold at most {maxBytes / 1024} KB.");

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    private static IResult Problem(int status, string title, string field, string message) =>
        TypedResults.Problem(statusCode: status, title: title, detail: message, extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
