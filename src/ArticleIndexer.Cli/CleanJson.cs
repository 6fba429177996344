using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Indexing;

namespace ArticleIndexer.Cli;

/// <summary>
/// The JSON that <c>clean</c> writes: one <see cref="CleanedFileJson"/> per input as <c>OUT/NAME.json</c> (indented,
/// <c>\n</c> line ends, ending with a newline), and with <c>--json</c> one <see cref="CleanSummaryJson"/> on stdout.
/// Both use the Core's <see cref="ArticleJson.Options"/> (camelCase, enums as camelCase strings), so the entities read
/// exactly as in <c>show --json</c>; their top-level keys are always written, null when there is no value.
/// </summary>
internal static class CleanJson
{
    /// <summary>The options of <c>NAME.json</c>: the Core's, indented by two spaces, <c>\n</c> line ends on every platform.</summary>
    public static JsonSerializerOptions FileOptions { get; } = new(ArticleJson.Options)
    {
        WriteIndented = true,
        NewLine = "\n",
    };

    /// <summary>The reason a file was skipped or failed as the JSON writes it: the <c>SkipReason</c> in camelCase (<c>noBodyAfterStripping</c>), or <c>failed</c>.</summary>
    public static string Reason(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// <summary>
/// <c>OUT/NAME.json</c>: what <c>clean</c> made of one input file.
/// <see cref="Source"/> is the input's full path and <see cref="Name"/> the output name (the file name without its last
/// extension). <see cref="Title"/> is the headline, null when the file has none (it is not part of <c>NAME.txt</c>).
/// <see cref="Encoding"/> is the encoding the file was decoded with and <see cref="ContentHash"/> the SHA-256 of its
/// bytes, lower-case hex; both null when the file could not be read. <see cref="Entities"/> is the Core's entity set as
/// <c>show --json</c> writes it (<c>{entities: [{kind, canonical, aliases, mentionCount, roles, place?}], mentions: [{kind,
/// text, offset, canonical}]}</c>), empty for a skipped file. Mention offsets point into the article text, the title, a
/// blank line, then the body, as for <c>show</c>: the body (<c>NAME.txt</c>) starts at <see cref="BodyOffset"/>, and
/// offsets at or past the end of the text fall in the photo captions.
/// <see cref="Stripped"/> lists the lines removed as boilerplate in line order (every non-blank line of a file that was all
/// boilerplate). <see cref="Skipped"/> is null for a cleaned file. <see cref="Page"/> is what a web page said about its
/// article (<c>{title, author, published, canonicalUrl, siteName, language, description}</c>, each null when the page
/// does not say); null for a text file.
/// </summary>
internal sealed record CleanedFileJson(
    string Source,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Encoding,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContentHash,
    int BodyOffset,
    EntitySet Entities,
    IReadOnlyList<StrippedLineJson> Stripped,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] SkippedJson? Skipped)
{
    /// <summary>A web page's metadata; null for a text file.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Core.Html.PageMetadata? Page { get; init; }

    /// <summary>What the file said about itself (<see cref="Core.Metadata.ArticleMetadataJson"/>: published and updated
    /// days, authors, site, each with where it was read); null for a file that was not cleaned.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Core.Metadata.ArticleMetadata? Metadata { get; init; }
}

/// <summary>A line removed as boilerplate: its 1-based number in the normalised text, the rule that removed it, the line.</summary>
internal sealed record StrippedLineJson(int Line, string Rule, string Text, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null);

/// <summary>
/// Why a file has no body: <see cref="Reason"/> is a <c>SkipReason</c> in camelCase (<c>noBodyAfterStripping</c>,
/// <c>empty</c>, <c>blank</c>, <c>binary</c>, <c>tooLarge</c>, <c>unreadable</c>), or <c>failed</c> for an unexpected
/// error (a bug); <see cref="Detail"/> says more.
/// </summary>
internal sealed record SkippedJson(string Reason, string Detail);

/// <summary>
/// <c>clean --json</c>: the output folder, the counts (every file is one of <see cref="Cleaned"/>, <see cref="Empty"/>:
/// all boilerplate, <see cref="Skipped"/>: not readable as text, <see cref="Failed"/>: an unexpected error), the input
/// bytes, the time both phases took, the lines found repeated across the inputs, and one result per file in input order.
/// </summary>
internal sealed record CleanSummaryJson(
    string Out,
    int Files,
    int Cleaned,
    int Empty,
    int Skipped,
    int Failed,
    long Bytes,
    double Seconds,
    double MegabytesPerSecond,
    int RepeatedLines,
    IReadOnlyList<CleanResultJson> Results);

/// <summary>
/// One file of <c>clean</c>: its output name, its full path, <see cref="Status"/> (<c>cleaned</c>, <c>empty</c>,
/// <c>skipped</c> or <c>failed</c>), the lines kept in the body (paragraphs of <c>NAME.txt</c>; the headline is not
/// counted), the lines stripped and how many each rule took, and for a file without a body the reason and detail
/// (null otherwise).
/// </summary>
internal sealed record CleanResultJson(
    string Name,
    string Source,
    string Status,
    int Kept,
    int Stripped,
    IReadOnlyDictionary<string, int> Rules,
    string? Reason,
    string? Detail);
