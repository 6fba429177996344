using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;

namespace ArticleIndexer.Core.Search;

/// <summary>What an archivist asks for.</summary>
public sealed record SearchRequest
{
    /// <summary>Lucene classic query syntax over title and body (<c>person:</c>, <c>place:</c>, <c>org:</c>, <c>title:</c> name fields). Null or blank: every article.</summary>
    public string? Query { get; init; }

    /// <summary>Only articles mentioning this person: the full name or any part of it ("Cazeneuve", "Theresa May").</summary>
    public string? Person { get; init; }

    /// <summary>
    /// Only articles mentioning this place, by canonical name or any alias ("UK" finds "Britain"); then, ranked after
    /// every one of those, the articles that only speak of it through a demonym ("French police" for France).
    /// </summary>
    public string? Place { get; init; }

    /// <summary>With <see cref="Place"/>: also articles mentioning a place inside it ("Kent" finds Dover and Deal).
    /// Defaults to false.</summary>
    public bool Within { get; init; }

    /// <summary>Only articles mentioning this organisation, by name or alias.</summary>
    public string? Org { get; init; }

    /// <summary>Only articles by this author: the full name or any part of it ("Jane Smith", "Smith"), case and accents ignored.</summary>
    public string? Author { get; init; }

    /// <summary>How many hits to return. Defaults to 10.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>How many of the best hits to skip before the ones returned (paging). Defaults to 0.</summary>
    public int Offset { get; init; }

    /// <summary>The order of the hits. Defaults to <see cref="SearchSort.Relevance"/>.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Only articles from this source: a folder relative to the source folder ("." for its top) or a web page's
    /// site name; case and accents ignored.</summary>
    public string? Source { get; init; }

    /// <summary>Only articles dated on or after this day. Undated articles are left out and counted in
    /// <see cref="SearchResults.Undated"/>.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only articles dated on or before this day; see <see cref="From"/>.</summary>
    public DateOnly? To { get; init; }

    /// <summary>How many values each facet lists. Defaults to 10.</summary>
    public int FacetLimit { get; init; } = 10;
}

/// <summary>The order of search hits.</summary>
public enum SearchSort
{
    /// <summary>Best score first (with a place filter, mentions before demonym-only articles).</summary>
    Relevance,

    /// <summary>Newest first, undated articles last; ties by score.</summary>
    Date,
}

/// <summary>A facet value and the number of matching articles that carry it.</summary>
public sealed record FacetCount(string Name, int Articles);

/// <summary>The facets of a whole result set: canonical persons, places, organisations, sources and authors, most
/// articles first; and the dated articles per year and per month (a date histogram, oldest first, every year and month
/// that has one).</summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Persons, IReadOnlyList<FacetCount> Places, IReadOnlyList<FacetCount> Orgs, IReadOnlyList<FacetCount> Sources)
{
    /// <summary>No facet values.</summary>
    public static SearchFacets None { get; } = new([], [], [], []);

    /// <summary>Author names, most articles first.</summary>
    public IReadOnlyList<FacetCount> Authors { get; init; } = [];

    /// <summary>Dated matching articles per year ("2015"), oldest first.</summary>
    public IReadOnlyList<FacetCount> Years { get; init; } = [];

    /// <summary>Dated matching articles per month ("2015-07"), oldest first: the date histogram.</summary>
    public IReadOnlyList<FacetCount> Months { get; init; } = [];
}

/// <summary>A highlighted passage: text and the ranges in it that matched.</summary>
/// <param name="Text">The passage, with "…" where it was cut.</param>
/// <param name="Highlights">Start and length of each matched word in <paramref name="Text"/>, in order, not overlapping.</param>
public sealed record Snippet(string Text, IReadOnlyList<HighlightRange> Highlights)
{
    /// <summary>The passage with each match wrapped in <paramref name="open"/> and <paramref name="close"/>.</summary>
    public string Render(string open, string close)
    {
        var builder = new System.Text.StringBuilder(Text.Length + Highlights.Count * (open.Length + close.Length));
        var position = 0;
        foreach (var range in Highlights)
        {
            builder.Append(Text, position, range.Start - position).Append(open).Append(Text, range.Start, range.Length).Append(close);
            position = range.Start + range.Length;
        }

        return builder.Append(Text, position, Text.Length - position).ToString();
    }
}

/// <summary>A matched range of a snippet.</summary>
public readonly record struct HighlightRange(int Start, int Length);

/// <summary>How a hit matched the place filter.</summary>
public enum PlaceMatch
{
    /// <summary>The article mentions the place (or, with <see cref="SearchRequest.Within"/>, a place inside it).</summary>
    Mention,

    /// <summary>The article only speaks of the country through a demonym ("French police").</summary>
    About,
}

