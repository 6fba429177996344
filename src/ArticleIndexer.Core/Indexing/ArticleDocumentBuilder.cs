using System.Buffers.Binary;
using System.Globalization;
using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Entities;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArticleIndexer.Core.Indexing;

/// <summary>Turns an <see cref="Article"/> into the Lucene document described by <see cref="ArticleFields"/>.</summary>
public static class ArticleDocumentBuilder
{
    private static readonly FieldType BodyType = CreateBodyType();

    // The current pipeline version as the state column stores it: decoded to the one shared string.
    private static readonly byte[] CurrentVersionUtf8 = System.Text.Encoding.UTF8.GetBytes(Pipeline.ArticleProcessor.Version);

    /// <summary>
    /// Builds the document of <paramref name="article"/>, indexed at <paramref name="indexedAt"/> by pipeline
    /// <paramref name="pipelineVersion"/>. The entity fields come from <paramref name="resolved"/> (the article's entities
    /// as the archive resolves them), or from the article's own when null.
    /// </summary>
    public static Document Build(Article article, DateTimeOffset indexedAt, string pipelineVersion, EntitySet? resolved = null)
    {
        var entities = resolved ?? article.Entities;
        var extractedData = EntityCodec.Encode(article.Entities);
        var resolvedData = ReferenceEquals(entities, article.Entities) ? [] : EntityCodec.Encode(entities);
        if (resolvedData.AsSpan().SequenceEqual(extractedData))
        {
            resolvedData = [];
        }

        var document = new Document
        {
            new StringField(ArticleFields.Id, article.Id.Value, Field.Store.YES),
            new StringField(ArticleFields.Path, article.File.RelativePath, Field.Store.YES),
            new Field(ArticleFields.Body, article.Body, BodyType),
            new StringField(ArticleFields.ContentHash, article.ContentHash, Field.Store.YES),
            new StoredField(ArticleFields.FileLength, article.File.Length),
            new StoredField(ArticleFields.FileModified, article.File.LastWriteUtc.Ticks),
            new StringField(ArticleFields.PipelineVersion, pipelineVersion, Field.Store.YES),
            new StringField(ArticleFields.Encoding, article.Encoding, Field.Store.YES),
            new StoredField(ArticleFields.IndexedAt, indexedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            new StoredField(ArticleFields.Stripped, ArticleJson.Write(article.Stripped)),
            new BinaryDocValuesField(ArticleFields.EntityData, new BytesRef(extractedData)),
            new BinaryDocValuesField(ArticleFields.ResolvedData, new BytesRef(resolvedData)),
            new BinaryDocValuesField(ArticleFields.LineKeys, EncodeLineKeys(article.LineKeys)),
            new BinaryDocValuesField(ArticleFields.State, EncodeState(article.Id.Value, new IndexedState(article.ContentHash, pipelineVersion, article.File.Length, article.File.LastWriteUtc.Ticks))),
        };
        if (article.Title is not null)
        {
            document.Add(new TextField(ArticleFields.Title, article.Title, Field.Store.YES));
            document.Add(new TextField(ArticleFields.Exact, article.Title, Field.Store.NO));
        }

        document.Add(new TextField(ArticleFields.Exact, article.Body, Field.Store.NO));

        AddPage(document, article.Page);
        AddMetadata(document, article.Metadata);

        foreach (var entity in entities.Entities)
        {
            var (exact, analysed, key) = entity.Kind switch
            {
                EntityKind.Person => (ArticleFields.Persons, ArticleFields.Person, null),
                EntityKind.Place => (ArticleFields.Places, ArticleFields.Place, ArticleFields.PlaceKey),
                _ => (ArticleFields.Orgs, ArticleFields.Org, ArticleFields.OrgKey),
            };
            document.Add(new StringField(exact, entity.Canonical, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(FacetFieldOf(entity.Kind), new BytesRef(entity.Canonical)));
            var names = entity.Aliases.Concat(entity.Place?.OtherNames ?? []).Prepend(entity.Canonical)
                .Distinct(StringComparer.Ordinal);
            foreach (var name in names)
            {
                document.Add(new TextField(analysed, name, Field.Store.NO));
                if (key is not null)
                {
                    document.Add(new StringField(key, ArticleAnalyzers.Key(name), Field.Store.NO));
                }
            }
        }

        AddPlaceLinks(document, entities);
        AddSourceAndDay(document, article);
        return document;
    }

    /// <summary>The sorted-set doc values field that holds the canonical names of <paramref name="kind"/> for facets.</summary>
    public static string FacetFieldOf(EntityKind kind) => kind switch
    {
        EntityKind.Person => ArticleFields.FacetPersons,
        EntityKind.Place => ArticleFields.FacetPlaces,
        _ => ArticleFields.FacetOrgs,
    };

    /// <summary>The sources of an article: its folder ("." at the top of the source folder) and its site, when a page named one.</summary>
    public static IReadOnlyList<string> SourcesOf(string relativePath, string? site)
    {
        var slash = relativePath.Replace('\\', '/').LastIndexOf('/');
        var sources = new List<string> { slash > 0 ? relativePath[..slash].Replace('\\', '/') : "." };
        if (!string.IsNullOrWhiteSpace(site) && !sources.Contains(site.Trim()))
        {
            sources.Add(site.Trim());
        }

        return sources;
    }

    /// <summary>
    /// The yyyyMMdd number of a publication date as a page gave it: ISO 8601 or any form .NET parses invariantly; the
    /// date as written (its own offset), not converted to UTC. Null when it cannot be read.
    /// </summary>
    public static int? DayOf(string? published)
    {
        if (string.IsNullOrWhiteSpace(published))
        {
            return null;
        }

        var text = published.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var date))
        {
            return DayNumber(DateOnly.FromDateTime(date.DateTime));
        }

        // "2015-07-30 09:00 BST" and the like: the leading date alone.
        return text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? DayNumber(day)
            : null;
    }

