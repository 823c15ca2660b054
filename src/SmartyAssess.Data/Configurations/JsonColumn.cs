using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SmartyAssess.Data.Configurations;

/// <summary>
/// Maps a value to a JSON text column. Plain text (not jsonb) keeps SQLite and PostgreSQL
/// identical; nothing queries inside these documents in SQL.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T>() where T : class =>
        new(value => Serialize(value), json => Deserialize<T>(json));

    /// <summary>Compares by content and snapshots by copy, so that changes made in place are saved.</summary>
    public static ValueComparer<T> Comparer<T>() where T : class =>
        new((a, b) => Serialize(a) == Serialize(b), value => Serialize(value).GetHashCode(StringComparison.Ordinal), value => Deserialize<T>(Serialize(value)));

    private static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, s_options);

    private static T Deserialize<T>(string json) where T : class =>
        JsonSerializer.Deserialize<T>(json, s_options) ?? throw new JsonException($"A stored {typeof(T).Name} document is null.");
}
