using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArticleIndexer.Core.Search;

/// <summary>Why the index could not be searched.</summary>
public enum IndexProblem
{
    /// <summary>No index exists at the path.</summary>
    Missing,

    /// <summary>The index exists but holds no article.</summary>
    Empty,

    /// <summary>The index files cannot be read.</summary>
    Corrupt,
}

/// <summary>The outcome of opening an index: a searcher, or the problem and a sentence about it.</summary>
public sealed record OpenResult(ArticleSearcher? Searcher, IndexProblem? Problem, string? Message);

/// <summary>The outcome of a search: results, or a query error with a message pointing at the problem.</summary>
public sealed record SearchOutcome(SearchResults? Results, string? QueryError);

/// <summary>
/// Read-only access to the index for the CLI: search with filters and snippets, one article, top entities, figures.
/// Opens the last commit, so it works while the worker writes, and never takes the write lock.
/// </summary>
public sealed class ArticleSearcher : IDisposable
{
    private readonly LuceneDirectory directory;
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly Analyzer analyzer = ArticleAnalyzers.Create();
    private readonly bool ownsDirectory;

    // The weight of the unstemmed clause (ArticleFields.Exact) against the stemmed query's.
    private const float ExactBoost = 0.5f;

    private ArticleSearcher(LuceneDirectory directory, DirectoryReader reader, bool ownsDirectory)
    {
        this.directory = directory;
        this.reader = reader;
        this.ownsDirectory = ownsDirectory;
        searcher = new IndexSearcher(reader);
    }

    /// <summary>Articles in the index.</summary>
    public int DocumentCount => reader.NumDocs;

    /// <summary>
    /// Opens the index at <paramref name="indexPath"/>: an index root (its current generation, see
    /// <see cref="IndexLayout"/>), a v1 root, or one generation's folder. Never throws for a missing, empty or damaged
    /// index. When a rebuild switches generations while this opens, it opens the new one.
    /// </summary>
    public static OpenResult Open(string indexPath)
    {
        var full = Path.GetFullPath(indexPath);
        var missing = new OpenResult(null, IndexProblem.Missing, $"No index at '{full}': run the worker first (dotnet run --project src/ArticleIndexer.Worker -- --once).");
        if (!System.IO.Directory.Exists(full))
        {
            return missing;
        }

        var layout = new IndexLayout(full);
        OpenResult? result = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var generation = layout.CurrentGeneration;
            var path = generation is null ? full : layout.PathOf(generation);
            result = OpenFolder(path, full);
            // A generation that vanished between reading CURRENT and opening it was replaced by a rebuild: read again.
            if (result.Problem is null or IndexProblem.Empty || generation is null || layout.CurrentGeneration == generation)
            {
                return result.Problem == IndexProblem.Missing ? missing : result;
            }
        }

