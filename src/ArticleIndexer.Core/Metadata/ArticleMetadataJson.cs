using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArticleIndexer.Core.Metadata;

/// <summary>
/// The one JSON shape of <see cref="ArticleMetadata"/>, in the index and in every command's output:
/// <c>{"published": "yyyy-mm-dd" | null, "publishedFrom": "..." | null, "updated": ..., "updatedFrom": ...,
/// "authors": ["Jane Smith", ...], "roles": {"Jane Smith": "Political Editor"}, "authorsFrom": ..., "site": ...,
/// "siteFrom": ..., "titleFrom": ...}</c>. <c>published</c>, <c>publishedFrom</c> and <c>authors</c> are always written; the others only
/// when found. Names stay a plain list, as readers of bylines expect; the roles a byline gave sit beside them.
/// </summary>
public sealed class ArticleMetadataJson : JsonConverter<ArticleMetadata>
{
    /// <inheritdoc />
    public override ArticleMetadata Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("metadata is an object");
        }

        DateOnly? published = null, updated = null;
        string? publishedFrom = null, updatedFrom = null, authorsFrom = null, site = null, siteFrom = null, titleFrom = null;
        var names = new List<string>();
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "published": published = Day(reader.GetString()); break;
                case "publishedFrom": publishedFrom = reader.GetString(); break;
                case "updated": updated = Day(reader.GetString()); break;
                case "updatedFrom": updatedFrom = reader.GetString(); break;
                case "authorsFrom": authorsFrom = reader.GetString(); break;
                case "site": site = reader.GetString(); break;
                case "siteFrom": siteFrom = reader.GetString(); break;
                case "titleFrom": titleFrom = reader.GetString(); break;
                case "authors":
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        names.Add(reader.GetString() ?? string.Empty);
                    }

                    break;
                case "roles":
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var author = reader.GetString() ?? string.Empty;
                        reader.Read();
                        roles[author] = reader.GetString() ?? string.Empty;
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        return new ArticleMetadata(published, publishedFrom, updated, updatedFrom)
        {
            Authors = [.. names.Select(n => new ArticleAuthor(n, roles.GetValueOrDefault(n)))],
            AuthorsFrom = authorsFrom,
            Site = site,
            SiteFrom = siteFrom,
            TitleFrom = titleFrom,
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ArticleMetadata value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteAlways(writer, "published", Day(value.Published));
        WriteAlways(writer, "publishedFrom", value.PublishedFrom);
        WriteFound(writer, "updated", Day(value.Updated));
        WriteFound(writer, "updatedFrom", value.UpdatedFrom);
        writer.WriteStartArray("authors");
        foreach (var author in value.Authors)
        {
            writer.WriteStringValue(author.Name);
        }

        writer.WriteEndArray();
        if (value.Authors.Any(a => a.Role is not null))
        {
            writer.WriteStartObject("roles");
            foreach (var author in value.Authors.Where(a => a.Role is not null).DistinctBy(a => a.Name))
            {
                writer.WriteString(author.Name, author.Role);
            }

            writer.WriteEndObject();
        }

        WriteFound(writer, "authorsFrom", value.AuthorsFrom);
        WriteFound(writer, "site", value.Site);
        WriteFound(writer, "siteFrom", value.SiteFrom);
        WriteFound(writer, "titleFrom", value.TitleFrom);
        writer.WriteEndObject();
    }

    private static void WriteAlways(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteFound(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
