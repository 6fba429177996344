using ArticleIndexer.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArticleIndexer.Core.Search;

/// <summary>
/// Counts, over every document a query matches (not only the hits shown), how many carry each value of the facet doc
/// values fields (<see cref="ArticleFields.FacetPersons"/>, <see cref="ArticleFields.FacetPlaces"/>,
/// <see cref="ArticleFields.FacetOrgs"/>, <see cref="ArticleFields.FacetSources"/>, <see cref="ArticleFields.FacetAuthors"/>),
/// and how many are dated in each month (<see cref="ArticleFields.Day"/>). Counts per segment ordinal, then looks each
/// counted ordinal up once: one pass over the matches, no stored field read.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private static readonly string[] Fields = [ArticleFields.FacetPersons, ArticleFields.FacetPlaces, ArticleFields.FacetOrgs, ArticleFields.FacetSources, ArticleFields.FacetAuthors];

    // The names of a segment's ordinals, decoded once per segment and field for the life of the segment: a warm process
    // (and every query of the bench) pays the UTF-8 decoding once, not for every matching document's values.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, string?[][]> Names = new();

    // Each segment's ordinals per document, read into arrays the second time a query counts that segment: a long-lived
    // searcher (the benchmark, a service) then counts from memory instead of the doc values' packed, memory-mapped
    // columns, while a one-query process (the CLI) never pays for reading a whole segment.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, SegmentOrdinals[]> Ordinals = new();

    private readonly SegmentOrdinals.Column?[] columns = new SegmentOrdinals.Column?[Fields.Length];
    private readonly Dictionary<string, int>[] totals = Fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly SortedSetDocValues?[] values = new SortedSetDocValues?[Fields.Length];
    private readonly int[][] counts = Fields.Select(_ => Array.Empty<int>()).ToArray();
    private readonly List<int>[] touched = Fields.Select(_ => new List<int>()).ToArray();
    private readonly Dictionary<int, int> months = [];
    private NumericDocValues? days;
    private string?[][]? names;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        days = reader.GetNumericDocValues(ArticleFields.Day);
        names = Names.GetValue(reader.CoreCacheKey, _ => new string?[Fields.Length][]);
        var ordinals = Ordinals.GetValue(reader.CoreCacheKey, _ => Fields.Select(_ => new SegmentOrdinals()).ToArray());
        for (var i = 0; i < Fields.Length; i++)
        {
            var set = reader.GetSortedSetDocValues(Fields[i]);
            values[i] = set;
            columns[i] = null;
            if (set is null)
            {
                continue;
            }

            columns[i] = ordinals[i].Get(set, reader.MaxDoc);

            var size = (int)set.ValueCount;
            if (counts[i].Length < size)
            {
                counts[i] = new int[Math.Max(size, counts[i].Length * 2)];
            }

            lock (names)
            {
                if (names[i] is null || names[i].Length != size)
                {
                    names[i] = new string?[size];
                }
            }
        }
    }

    public void Collect(int doc)
    {
        // An undated document's missing value reads as 0.
        if (days is not null && days.Get(doc) is var day and > 0)
        {
            var month = (int)(day / 100);
            months[month] = months.GetValueOrDefault(month) + 1;
        }

        for (var i = 0; i < Fields.Length; i++)
        {
            if (columns[i] is { } column)
            {
                for (var at = column.Starts[doc]; at < column.Starts[doc + 1]; at++)
                {
                    Count(i, column.Ords[at]);
                }
            }
            else if (values[i] is { } set)
            {
                set.SetDocument(doc);
                long ord;
                while ((ord = set.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    Count(i, (int)ord);
                }
            }
        }
    }

    /// <summary>The counts, each facet's values most documents first, then by name; at most <paramref name="limit"/> each;
    /// every year and month with a dated document, oldest first.</summary>
    public SearchFacets Result(int limit)
    {
        Flush();
        IReadOnlyList<FacetCount> Top(int field) => totals[field]
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(kv => new FacetCount(kv.Key, kv.Value))
            .ToArray();
        var byMonth = months.OrderBy(kv => kv.Key).ToArray();
        return new SearchFacets(Top(0), Top(1), Top(2), Top(3))
        {
            Authors = Top(4),
            Years = byMonth.GroupBy(kv => kv.Key / 100)
                .Select(g => new FacetCount(g.Key.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), g.Sum(kv => kv.Value)))
                .ToArray(),
            Months = byMonth.Select(kv => new FacetCount($"{kv.Key / 100:D4}-{kv.Key % 100:D2}", kv.Value)).ToArray(),
        };
    }

    // One more document of the segment carries ordinal ord of field i.
    private void Count(int i, int ord)
    {
        if (counts[i][ord]++ == 0)
        {
            touched[i].Add(ord);
        }
    }

    // Adds the segment's ordinal counts to the totals by value (ordinals are per segment), and clears them.
    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < Fields.Length; i++)
        {
            if (values[i] is { } set)
            {
                var total = totals[i];
                var segmentNames = names![i];
                foreach (var ord in touched[i])
                {
                    var name = Volatile.Read(ref segmentNames[ord]);
                    if (name is null)
                    {
                        set.LookupOrd(ord, term);
                        name = term.Utf8ToString();
                        Volatile.Write(ref segmentNames[ord], name);
                    }

                    total[name] = total.GetValueOrDefault(name) + counts[i][ord];
                    counts[i][ord] = 0;
                }
            }

            touched[i].Clear();
            values[i] = null;
            columns[i] = null;
        }
    }

    /// <summary>One segment's ordinals of one facet field, read into arrays on the second use (see <see cref="Ordinals"/>).</summary>
    private sealed class SegmentOrdinals
    {
        private readonly Lock gate = new();
        private int uses;
        private Column? column;

        public Column? Get(SortedSetDocValues set, int maxDoc)
        {
            if (Volatile.Read(ref column) is { } read)
            {
                return read;
            }

            lock (gate)
            {
                if (column is null && ++uses >= 2)
                {
                    Volatile.Write(ref column, Read(set, maxDoc));
                }

                return column;
            }
        }

        private static Column Read(SortedSetDocValues set, int maxDoc)
        {
            var starts = new int[maxDoc + 1];
            var ords = new List<int>(maxDoc * 2);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ords.Count;
                set.SetDocument(doc);
                long ord;
                while ((ord = set.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ords.Add((int)ord);
                }
            }

            starts[maxDoc] = ords.Count;
            return new Column(starts, [.. ords]);
        }

        /// <summary>The ordinals of document <c>d</c> are <c>Ords[Starts[d]..Starts[d + 1]]</c>.</summary>
        public sealed record Column(int[] Starts, int[] Ords);
    }
}