/// <summary>One search result.</summary>
public sealed record SearchHit(string Id, string Path, string? Title, float Score, Snippet Snippet)
{
    /// <summary>How it matched <see cref="SearchRequest.Place"/>; null without a place filter.</summary>
    public PlaceMatch? PlaceMatch { get; init; }

    /// <summary>For an <see cref="Search.PlaceMatch.About"/> hit, the demonyms the article uses ("German"); else empty.</summary>
    public IReadOnlyList<string> AboutWords { get; init; } = [];

    /// <summary>The first words of the body (at most 80 characters): what to call a hit that has no title.</summary>
    public string Lead { get; init; } = string.Empty;

    /// <summary>The article's publication day as yyyy-MM-dd; null when none was found.</summary>
    public string? Date { get; init; }

    /// <summary>Its authors' names, in the byline's order; empty when none was found.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
}

/// <summary>The answer to a search: the hits asked for and how many matched in all.</summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits)
{
    /// <summary>How many best hits were skipped (<see cref="SearchRequest.Offset"/>).</summary>
    public int Offset { get; init; }

    /// <summary>Facets over all <see cref="Total"/> matching articles.</summary>
    public SearchFacets Facets { get; init; } = SearchFacets.None;

    /// <summary>With <see cref="SearchRequest.From"/> or <see cref="SearchRequest.To"/>: the articles that match
    /// everything else but have no date, so were left out; null without a date filter.</summary>
    public int? Undated { get; init; }
}

/// <summary>An entity and the number of articles that mention it.</summary>
public sealed record EntityCount(string Name, int Articles)
{
    /// <summary>The other names it went by across the archive, most used first (from the entity catalog; empty for an
    /// index without one).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Mentions in all the articles; null for an index without an entity catalog.</summary>
    public int? Mentions { get; init; }

    /// <summary>Titles and roles seen with a person, most frequent first.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Gazetteer facts of a place; null otherwise.</summary>
    public PlaceInfo? Place { get; init; }
}

/// <summary>Everything the index stores for one article.</summary>
public sealed record StoredArticle(
    string Id,
    string Path,
    string? Title,
    string Body,
    string Encoding,
    string ContentHash,
    string IndexedAt,
    string PipelineVersion,
    IReadOnlyList<StrippedLine> Stripped,
    EntitySet Entities)
{
    /// <summary>The text entity offsets point into: the title, a blank line, the body.</summary>
    public string Text => Articles.Article.ComposeText(Title, Body);

    /// <summary>What the web page said about its article (title, author, date, address, site, language); null for a text file.</summary>
    public Html.PageMetadata? Page { get; init; }

    /// <summary>What the article says of itself (publication and update days, authors, site, each with where it was
    /// read); null for a document indexed before the metadata stage.</summary>
    public Metadata.ArticleMetadata? Metadata { get; init; }

    /// <summary>How many of the mentions of <paramref name="entity"/> are in photo captions (offsets past <see cref="Text"/>).</summary>
    public int CaptionMentions(Entity entity)
    {
        var textLength = Text.Length;
        return Entities.Mentions.Count(m => m.Kind == entity.Kind && m.Canonical == entity.Canonical && m.Offset >= textLength);
    }
}

/// <summary>Figures about the index as a whole.</summary>
/// <param name="Documents">Articles in the index.</param>
/// <param name="Persons">Distinct canonical persons.</param>
/// <param name="Places">Distinct canonical places.</param>
/// <param name="Organizations">Distinct canonical organisations.</param>
/// <param name="SizeBytes">Size of the index files on disk.</param>
/// <param name="LastPass">The commit user data of the last pass (pass id, times, counts).</param>
public sealed record IndexStats(int Documents, int Persons, int Places, int Organizations, long SizeBytes, IReadOnlyDictionary<string, string> LastPass)
{
    /// <summary>Lines seen in two or more articles, from the line repeats kept with the index
    /// (<see cref="Indexing.LineRepeatsFile"/>); null when the index has none or it cannot be read.</summary>
    public int? RepeatedLines { get; init; }
}

/// <summary>An article about the same story as another (<c>articles related</c>).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Path">Its path relative to the source folder.</param>
/// <param name="Title">Its headline; null when it has none.</param>
/// <param name="Score">The MoreLikeThis and shared-entity score: higher is closer.</param>
/// <param name="SharedEntities">The canonical persons, places and organisations both articles name.</param>
/// <param name="Resemblance">The share of 4-word shingles the two bodies have in common (Jaccard, 0 to 1).</param>
/// <param name="NearDuplicate">Whether <paramref name="Resemblance"/> reaches 0.5: a copy, not another report.</param>
public sealed record RelatedHit(string Id, string Path, string? Title, float Score, IReadOnlyList<string> SharedEntities, double Resemblance, bool NearDuplicate)
{
    /// <summary>The first words of the body (at most 80 characters): what to call it when it has no title.</summary>
    public string Lead { get; init; } = string.Empty;
}