    private static void AddSourceAndDay(Document document, Article article)
    {
        foreach (var source in SourcesOf(article.File.RelativePath, article.Page?.SiteName ?? article.Metadata?.Site))
        {
            document.Add(new StringField(ArticleFields.Source, ArticleAnalyzers.Key(source), Field.Store.NO));
            document.Add(new SortedSetDocValuesField(ArticleFields.FacetSources, new BytesRef(source)));
        }

        if (DayOf(article) is { } day)
        {
            document.Add(new Int32Field(ArticleFields.Day, day, Field.Store.YES));
            document.Add(new NumericDocValuesField(ArticleFields.Day, day));
        }
    }

    /// <summary>The yyyyMMdd number of the article's publication day: what the metadata stage found, else the date a web
    /// page's markup gave; null when neither says.</summary>
    public static int? DayOf(Article article) =>
        article.Metadata?.Published is { } published ? DayNumber(published) : DayOf(article.Page?.Published);

    /// <summary>The yyyyMMdd number of <paramref name="day"/>.</summary>
    public static int DayNumber(DateOnly day) => (day.Year * 10000) + (day.Month * 100) + day.Day;

    /// <summary>The day of a yyyyMMdd number as yyyy-MM-dd.</summary>
    public static string DayText(int day) => $"{day / 10000:D4}-{day / 100 % 100:D2}-{day % 100:D2}";

    // What the article says of itself, stored whole as JSON, and each author's name searchable and counted.
    private static void AddMetadata(Document document, Core.Metadata.ArticleMetadata? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        document.Add(new StoredField(ArticleFields.Metadata, ArticleJson.Write(metadata)));
        foreach (var name in metadata.Authors.Select(a => a.Name).Distinct(StringComparer.Ordinal))
        {
            document.Add(new TextField(ArticleFields.Author, name, Field.Store.NO));
            document.Add(new StringField(ArticleFields.AuthorKey, ArticleAnalyzers.Key(name), Field.Store.NO));
            document.Add(new SortedSetDocValuesField(ArticleFields.FacetAuthors, new BytesRef(name)));
        }
    }

    /// <summary>The metadata a stored document holds, as <see cref="AddMetadata"/> wrote it; null for a document without it.</summary>
    internal static Core.Metadata.ArticleMetadata? ReadMetadata(Document stored) => ArticleJson.ReadMetadata(stored.Get(ArticleFields.Metadata));

    // The places containing each place (for --within) and the countries named by demonym only (the "about" links).
    private static void AddPlaceLinks(Document document, EntitySet entities)
    {
        var within = new HashSet<string>(StringComparer.Ordinal);
        foreach (var place in entities.Entities.Where(e => e.Kind == EntityKind.Place).Select(e => e.Place).OfType<PlaceInfo>())
        {
            var country = place.Type == "country" ? null : Gazetteer.Default.FindCountry(place.CountryCode);
            foreach (var name in (place.Within ?? []).Concat(country?.Aliases ?? []))
            {
                within.Add(ArticleAnalyzers.Key(name));
            }
        }

        foreach (var key in within)
        {
            document.Add(new StringField(ArticleFields.PlaceIn, key, Field.Store.NO));
        }

        var about = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in entities.About)
        {
            var country = Gazetteer.Default.FindCountry(link.CountryCode);
            foreach (var name in (country?.Aliases ?? []).Prepend(link.Country))
            {
                about.Add(ArticleAnalyzers.Key(name));
            }
        }

