namespace ArticleIndexer.Core.Indexing;

/// <summary>The Lucene field names of an article document, in one place.</summary>
public static class ArticleFields
{
    /// <summary>The article id (<see cref="Articles.ArticleId"/>): exact, stored, the key of every upsert.</summary>
    public const string Id = "id";

    /// <summary>Path relative to the source folder: exact, stored.</summary>
    public const string Path = "path";

    /// <summary>The headline: analysed (English), stored. Absent when the article has none.</summary>
    public const string Title = "title";

    /// <summary>The cleaned body: analysed (English) with positions and offsets, stored.</summary>
    public const string Body = "body";

    /// <summary>Canonical person names: exact, stored, one value per person.</summary>
    public const string Persons = "persons";

    /// <summary>Canonical place names: exact, stored.</summary>
    public const string Places = "places";

    /// <summary>Canonical organisation names: exact, stored.</summary>
    public const string Orgs = "orgs";

    /// <summary>Person names and the aliases the article used: analysed with the name analyser, so <c>person:cazeneuve</c> works.</summary>
    public const string Person = "person";

    /// <summary>Place names and every alias the gazetteer knows: analysed with the name analyser.</summary>
    public const string Place = "place";

    /// <summary>Organisation names and aliases: analysed with the name analyser.</summary>
    public const string Org = "org";

    /// <summary>Lower-cased, accent-folded canonical place names and aliases, exact: what <c>--place UK</c> matches.</summary>
    public const string PlaceKey = "place_key";

    /// <summary>
    /// Keys (as <see cref="PlaceKey"/>) of every place that contains a place the article mentions: county, region and
    /// country with the country's aliases ("kent", "england", "united kingdom", "uk" for Dover). What
    /// <c>--place Kent --within</c> matches besides <see cref="PlaceKey"/>.
    /// </summary>
    public const string PlaceIn = "place_in";

    /// <summary>Keys of the countries the article is about through a demonym only ("french" → "france", "fr"): a weaker
    /// link than a mention, searched after <see cref="PlaceKey"/>.</summary>
    public const string PlaceAbout = "place_about";

    /// <summary>Lower-cased, accent-folded canonical organisation names and aliases, exact.</summary>
    public const string OrgKey = "org_key";

    /// <summary>SHA-256 of the file's bytes: exact, stored; decides whether a file changed.</summary>
    public const string ContentHash = "hash";

    /// <summary>The file's size in bytes when it was found for the pass that indexed it: stored.</summary>
    public const string FileLength = "file_length";

    /// <summary>The file's last write time (UTC ticks) when it was found for the pass that indexed it: stored. With
    /// <see cref="FileLength"/>, lets a pass skip an unchanged file without reading it.</summary>
    public const string FileModified = "file_modified";

    /// <summary>
    /// Binary doc values with what a pass compares a file against (<see cref="IndexedState"/>): size, write time, hash,
    /// pipeline version and id in one value, so a pass over an unchanged archive reads one column instead of every
    /// document's stored fields (<see cref="ArticleDocumentBuilder.EncodeState"/>).
    /// </summary>
    public const string State = "state";

    /// <summary>Version of the pipeline rules the document was built with: exact, stored.</summary>
    public const string PipelineVersion = "pipeline";

    /// <summary>The encoding the file was decoded with: exact, stored.</summary>
    public const string Encoding = "encoding";

    /// <summary>When the document was indexed (ISO 8601, UTC): stored.</summary>
    public const string IndexedAt = "indexed_at";

    /// <summary>The stripped lines with their rules, as JSON: stored only.</summary>
    public const string Stripped = "stripped";

    /// <summary>The entities as the extractor found them in the article, with mentions, aliases and roles, as JSON: stored
    /// only. Written by versions before <see cref="EntityData"/>, read only for documents without it.</summary>
    public const string Entities = "entities";

    /// <summary>
    /// The entities as the extractor found them in the article, with mentions, aliases and roles, as binary doc values
    /// (<see cref="EntityCodec"/>): what the archive's resolution starts from, so the alias file can be re-applied without
    /// re-extraction, and read after every pass that changed the archive without touching the stored fields.
    /// </summary>
    public const string EntityData = "entity_data";

