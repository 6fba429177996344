namespace ArticleIndexer.Core.Entities;

/// <summary>The kinds of named entity the product extracts.</summary>
public enum EntityKind
{
    /// <summary>A person: "Theresa May".</summary>
    Person,

    /// <summary>A place: a country, region, city or wider area: "Calais", "United Kingdom", "Europe".</summary>
    Place,

    /// <summary>An organisation: "Home Office", "P&amp;O", "European Union".</summary>
    Organization,
}

/// <summary>One mention of an entity in an article's text.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The words as written ("Mr Cazeneuve" is mentioned as "Cazeneuve").</param>
/// <param name="Offset">Character offset of <paramref name="Text"/> in the article text (title, blank line, body). Offsets at or
/// past the end of the article text fall in the photo captions, appended after it one blank line apart.</param>
/// <param name="Canonical">The entity it resolves to ("Bernard Cazeneuve").</param>
public readonly record struct EntityMention(EntityKind Kind, string Text, int Offset, string Canonical);

/// <summary>Where a place is, when the gazetteer knows.</summary>
/// <param name="Type">country, region, city or area.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code, when the place is in (or is) one country.</param>
/// <param name="GeoNameId">GeoNames id: cities, and the regions (counties, departments, states) Natural Earth links to GeoNames.</param>
/// <param name="Latitude">WGS84 latitude: of a city, or of a region's label point.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="OtherNames">Other names the gazetteer knows for the same place ("UK", "Britain" for the United Kingdom;
/// "Dunkirk" for Dunkerque).</param>
public sealed record PlaceInfo(
    string Type,
    string? CountryCode,
    long? GeoNameId = null,
    double? Latitude = null,
    double? Longitude = null,
    IReadOnlyList<string>? OtherNames = null)
{
    /// <summary>The country's canonical name ("United Kingdom"); null for areas such as "Europe".</summary>
    public string? Country { get; init; }

    /// <summary>The GeoNames first-level region the place is in or is ("England", "Hauts-de-France"); null when unknown.</summary>
    public string? Region { get; init; }

    /// <summary>The Natural Earth admin-1 unit the place is in or is: a county, department or state ("Kent", "Pas-de-Calais").</summary>
    public string? Area { get; init; }

    /// <summary>Every named place that contains this one, smallest first ("Kent", "South East", "England", "United
    /// Kingdom" for Dover): what <c>--place Kent --within</c> matches.</summary>
    public IReadOnlyList<string>? Within { get; init; }
}

/// <summary>An entity of one article, with every name it went by and what the article says it is.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Canonical">Its canonical name: the full name for persons, the gazetteer's name for places.</param>
/// <param name="Aliases">The distinct ways the article wrote it, canonical first.</param>
/// <param name="MentionCount">How many times it is mentioned.</param>
/// <param name="Roles">Titles and roles seen before the name ("Home Secretary", "Mayor of Calais"), not part of it.</param>
/// <param name="Place">Gazetteer facts for places; null otherwise.</param>
public sealed record Entity(
    EntityKind Kind,
    string Canonical,
    IReadOnlyList<string> Aliases,
    int MentionCount,
    IReadOnlyList<string> Roles,
    PlaceInfo? Place);

/// <summary>
/// A weaker link than a mention: the article speaks of a country through its demonym ("French police" is about
/// France) without naming it there.
/// </summary>
/// <param name="Country">The country's canonical name ("France").</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code.</param>
/// <param name="Words">The demonyms as written ("French").</param>
/// <param name="Count">How many times.</param>
public sealed record AboutLink(string Country, string CountryCode, IReadOnlyList<string> Words, int Count);

/// <summary>The entities of one article and their mentions in text order.</summary>
public sealed record EntitySet(IReadOnlyList<Entity> Entities, IReadOnlyList<EntityMention> Mentions)
{
    /// <summary>Countries the article is about through a demonym ("French police"), most used first; empty when none.</summary>
    public IReadOnlyList<AboutLink> About { get; init; } = [];

    /// <summary>No entities.</summary>
    public static EntitySet Empty { get; } = new([], []);

    /// <summary>The entities of one kind, most mentioned first.</summary>
    public IEnumerable<Entity> OfKind(EntityKind kind) =>
        Entities.Where(e => e.Kind == kind).OrderByDescending(e => e.MentionCount).ThenBy(e => e.Canonical, StringComparer.Ordinal);
}

/// <summary>Finds persons, places and organisations in article text.</summary>
public interface IEntityExtractor
{
    /// <summary>Extracts the entities of <paramref name="text"/>; offsets are into <paramref name="text"/>.</summary>
    EntitySet Extract(string text);
}
