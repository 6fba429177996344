using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;

namespace ArticleIndexer.Core.Indexing;

/// <summary>How the stored-only fields (stripped lines, entities, metadata) are written as JSON, and read back.</summary>
public static class ArticleJson
{
    /// <summary>camelCase, enums as strings, nulls left out: the same options the CLI's <c>--json</c> uses.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    internal static IReadOnlyList<StrippedLine> ReadStripped(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<StrippedLine[]>(json, Options) ?? [];

    internal static Metadata.ArticleMetadata? ReadMetadata(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Metadata.ArticleMetadata>(json, Options);
        }
        catch (JsonException)
        {
            // A document written by another version with another shape: shown without its metadata, rebuilt next pass.
            return null;
        }
    }

    internal static EntitySet ReadEntities(string? json) =>
        string.IsNullOrEmpty(json) ? EntitySet.Empty : JsonSerializer.Deserialize<EntitySet>(json, Options) ?? EntitySet.Empty;
}
