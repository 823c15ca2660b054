using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SmartyAssess.Web.Features.Assessments;

/// <summary>
/// Refuses <c>null</c> inside a list or as a dictionary value where the contract declares the
/// items non-nullable (<c>List&lt;string&gt;</c>, not <c>List&lt;string?&gt;</c>).
/// System.Text.Json's <see cref="JsonSerializerOptions.RespectNullableAnnotations"/> cannot see
/// generic arguments, so <c>"selected": [null]</c> used to reach the scorer as a null id and fail
/// there with a 500. Checking the declared nullability once, per contract property (set through a
/// setter or a record's constructor), covers every request type that exists or is added later.
/// Items of nested collections (<c>List&lt;List&lt;string&gt;&gt;</c>) are not looked into; no
/// contract has one.
/// </summary>
internal static class NonNullElements
{
    public const string MessageKey = "smarty:message";

    public static void Apply(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var context = new NullabilityInfoContext();
        var boundByConstructor = new List<(JsonPropertyInfo Property, PropertyInfo Info, NullabilityInfo Item)>();
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo info || ItemNullability(context.Create(info)) is not { } item || item.ReadState != NullabilityState.NotNull)
            {
                continue;
            }

            // A record's constructor receives its values without calling the setter: check those
            // once the object is built.
            if (property.AssociatedParameter is not null || property.Set is null)
            {
                boundByConstructor.Add((property, info, item));
                continue;
            }

            var set = property.Set;
            property.Set = (target, value) =>
            {
                Refuse(value, item, member: null);
                set(target, value);
            };
        }

        if (boundByConstructor.Count > 0)
        {
            var previous = type.OnDeserialized;
            type.OnDeserialized = target =>
            {
                foreach (var (property, info, item) in boundByConstructor)
                {
                    Refuse(info.GetValue(target), item, property.Name);
                }

                previous?.Invoke(target);
            };
        }
    }

    /// <summary>Key of <see cref="Exception.Data"/> naming the member when the error is raised for the whole object.</summary>
    public const string MemberKey = "smarty:member";

    private static void Refuse(object? value, NullabilityInfo item, string? member)
    {
        if (FirstNull(value) is { } position)
        {
            var error = new JsonException($"Null item at {position}.");
            error.Data[MessageKey] = $"Item {position} is null; this list takes {Describe(item.Type)} only.";
            if (member is not null)
            {
                error.Data[MemberKey] = member;
            }

            throw error;
        }
    }

    /// <summary>The items' nullability of a list, array or set, or the values' of a dictionary; null for anything else.</summary>
    private static NullabilityInfo? ItemNullability(NullabilityInfo property)
    {
        var type = property.Type;
        if (type.IsArray)
        {
            return property.ElementType;
        }

        if (!type.IsGenericType || !typeof(IEnumerable).IsAssignableFrom(type) || type == typeof(string))
        {
            return null;
        }

        var arguments = property.GenericTypeArguments;
        return arguments.Length switch
        {
            1 => arguments[0],
            2 when type.GetInterfaces().Append(type).Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))) => arguments[1],
            _ => null,
        };
    }

    private static string? FirstNull(object? value)
    {
        switch (value)
        {
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Value is null)
                    {
                        return $"\u201c{entry.Key}\u201d";
                    }
                }

                return null;
            case IEnumerable items and not string:
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }

    private static string Describe(Type type) => type == typeof(string) ? "text values (ids)" : "objects";
}
