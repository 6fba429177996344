using ArticleIndexer.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArticleIndexer.Core.Search;

/// <summary>
/// Counts, over every document a query matches (not only the hits shown), how many carry each value of the facet doc
/// values fields (<see cref="ArticleFields.FacetPersons"/>, <see cref="ArticleFields.FacetPlaces"/>,
/// <see cref="ArticleFields.FacetOrgs"/>, <see cref="ArticleFields.FacetSources"/>). Counts per segment ordinal, then
/// looks each counted ordinal up once: one pass over the matches, no stored field read.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private static readonly string[] Fields = [ArticleFields.FacetPersons, ArticleFields.FacetPlaces, ArticleFields.FacetOrgs, ArticleFields.FacetSources];

    private readonly Dictionary<string, Dictionary<string, int>> totals = Fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedSetDocValues?[] values = new SortedSetDocValues?[Fields.Length];
    private readonly Dictionary<long, int>[] segmentCounts = Fields.Select(_ => new Dictionary<long, int>()).ToArray();

    /// <summary>Documents collected.</summary>
    public int Documents { get; private set; }

    /// <inheritdoc />
    public bool AcceptsDocsOutOfOrder => true;

    /// <inheritdoc />
    public void SetScorer(Scorer scorer)
    {
    }

    /// <inheritdoc />
    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < Fields.Length; i++)
        {
            values[i] = context.AtomicReader.GetSortedSetDocValues(Fields[i]);
        }
    }

    /// <inheritdoc />
    public void Collect(int doc)
    {
        Documents++;
        for (var i = 0; i < Fields.Length; i++)
        {
            if (values[i] is not { } set)
            {
                continue;
            }

            set.SetDocument(doc);
            long ord;
            while ((ord = set.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                segmentCounts[i][ord] = segmentCounts[i].GetValueOrDefault(ord) + 1;
            }
        }
    }

    /// <summary>The counts, each facet's values most documents first, then by name; at most <paramref name="limit"/> each.</summary>
    public SearchFacets Result(int limit)
    {
        Flush();
        IReadOnlyList<FacetCount> Top(string field) => totals[field]
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(kv => new FacetCount(kv.Key, kv.Value))
            .ToArray();
        return new SearchFacets(Top(ArticleFields.FacetPersons), Top(ArticleFields.FacetPlaces), Top(ArticleFields.FacetOrgs), Top(ArticleFields.FacetSources));
    }

    // Adds the segment's ordinal counts to the totals by value: ordinals are per segment.
    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < Fields.Length; i++)
        {
            if (values[i] is { } set)
            {
                var total = totals[Fields[i]];
                foreach (var (ord, count) in segmentCounts[i])
                {
                    set.LookupOrd(ord, term);
                    var name = term.Utf8ToString();
                    total[name] = total.GetValueOrDefault(name) + count;
                }
            }

            segmentCounts[i].Clear();
            values[i] = null;
        }
    }
}