        return result!.Problem == IndexProblem.Missing ? missing : result;
    }

    private static OpenResult OpenFolder(string path, string displayPath)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return new OpenResult(null, IndexProblem.Missing, null);
        }

        var directory = FSDirectory.Open(path);
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                directory.Dispose();
                return new OpenResult(null, IndexProblem.Missing, null);
            }

            return Open(directory, displayPath, ownsDirectory: true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Lucene reports damaged files with many exception types (CorruptIndexException, EndOfStreamException,
            // ArgumentException from a truncated slice, ...): every one of them means the same thing here.
            directory.Dispose();
            return new OpenResult(null, IndexProblem.Corrupt, $"The index at '{path}' cannot be read ({ex.GetType().Name}: {ex.Message}); rebuild it with the worker's --rebuild (dotnet run --project src/ArticleIndexer.Worker -- --rebuild).");
        }
    }

    /// <summary>Opens an index in a Lucene directory of the caller's (tests); the caller disposes the directory.</summary>
    public static OpenResult Open(LuceneDirectory directory) => Open(directory, null, ownsDirectory: false);

    private static OpenResult Open(LuceneDirectory directory, string? displayPath, bool ownsDirectory)
    {
        var reader = DirectoryReader.Open(directory);
        var searcher = new ArticleSearcher(directory, reader, ownsDirectory);
        if (reader.NumDocs == 0)
        {
            return new OpenResult(searcher, IndexProblem.Empty, $"The index at '{displayPath ?? "memory"}' holds no article yet.");
        }

        return new OpenResult(searcher, null, null);
    }

    /// <summary>
    /// Runs <paramref name="request"/>: best hits first, each with a highlighted snippet. With a place filter, the
    /// articles that mention the place come first, then those that only speak of it through a demonym.
    /// </summary>
    public SearchOutcome Search(SearchRequest request)
    {
        if (QueryGuard.Refuse(request.Query) is { } refused)
        {
            return new SearchOutcome(null, refused);
        }

        var limit = Math.Max(1, request.Limit);
        var offset = Math.Max(0, request.Offset);
        var wanted = offset + limit;
        Query query;
        Query? aboutQuery;
        ISet<Term> highlightTerms;
        TopDocs top;
        TopDocs? about = null;
        var facets = new FacetCollector();
        int? undated = null;
        try
        {
            (query, aboutQuery, highlightTerms) = BuildQuery(request with { Query = QueryGuard.Prepare(request.Query) });
            var dated = DateFilter(request);
            if (dated is not null)
            {
                undated = CountUndated(query) + (aboutQuery is null ? 0 : CountUndated(aboutQuery));
                query = WithFilter(query, dated);
                aboutQuery = aboutQuery is null ? null : WithFilter(aboutQuery, dated);
            }

            // One pass over the matches collects the best hits and the facets together.
            top = Run(query, wanted, request.Sort, request.FacetLimit > 0 ? facets : null);
            if (aboutQuery is not null)
            {
                about = Run(aboutQuery, wanted, request.Sort, request.FacetLimit > 0 ? facets : null);
            }
        }
        catch (Exception ex) when (QueryGuard.IsQueryError(ex))
        {
            return new SearchOutcome(null, QueryGuard.Message(request.Query ?? string.Empty, ex));
        }

        var bodyTerms = highlightTerms.Where(t => t.Field == ArticleFields.Body || t.Field == ArticleFields.Title)
            .Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var placeMatch = aboutQuery is null ? (PlaceMatch?)null : PlaceMatch.Mention;
        var ranked = top.ScoreDocs.Select(d => (Doc: d, Match: placeMatch))
            .Concat((about?.ScoreDocs ?? []).Select(d => (Doc: d, Match: (PlaceMatch?)PlaceMatch.About)));
        var hits = ranked.Skip(offset).Take(limit)
            .Select(r => r.Match == PlaceMatch.About ? Hit(r.Doc, bodyTerms, PlaceMatch.About, request.Place) : Hit(r.Doc, bodyTerms, r.Match))
            .ToList();
        return new SearchOutcome(new SearchResults(top.TotalHits + (about?.TotalHits ?? 0), hits)
        {
            Offset = offset,
            Facets = facets.Result(request.FacetLimit),
            Undated = undated,
        }, null);
    }

    // Best first, or newest first (undated last: their missing doc value reads as 0), ties by score.
    private TopDocs Run(Query query, int count, SearchSort sort, ICollector? alongside = null)
    {
        var best = sort == SearchSort.Date
            ? (ITopDocsCollector)TopFieldCollector.Create(new Sort(new SortField(ArticleFields.Day, SortFieldType.INT32, true), SortField.FIELD_SCORE), count, true, true, false, false)
            : TopScoreDocCollector.Create(count, false);
        searcher.Search(query, alongside is null ? (ICollector)best : MultiCollector.Wrap((ICollector)best, alongside));
        return best.GetTopDocs();
    }

    private static Query? DateFilter(SearchRequest request)
    {
        if (request.From is null && request.To is null)
        {
            return null;
        }

        static int? Day(DateOnly? d) => d is { } day ? ArticleDocumentBuilder.DayNumber(day) : null;
        return NumericRangeQuery.NewInt32Range(ArticleFields.Day, Day(request.From), Day(request.To), true, true);
    }

    private static BooleanQuery WithFilter(Query query, Query filter) => new()
    {
        { query, Occur.MUST },
        { new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST },
    };

    // The matches of the query that have no date at all.
    private int CountUndated(Query query)
    {
        var count = new TotalHitCountCollector();
        var anyDate = NumericRangeQuery.NewInt32Range(ArticleFields.Day, null, null, true, true);
        searcher.Search(new BooleanQuery { { query, Occur.MUST }, { anyDate, Occur.MUST_NOT } }, count);
        return count.TotalHits;
    }

    // The stored fields a hit shows (and, for documents written before the entity columns, their entities).
    private static readonly ISet<string> HitFields = new HashSet<string>(StringComparer.Ordinal)
    {
        ArticleFields.Id, ArticleFields.Path, ArticleFields.Title, ArticleFields.Body, ArticleFields.Published,
        ArticleFields.Day, ArticleFields.Metadata, ArticleFields.ResolvedEntities, ArticleFields.Entities,
    };

    private SearchHit Hit(ScoreDoc scoreDoc, HashSet<string> bodyTerms, PlaceMatch? placeMatch, string? aboutPlace = null)
    {
        var doc = searcher.Doc(scoreDoc.Doc, HitFields);
        var body = doc.Get(ArticleFields.Body) ?? string.Empty;
        var snippet = SnippetBuilder.Build(analyzer, ArticleFields.Body, body, bodyTerms);
        if (snippet.Highlights.Count == 0 && bodyTerms.Count > 0 && doc.Get(ArticleFields.Title) is { } title
            && SnippetBuilder.Build(analyzer, ArticleFields.Title, title, bodyTerms) is { Highlights.Count: > 0 } inTitle)
        {
            // Matched in the headline only: show the headline marked, so a snippet always holds the matched word.
            snippet = inTitle;
        }

        return new SearchHit(doc.Get(ArticleFields.Id), doc.Get(ArticleFields.Path), doc.Get(ArticleFields.Title), scoreDoc.Score, snippet)
        {
            Lead = Lead(body),
            PlaceMatch = placeMatch,
            AboutWords = aboutPlace is null ? [] : AboutWords(ResolvedEntities(scoreDoc.Doc, doc), ArticleAnalyzers.Key(aboutPlace)),
            Date = (doc.GetField(ArticleFields.Day)?.GetInt32Value() ?? ArticleDocumentBuilder.DayOf(doc.Get(ArticleFields.Published))) is { } day
                ? ArticleDocumentBuilder.DayText(day)
                : null,
            Authors = ArticleDocumentBuilder.ReadMetadata(doc)?.Authors.Select(a => a.Name).ToArray() ?? [],
        };
    }

    // The demonyms by which the article speaks of the country the user named (by any of its names).
    private static string[] AboutWords(EntitySet entities, string placeKey) =>
        entities.About
            .Where(link => (Gazetteer.Default.FindCountry(link.CountryCode)?.Aliases ?? []).Prepend(link.Country).Any(n => ArticleAnalyzers.Key(n) == placeKey))
            .SelectMany(link => link.Words)
            .ToArray();

    // The document's entities as the archive resolves them: its resolved_data column, else (most articles, resolved as
    // extracted) its entity_data column, else (written before the columns) its stored JSON.
    private EntitySet ResolvedEntities(int docId, Lucene.Net.Documents.Document doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(docId, reader.Leaves)];
        var value = new BytesRef();
        foreach (var field in new[] { ArticleFields.ResolvedData, ArticleFields.EntityData })
        {
            value.Length = 0;
            leaf.AtomicReader.GetBinaryDocValues(field)?.Get(docId - leaf.DocBase, value);
            if (value.Length > 0)
            {
                return EntityCodec.Decode(value);
            }
        }

        return ArticleJson.ReadEntities(doc.Get(ArticleFields.ResolvedEntities) ?? doc.Get(ArticleFields.Entities));
    }

    /// <summary>
    /// The articles about the same story as the article with id <paramref name="id"/>, closest first, at most
    /// <paramref name="limit"/>; null when no article has that id. See <see cref="RelatedFinder"/>.
    /// </summary>
    public IReadOnlyList<RelatedHit>? Related(string id, int limit)
    {
        var normalized = id.Replace('\\', '/');
        foreach (var candidate in new[] { normalized, Articles.ArticleId.FromRelativePath(normalized).Value })
        {
            var top = searcher.Search(new TermQuery(new Term(ArticleFields.Id, candidate)), 1);
            if (top.TotalHits > 0)
            {
                return new RelatedFinder(reader, searcher, analyzer).Find(top.ScoreDocs[0].Doc, limit);
            }
        }

        return null;
    }

    /// <summary>The article with id <paramref name="id"/> (with or without its file extension), or null.</summary>
    public StoredArticle? Get(string id)
    {
        var normalized = id.Replace('\\', '/');
        foreach (var candidate in new[] { normalized, Articles.ArticleId.FromRelativePath(normalized).Value })
        {
            var top = searcher.Search(new TermQuery(new Term(ArticleFields.Id, candidate)), 1);
            if (top.TotalHits > 0)
            {
                var docId = top.ScoreDocs[0].Doc;
                var doc = searcher.Doc(docId);
                return new StoredArticle(
                    doc.Get(ArticleFields.Id),
                    doc.Get(ArticleFields.Path),
                    doc.Get(ArticleFields.Title),
                    doc.Get(ArticleFields.Body) ?? string.Empty,
                    doc.Get(ArticleFields.Encoding) ?? string.Empty,
                    doc.Get(ArticleFields.ContentHash) ?? string.Empty,
                    doc.Get(ArticleFields.IndexedAt) ?? string.Empty,
                    doc.Get(ArticleFields.PipelineVersion) ?? string.Empty,
                    ArticleJson.ReadStripped(doc.Get(ArticleFields.Stripped)),
                    ResolvedEntities(docId, doc))
                {
                    Page = ArticleDocumentBuilder.ReadPage(doc),
                    Metadata = ArticleDocumentBuilder.ReadMetadata(doc),
                };
            }
        }

        return null;
    }

    /// <summary>
    /// The entities of <paramref name="kind"/> mentioned by the most articles, most first, then by name: from the entity
    /// catalog kept with the index (canonical entities with their aliases, see <see cref="EntityCatalog"/>), or counted
    /// from the index's terms when it has none.
    /// </summary>
    public IReadOnlyList<EntityCount> TopEntities(EntityKind kind, int limit)
    {
        if ((directory as FSDirectory)?.Directory.FullName is { } folder && EntityCatalog.Load(folder) is { } catalog)
        {
            return catalog.Entities.Where(e => e.Kind == kind)
                .Take(Math.Max(1, limit))
                .Select(e => new EntityCount(e.Name, e.Articles) { Aliases = e.Aliases, Mentions = e.Mentions, Roles = e.Roles, Place = e.Place })
                .ToArray();
        }

        var field = kind switch
        {
            EntityKind.Person => ArticleFields.Persons,
            EntityKind.Place => ArticleFields.Places,
            _ => ArticleFields.Orgs,
        };
        return CountTerms(field)
            .OrderByDescending(c => c.Articles)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(Math.Max(1, limit))
            .ToArray();
    }

    /// <summary>Figures about the whole index.</summary>
    public IndexStats Stats()
    {
        // The folder actually opened: the current generation's when opened through an index root (whose own files,
        // CURRENT and the worker database, are not the index's).
        var folder = (directory as FSDirectory)?.Directory.FullName;
        long size = 0;
        if (folder is not null)
        {
            size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
        }

        return new IndexStats(
            reader.NumDocs,
            CountTerms(ArticleFields.Persons).Count,
            CountTerms(ArticleFields.Places).Count,
            CountTerms(ArticleFields.Orgs).Count,
            size,
            reader.IndexCommit.UserData.ToDictionary(kv => kv.Key, kv => kv.Value))
        {
            RepeatedLines = folder is not null && LineRepeatsFile.Load(folder) is { State: LineRepeatsFileState.Loaded } repeats
                ? repeats.Table.RepeatedLines
                : null,
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        reader.Dispose();
        analyzer.Dispose();
        if (ownsDirectory)
        {
            directory.Dispose();
        }
    }

    // Counts live documents per term: deleted documents still count in docFreq until segments merge.
    private List<EntityCount> CountTerms(string field)
    {
        var counts = new List<EntityCount>();
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return counts;
        }

        var live = MultiFields.GetLiveDocs(reader);
        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (termsEnum.MoveNext())
        {
            docs = termsEnum.Docs(live, docs, DocsFlags.NONE);
            var n = 0;
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                n++;
            }

            if (n > 0)
            {
                counts.Add(new EntityCount(termsEnum.Term.Utf8ToString(), n));
            }
        }

        return counts;
    }

    // The query, and with a place filter the query of the articles linked to the place only through a demonym.
    private (Query Query, Query? About, ISet<Term> HighlightTerms) BuildQuery(SearchRequest request)
    {
        var all = new BooleanQuery();
        var highlight = new HashSet<Term>();
        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            var parsed = CreateParser(MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT).Parse(request.Query);
            all.Add(parsed, Occur.MUST);

            // Optional: the same words unstemmed, so the form typed ranks above its other forms. Any one of them counts.
            var exact = new QueryParser(ArticleAnalyzers.Version, ArticleFields.Exact, analyzer)
            {
                DefaultOperator = Operator.OR,
                MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT,
                AllowLeadingWildcard = false,
            }.Parse(request.Query);
            exact.Boost = ExactBoost;
            all.Add(exact, Occur.SHOULD);

            // For highlighting only: the same query with wildcards expanded to their 50 best terms.
            var forTerms = CreateParser(new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(50)).Parse(request.Query);
            try
            {
                searcher.Rewrite(forTerms).ExtractTerms(highlight);
            }
            catch (NotSupportedException)
            {
                // A query kind that cannot list its terms: the snippet is shown without marks.
            }
        }

        // A filter matches or not: it does not change the ranking of a free-text query (weight 0); alone, every
        // match scores 1.
        var filterWeight = string.IsNullOrWhiteSpace(request.Query) ? 1f : 0f;
        Query Filter(Query filter) => new ConstantScoreQuery(filter) { Boost = filterWeight };

        if (!string.IsNullOrWhiteSpace(request.Person))
        {
            all.Add(Filter(NamePhrase(ArticleFields.Person, request.Person)), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(request.Org))
        {
            var org = new BooleanQuery
            {
                { new TermQuery(new Term(ArticleFields.OrgKey, ArticleAnalyzers.Key(request.Org))), Occur.SHOULD },
                { NamePhrase(ArticleFields.Org, request.Org), Occur.SHOULD },
            };
            all.Add(Filter(org), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(request.Author))
        {
            var author = new BooleanQuery
            {
                { new TermQuery(new Term(ArticleFields.AuthorKey, ArticleAnalyzers.Key(request.Author))), Occur.SHOULD },
                { NamePhrase(ArticleFields.Author, request.Author), Occur.SHOULD },
            };
            all.Add(Filter(author), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(request.Source))
        {
            all.Add(Filter(new TermQuery(new Term(ArticleFields.Source, ArticleAnalyzers.Key(request.Source.Trim().TrimEnd('/', '\\'))))), Occur.MUST);
        }

        Query? about = null;
        if (!string.IsNullOrWhiteSpace(request.Place))
        {
            var key = ArticleAnalyzers.Key(request.Place);
            var mention = new BooleanQuery { { new TermQuery(new Term(ArticleFields.PlaceKey, key)), Occur.SHOULD } };
            if (request.Within)
            {
                mention.Add(new TermQuery(new Term(ArticleFields.PlaceIn, key)), Occur.SHOULD);
            }

            var aboutOnly = new BooleanQuery();
            foreach (var clause in all.Clauses)
            {
                aboutOnly.Add(clause);
            }

            aboutOnly.Add(Filter(new TermQuery(new Term(ArticleFields.PlaceAbout, key))), Occur.MUST);
            aboutOnly.Add(mention, Occur.MUST_NOT);
            about = aboutOnly;
            all.Add(Filter(mention), Occur.MUST);
        }

        if (all.Clauses.Count == 0)
        {
            return (new MatchAllDocsQuery(), null, highlight);
        }

        return (all, about, highlight);
    }

    private MultiFieldQueryParser CreateParser(MultiTermQuery.RewriteMethod rewrite)
    {
        var boosts = new Dictionary<string, float> { [ArticleFields.Title] = 2f, [ArticleFields.Body] = 1f };
        return new MultiFieldQueryParser(ArticleAnalyzers.Version, ArticleFields.DefaultSearchFields, analyzer, boosts)
        {
            DefaultOperator = Operator.AND,
            MultiTermRewriteMethod = rewrite,
            AllowLeadingWildcard = false,
        };
    }

    // "Cazeneuve" matches "Bernard Cazeneuve": a phrase of the name's words within one name value.
    private PhraseQuery NamePhrase(string field, string name)
    {
        var phrase = new PhraseQuery();
        using var stream = analyzer.GetTokenStream(field, name);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            phrase.Add(new Term(field, term.ToString()));
        }

        stream.End();
        return phrase;
    }

    // The first words of the body, cut at a word boundary: what a hit without a headline is called.
    internal static string Lead(string body)
    {
        const int max = 80;
        var firstParagraph = body.Split('\n', 2)[0];
        if (firstParagraph.Length <= max)
        {
            return firstParagraph;
        }

        var cut = firstParagraph.LastIndexOf(' ', max);
        return firstParagraph[..(cut > 0 ? cut : max)] + "…";
    }
}
