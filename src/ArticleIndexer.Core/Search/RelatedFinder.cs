using System.Text.RegularExpressions;
using ArticleIndexer.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace ArticleIndexer.Core.Search;

/// <summary>
/// Finds the articles about the same story as one article: a MoreLikeThis query over the distinctive words of its title
/// and body (the index's English analysis, so "migrant" and "migrants" count together) joined with the canonical persons,
/// places and organisations it names. Flags near-duplicates by the overlap of their word shingles.
/// </summary>
internal sealed partial class RelatedFinder(IndexReader reader, IndexSearcher searcher, Analyzer analyzer)
{
    /// <summary>Words per shingle for <see cref="Resemblance"/>.</summary>
    public const int ShingleWords = 4;

    /// <summary>The share of shingles two bodies hold in common (Jaccard) from which they are near-duplicates: 0.5.</summary>
    public const double NearDuplicateResemblance = 0.5;

    // A shared entity weighs as much as a distinctive word or two: stories share names, not only vocabulary.
    private const float EntityBoost = 1.5f;

    public IReadOnlyList<RelatedHit> Find(int docNumber, int limit)
    {
        var source = searcher.Doc(docNumber);
        var mlt = new MoreLikeThis(reader)
        {
            FieldNames = [ArticleFields.Title, ArticleFields.Body],
            Analyzer = analyzer,
            // A small archive: a word seen once in the article and in one other article still tells.
            MinTermFreq = 1,
            MinDocFreq = 1,
            MaxQueryTerms = 40,
            ApplyBoost = true,
        };
        var query = new BooleanQuery { { mlt.Like(docNumber), Occur.SHOULD } };
        var entities = new Dictionary<(string Field, string Name), bool>();
        foreach (var field in new[] { ArticleFields.Persons, ArticleFields.Places, ArticleFields.Orgs })
        {
            foreach (var name in source.GetValues(field) ?? [])
            {
                if (entities.TryAdd((field, name), true))
                {
                    query.Add(new TermQuery(new Term(field, name)) { Boost = EntityBoost }, Occur.SHOULD);
                }
            }
        }

        query.Add(new TermQuery(new Term(ArticleFields.Id, source.Get(ArticleFields.Id))), Occur.MUST_NOT);
        var sourceShingles = Shingles(source.Get(ArticleFields.Body) ?? string.Empty);
        var top = searcher.Search(query, Math.Max(1, limit));
        return top.ScoreDocs.Select(hit =>
        {
            var doc = searcher.Doc(hit.Doc);
            var shared = entities.Keys
                .Where(e => (doc.GetValues(e.Field) ?? []).Contains(e.Name, StringComparer.Ordinal))
                .Select(e => e.Name)
                .ToArray();
            var resemblance = Resemblance(sourceShingles, Shingles(doc.Get(ArticleFields.Body) ?? string.Empty));
            return new RelatedHit(doc.Get(ArticleFields.Id), doc.Get(ArticleFields.Path), doc.Get(ArticleFields.Title), hit.Score, shared,
                Math.Round(resemblance, 3), resemblance >= NearDuplicateResemblance)
            {
                Lead = ArticleSearcher.Lead(doc.Get(ArticleFields.Body) ?? string.Empty),
            };
        }).ToArray();
    }

    /// <summary>The Jaccard overlap of two shingle sets: 1 for the same words in the same order, 0 for nothing in common.</summary>
    public static double Resemblance(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var common = a.Count(b.Contains);
        return common / (double)(a.Count + b.Count - common);
    }

    /// <summary>The distinct runs of <see cref="ShingleWords"/> lower-cased words of <paramref name="text"/> (punctuation ignored).</summary>
    public static IReadOnlySet<string> Shingles(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + ShingleWords <= words.Length; i++)
        {
            shingles.Add(string.Join(' ', words, i, ShingleWords));
        }

        if (shingles.Count == 0 && words.Length > 0)
        {
            shingles.Add(string.Join(' ', words));
        }

        return shingles;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
