using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Search;

namespace ArticleIndexer.Cli;

/// <summary>
/// The <c>--json</c> shapes: one compact JSON object per command, on one line, with the Core's
/// <see cref="ArticleJson.Options"/> (camelCase, enums as camelCase strings, nulls left out).
/// <c>show</c> and <c>stats</c> write Core's <see cref="StoredArticle"/> and <see cref="IndexStats"/> as they are.
/// Every object starts with <c>"schema": "articles/1"</c> (<see cref="Schema"/>).
/// </summary>
internal static class JsonOutput
{
    /// <summary>
    /// The version of the <c>--json</c> shapes, the first property of every object. Adding a property keeps it;
    /// removing or renaming one, or changing what a value means, bumps it (<c>articles/2</c>).
    /// </summary>
    public const string Schema = "articles/1";

    public static void Write<T>(TextWriter writer, T value) => Write(writer, value, ArticleJson.Options);

    /// <summary>Writes <paramref name="value"/>, an object, on one line with <see cref="Schema"/> as its first property.</summary>
    public static void Write<T>(TextWriter writer, T value, JsonSerializerOptions options)
    {
        var json = JsonSerializer.Serialize(value, options);
        if (json.Length < 2 || json[0] != '{')
        {
            throw new ArgumentException($"--json writes objects; {typeof(T).Name} is written as '{json[..Math.Min(json.Length, 20)]}'.", nameof(value));
        }

        // Spliced in rather than re-serialised, so the rest is byte for byte what the serializer wrote.
        var schema = "{\"schema\":\"" + Schema + "\"";
        writer.WriteLine(json == "{}" ? schema + "}" : schema + "," + json[1..]);
    }

    public static SearchJson Search(SearchResults results) => new(
        results.Total,
        results.Offset,
        results.Undated,
        results.Facets,
        results.Hits.Select(hit => new HitJson(
            hit.Id,
            hit.Path,
            hit.Title,
            hit.Lead,
            float.IsFinite(hit.Score) ? hit.Score : 0f,
            hit.Snippet.Text,
            hit.Snippet.Highlights.Select(h => new HighlightJson(h.Start, h.Length, hit.Snippet.Text.Substring(h.Start, h.Length))).ToArray(),
            hit.PlaceMatch,
            hit.PlaceMatch == PlaceMatch.About ? hit.AboutWords : null)
        {
            Date = hit.Date,
            Authors = hit.Authors,
        })
            .ToArray());

    public static EntitiesJson Entities(EntityKind kind, IReadOnlyList<EntityCount> top) => new(kind, top);
}

/// <summary><c>search --json</c>: how many articles match in all, how many best hits were skipped, with a date filter
/// how many matching articles were left out for having no date (absent without one), the facets over all matching
/// articles (persons, places, orgs, sources, authors: name and articles; years and months: the dated articles in each, oldest
/// first), and the hits shown.</summary>
internal sealed record SearchJson(
    int Total,
    int Offset,
    int? Undated,
    SearchFacets Facets,
    IReadOnlyList<HitJson> Hits);

/// <summary><c>related --json</c>: the article asked about and its related articles, closest first.</summary>
internal sealed record RelatedJson(string Id, IReadOnlyList<RelatedHit> Related);

/// <summary>One hit; <see cref="Lead"/> is the body's first words (what to call a hit without a title);
/// <see cref="Highlights"/> are ranges of <see cref="Snippet"/> with the words they cover; <see cref="PlaceMatch"/> is
/// <c>mention</c> or <c>about</c> with <c>--place</c>, absent without; <see cref="AboutWords"/> the demonyms of an
/// <c>about</c> hit ("German").</summary>
internal sealed record HitJson(
    string Id,
    string Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Title,
    string Lead,
    float Score,
    string Snippet,
    IReadOnlyList<HighlightJson> Highlights,
    PlaceMatch? PlaceMatch,
    IReadOnlyList<string>? AboutWords)
{
    /// <summary>The article's date (yyyy-MM-dd); null when none was found.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Date { get; init; }

    /// <summary>The authors' names from the byline; empty when none was found.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
}

/// <summary>A matched word of a snippet: start and length in the snippet text, and the word.</summary>
internal sealed record HighlightJson(int Start, int Length, string Text);

/// <summary><c>people/places/orgs --json</c>: the kind and the entities, most articles first.</summary>
internal sealed record EntitiesJson(EntityKind Kind, IReadOnlyList<EntityCount> Entities);

/// <summary><c>aliases --json</c>: the alias file, whether it exists, how many directives apply, whether the index is
/// resolved with them (null without an index), and the lines that do not apply.</summary>
internal sealed record AliasesJson(
    string Path,
    bool Exists,
    int Directives,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Applied,
    IReadOnlyList<AliasProblemJson> Problems);

/// <summary>A line of the alias file that does not apply: its number (0: the file as a whole) and why.</summary>
internal sealed record AliasProblemJson(int Line, string Message);
