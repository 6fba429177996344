using System.Diagnostics;
using System.Globalization;
using ArticleIndexer.Core.Search;

namespace ArticleIndexer.Benchmarks;

/// <summary>
/// <c>--search INDEX [--queries FILE] [--reps N] [--warmup N]</c> (the query file defaults to
/// <c>../shared/bench/queries.txt</c>, from the repository root): search latency in a warm process, as
/// <c>../shared/bench</c>'s Java <c>Searcher</c> measures Lucene's: every query of the file (one Lucene classic-syntax
/// query a line; blank lines and '#' lines skipped) <c>--warmup</c> times untimed, then <c>--reps</c> times timed.
/// Each timed query is what <c>articles search</c> shows: parse, the best 10 hits with their snippets, the total, and
/// the facets of the whole result set (<c>--facets 0</c> leaves them out, to see what they cost). Prints one line of key=value pairs with the same keys as the Java searcher's.
/// </summary>
public static class SearchRun
{
    /// <summary>Runs the benchmark; 2 for bad options, a missing index or a query the product rejects.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var index = Option(args, "--search");
        var queriesPath = Option(args, "--queries") ?? Path.Combine("..", "shared", "bench", "queries.txt");
        if (index is null || !int.TryParse(Option(args, "--reps") ?? "20", out var reps) || reps < 1
            || !int.TryParse(Option(args, "--warmup") ?? "3", out var warmup) || warmup < 0
            || !int.TryParse(Option(args, "--facets") ?? "5", out var facetLimit) || facetLimit < 0)
        {
            error.WriteLine("Usage: --search INDEX [--queries FILE] [--reps N (20)] [--warmup N (3)] [--facets N (5, as the CLI; 0: none)]");
            return 2;
        }

        if (!File.Exists(queriesPath))
        {
            error.WriteLine($"No query file at '{queriesPath}': give one with --queries.");
            return 2;
        }

        var queries = File.ReadLines(queriesPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var opened = ArticleSearcher.Open(index);
        if (opened.Searcher is not { } searcher)
        {
            error.WriteLine(opened.Message);
            return 2;
        }

        using (searcher)
        {
            long totalHits = 0;
            foreach (var query in queries)
            {
                if (Search(searcher, query, facetLimit) is not { } results)
                {
                    error.WriteLine($"The product rejects the query '{query}'.");
                    return 2;
                }

                totalHits += results.Total;
            }

            for (var w = 0; w < warmup; w++)
            {
                queries.ForEach(q => Search(searcher, q, facetLimit));
            }

            var latencies = new List<double>(reps * queries.Count);
            var wall = Stopwatch.StartNew();
            for (var r = 0; r < reps; r++)
            {
                foreach (var query in queries)
                {
                    var started = Stopwatch.GetTimestamp();
                    Search(searcher, query, facetLimit);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            latencies.Sort();
            var f = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(f,
                $"queries={queries.Count} reps={reps} warmup={warmup} docs={searcher.Stats().Documents} total_hits={totalHits} p50_ms={Percentile(latencies, 50):F3} p95_ms={Percentile(latencies, 95):F3} p99_ms={Percentile(latencies, 99):F3} mean_ms={latencies.Average():F3} max_ms={latencies[^1]:F3} timed_wall_s={wall.Elapsed.TotalSeconds:F3}"));
            return 0;
        }
    }

    private static SearchResults? Search(ArticleSearcher searcher, string query, int facetLimit) =>
        searcher.Search(new SearchRequest { Query = query, Limit = 10, FacetLimit = facetLimit }).Results;

    // The nearest-rank percentile, as the Java searcher computes it.
    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