    /// <summary>
    /// The entities as the archive resolves them (<see cref="EntityData"/> with the alias file and the cross-article
    /// surname links applied, <see cref="Core.Entities.EntityCatalog"/>), as binary doc values (<see cref="EntityCodec"/>),
    /// or empty when they are the extracted ones, as for most articles. The entity fields above are indexed from them,
    /// <c>articles show</c> shows them, and a pass compares a new resolution against them.
    /// </summary>
    public const string ResolvedData = "resolved_data";

    /// <summary>The entities as the archive resolves them, as JSON: stored only. Written by versions before
    /// <see cref="ResolvedData"/>, read only for documents without it.</summary>
    public const string ResolvedEntities = "resolved_entities";

    /// <summary>
    /// The sorted distinct <see cref="Boilerplate.LineRepeats.Key"/>s of the article's lines (<see cref="Articles.Article.LineKeys"/>):
    /// binary doc values only, 8 bytes a key, little-endian; neither indexed nor stored. Read back for every live
    /// document to count the lines repeated across the archive (<see cref="LineRepeatsFile"/>).
    /// </summary>
    public const string LineKeys = "line_keys";

    /// <summary>
    /// The authors: a web page's byline as it gave it (<see cref="Html.PageMetadata.Author"/>), analysed and stored, and
    /// each author's name (<see cref="Core.Metadata.ArticleMetadata.Authors"/>, text files and pages), analysed with the name
    /// analyser and not stored, so <c>author:lenoir</c> and <c>--author Lenoir</c> work.
    /// </summary>
    public const string Author = "author";

    /// <summary>Lower-cased, accent-folded author names (<see cref="ArticleAnalyzers.Key"/>), exact: what <c>--author "Jane Smith"</c> matches whole.</summary>
    public const string AuthorKey = "author_key";

    /// <summary>Author names as they were written, sorted-set doc values: the authors facet.</summary>
    public const string FacetAuthors = "facet_authors";

    /// <summary>
    /// What the article says of itself (<see cref="Core.Metadata.ArticleMetadata"/>: publication and update days, authors
    /// with their roles, site, each with where it was read), as JSON: stored only. What <c>show</c> gives back, and what
    /// a later stage resolves "on Thursday" and "last week" in the text against.
    /// </summary>
    public const string Metadata = "metadata";

    /// <summary>A web page's publication date as the page gave it (ISO 8601 mostly): exact, stored.</summary>
    public const string Published = "published";

    /// <summary>A web page's canonical address: exact, stored.</summary>
    public const string Url = "url";

    /// <summary>A web page's site or publisher name: exact, stored.</summary>
    public const string Site = "site";

    /// <summary>A web page's language tag (<c>en-GB</c>): exact, stored.</summary>
    public const string Language = "language";

    /// <summary>Canonical person names as sorted-set doc values (neither indexed nor stored): what search facets count.</summary>
    public const string FacetPersons = "facet_persons";

    /// <summary>Canonical place names as sorted-set doc values: what search facets count.</summary>
    public const string FacetPlaces = "facet_places";

    /// <summary>Canonical organisation names as sorted-set doc values: what search facets count.</summary>
    public const string FacetOrgs = "facet_orgs";

    /// <summary>
    /// Where the article came from, lower-cased (<see cref="ArticleAnalyzers.Key"/>): a web page's site name, and the folder
    /// of its path relative to the source folder ("." for the top folder). Exact, indexed (what <c>--source</c> matches)
    /// and as sorted-set doc values under <see cref="FacetSources"/>.
    /// </summary>
    public const string Source = "source";

    /// <summary>The <see cref="Source"/> values as they were written (not lower-cased), sorted-set doc values: the sources facet.</summary>
    public const string FacetSources = "facet_sources";

    /// <summary>
    /// The article's publication day as a number yyyyMMdd (<see cref="Core.Metadata.ArticleMetadata.Published"/>, else a web
    /// page's <see cref="Published"/>), indexed and stored as an <c>Int32Field</c> for <c>--from/--to</c> and as numeric
    /// doc values for <c>--sort date</c> and the date histogram. Absent when no date was found.
    /// </summary>
    public const string Day = "day";

    /// <summary>
    /// The title and body again, analysed without stemming or stop words (lower case, accents folded), not stored: a
    /// free-text query is also run here as an optional clause, so the exact form the user typed ranks above its other
    /// forms ("migrants" above "migrant").
    /// </summary>
    public const string Exact = "exact";

    /// <summary>The fields a free-text query searches when it names none.</summary>
    public static readonly string[] DefaultSearchFields = [Title, Body];
}