        foreach (var key in about)
        {
            document.Add(new StringField(ArticleFields.PlaceAbout, key, Field.Store.NO));
        }
    }

    // A web page's metadata: one stored field per value the page gave.
    /// <summary>The page metadata a web page's stored document holds, as <see cref="AddPage"/> wrote it (with the stored
    /// title); null for a text file's (it has none of these fields).</summary>
    internal static Html.PageMetadata? ReadPage(Document stored)
    {
        var (author, published, url, site, language) = (stored.Get(ArticleFields.Author), stored.Get(ArticleFields.Published),
            stored.Get(ArticleFields.Url), stored.Get(ArticleFields.Site), stored.Get(ArticleFields.Language));
        return author is null && published is null && url is null && site is null && language is null
            ? null
            : new Html.PageMetadata(stored.Get(ArticleFields.Title), author, published, url, site, language);
    }

    private static void AddPage(Document document, Html.PageMetadata? page)
    {
        if (page is null)
        {
            return;
        }

        if (page.Author is not null)
        {
            document.Add(new TextField(ArticleFields.Author, page.Author, Field.Store.YES));
        }

        foreach (var (field, value) in new[]
                 {
                     (ArticleFields.Published, page.Published), (ArticleFields.Url, page.CanonicalUrl),
                     (ArticleFields.Site, page.SiteName), (ArticleFields.Language, page.Language),
                 })
        {
            if (value is not null)
            {
                document.Add(new StringField(field, value, Field.Store.YES));
            }
        }
    }

    /// <summary>
    /// The <see cref="ArticleFields.State"/> value: file length and write ticks (8 bytes each, little-endian), the hash and
    /// the pipeline version (a length byte, then UTF-8), then the id (UTF-8, the rest).
    /// </summary>
    internal static BytesRef EncodeState(string id, IndexedState state)
    {
        var utf8 = System.Text.Encoding.UTF8;
        var hash = utf8.GetBytes(state.ContentHash);
        var version = utf8.GetBytes(state.PipelineVersion);
        if (hash.Length > byte.MaxValue || version.Length > byte.MaxValue)
        {
            throw new ArgumentException("hash and pipeline version must be at most 255 bytes", nameof(state));
        }

        var bytes = new byte[16 + 1 + hash.Length + 1 + version.Length + utf8.GetByteCount(id)];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt64LittleEndian(span, state.FileLength ?? -1);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], state.FileModifiedTicks ?? -1);
        var at = 16;
        span[at++] = (byte)hash.Length;
        hash.CopyTo(span[at..]);
        at += hash.Length;
        span[at++] = (byte)version.Length;
        version.CopyTo(span[at..]);
        at += version.Length;
        utf8.GetBytes(id, span[at..]);
        return new BytesRef(bytes);
    }

    /// <summary>Reads a <see cref="ArticleFields.State"/> value back; null when it is empty (a document written before
    /// the field existed) or malformed.</summary>
    internal static (string Id, IndexedState State)? DecodeState(BytesRef value)
    {
        var span = value.Bytes.AsSpan(value.Offset, value.Length);
        if (span.Length < 18)
        {
            return null;
        }

        var utf8 = System.Text.Encoding.UTF8;
        var length = BinaryPrimitives.ReadInt64LittleEndian(span);
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(span[8..]);
        var at = 16;
        int hashLength = span[at++];
        if (at + hashLength >= span.Length)
        {
            return null;
        }

        var hash = utf8.GetString(span.Slice(at, hashLength));
        at += hashLength;
        int versionLength = span[at++];
        if (at + versionLength > span.Length)
        {
            return null;
        }

        var versionBytes = span.Slice(at, versionLength);
        var version = versionBytes.SequenceEqual(CurrentVersionUtf8) ? Pipeline.ArticleProcessor.Version : utf8.GetString(versionBytes);
        at += versionLength;
        var id = utf8.GetString(span[at..]);
        return (id, new IndexedState(hash, version, length < 0 ? null : length, ticks < 0 ? null : ticks));
    }

    /// <summary>The <see cref="ArticleFields.LineKeys"/> value: each key as 8 bytes, little-endian, in the given order.</summary>
    internal static BytesRef EncodeLineKeys(IReadOnlyList<ulong> keys)
    {
        var bytes = new byte[keys.Count * sizeof(ulong)];
        for (var i = 0; i < keys.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), keys[i]);
        }

        return new BytesRef(bytes);
    }

    /// <summary>Reads a <see cref="ArticleFields.LineKeys"/> value back into <paramref name="keys"/> (cleared first).
    /// Trailing bytes short of a whole key are ignored.</summary>
    internal static void DecodeLineKeys(BytesRef value, List<ulong> keys)
    {
        keys.Clear();
        var bytes = value.Bytes.AsSpan(value.Offset, value.Length);
        for (var at = 0; at + sizeof(ulong) <= bytes.Length; at += sizeof(ulong))
        {
            keys.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..]));
        }
    }

    private static FieldType CreateBodyType()
    {
        var type = new FieldType(TextField.TYPE_STORED)
        {
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
        };
        type.Freeze();
        return type;
    }
}
