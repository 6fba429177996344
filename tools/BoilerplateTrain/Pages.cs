using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Html;
using ArticleIndexer.Core.Normalization;

namespace BoilerplateTrain;

/// <summary>One web page of a dev set, as the page model sees it: every block with its markup facts, the lines of
/// the blocks as the line rules judged them, each line's label and weight, and the rules' own extraction.</summary>
internal sealed record HtmlPage(
    string Set, string Id, List<PageBlocks.Block> Blocks, PageModel.Lines Lines, bool[] Labels, float[] Weights,
    Dictionary<string, int> TruthShingles, string RulesText)
{
    public string Key => Set + "/" + Id;
}

/// <summary>
/// Trains the page model (<c>Boilerplate/Data/page-model.bin</c>) on the HTML pages of the dev sets and reports its
/// cross-validated scores (pages held out by fold), beside the rules' extraction alone and both followed by the line
/// cleaner, as <c>articles clean</c> runs it:
/// <code>dotnet run -c Release --project tools/BoilerplateTrain -- --pages [--folds 5] [--out FILE]</code>
/// </summary>
internal static class Pages
{
    public static int Run(string shared, string output, int folds, int threads, double threshold, TreeOptions options, string? cvOut,
        bool context = false, string? firstCache = null, double? finalThreshold = null)
    {
        var clock = Stopwatch.StartNew();
        var sets = new[] { "extraction-dev", "extraction-more" };
        var extractor = new HtmlArticleExtractor(pageModel: null);
        var pages = sets.SelectMany(set =>
        {
            var truth = Dataset.ReadTruth(Path.Combine(shared, "data", set, "ground-truth.json"));
            return truth.Keys.Order(StringComparer.Ordinal).AsParallel().AsOrdered().WithDegreeOfParallelism(threads)
                .Select(id => Load(extractor, set, id, Path.Combine(shared, "data", set, "html", id + ".html.gz"), truth[id]));
        }).ToList();
        Console.WriteLine($"{pages.Count} pages, {pages.Sum(p => p.Labels.Length)} lines, {PageModel.Names.Length} features ({clock.Elapsed.TotalSeconds:F0} s)");

        var trainer = new TreeTrainer(options);
        if (context)
        {
            return RunWithSecondReading(pages, output, folds, threads, threshold, finalThreshold ?? threshold, options, cvOut, firstCache, clock);
        }

        var scores = new Dictionary<HtmlPage, double[]>();
        if (folds > 1)
        {
            var results = new System.Collections.Concurrent.ConcurrentDictionary<HtmlPage, double[]>();
            Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
            {
                var model = Train(trainer, pages.Where(p => Fold(p.Id, folds) != k).ToList(), threshold);
                foreach (var page in pages.Where(p => Fold(p.Id, folds) == k))
                {
                    results[page] = PageModel.Score(page.Lines, page.Blocks, model);
                }

                Console.WriteLine($"  fold {k + 1}/{folds} ({clock.Elapsed.TotalSeconds:F0} s)");
            });
            foreach (var (page, s) in results)
            {
                scores[page] = s;
            }

            var cleaner = new LineBoilerplateStripper();
            var normalizer = new TextNormalizer();
            string Cleaned(string text) => string.Join("\n\n", cleaner.Strip(normalizer.Normalize(text), LineRepeats.Empty).Kept.Select(k => k.Text));
            Console.WriteLine("cross-validated (pages held out), F1 (P R); \"+ cleaner\": then the shipped line cleaner (trained on these pages' text: in-sample)");
            var cuts = new[] { -1.0, -0.5, 0.0, 0.5 };
            foreach (var set in pages.GroupBy(p => p.Set))
            {
                Console.WriteLine($"  {set.Key}: rules {Mean(set, p => p.RulesText)}, rules + cleaner {Mean(set, p => Cleaned(p.RulesText))}");
                foreach (var t in cuts)
                {
                    Console.WriteLine($"    model {t,5:F2}: {Mean(set, p => Body(p, scores[p], t))}, + cleaner {Mean(set, p => Cleaned(Body(p, scores[p], t)))}");
                }
            }

            WriteBodies(cvOut, pages, scores, threshold);
        }

        var final = Train(trainer, pages, threshold);
        Save(final, output);

        Console.WriteLine($"page model: {final.Trees.TreeCount} trees, {final.Words.Count} words, threshold {threshold}, {new FileInfo(output).Length / 1024.0:F0} KiB -> {output} ({clock.Elapsed.TotalSeconds:F0} s)");
        return 0;
    }

    // The page model with its second reading. Cross-validated without a leak: a held-out fold's second reading was
    // trained on first scores of the other folds' pages made by models that saw neither that page's fold nor the held-out
    // one (one model per pair of folds, ten for five folds), and reads the first scores of the model trained without
    // the held-out fold. The shipped second reading learns from every page's held-out first score.
    private static int RunWithSecondReading(List<HtmlPage> pages, string output, int folds, int threads, double firstThreshold,
        double threshold, TreeOptions options, string? cvOut, string? firstCache, Stopwatch clock)
    {
        var trainer = new TreeTrainer(options);
        var (outer, pair) = firstCache is not null && File.Exists(firstCache)
            ? ReadFirst(firstCache, pages, folds)
            : FirstScores(trainer, pages, folds, threads, firstThreshold, clock);
        if (firstCache is not null && !File.Exists(firstCache))
        {
            WriteFirst(firstCache, pages, outer, pair, folds);
        }

        var words = pages.ToDictionary(p => p, p => p.Lines.Analysis.Lines.Select(l => (float)l.Features.Words).ToArray());
        FirstReading Reading(HtmlPage p, double[] s) => new(s, words[p], p.Labels, p.Weights);
        var second = new TreeTrainer(SecondReading.Options(options));
        var stacked = new System.Collections.Concurrent.ConcurrentDictionary<HtmlPage, double[]>();
        var leaky = new System.Collections.Concurrent.ConcurrentDictionary<HtmlPage, double[]>();
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            var training = pages.Where(p => Fold(p.Id, folds) != k).ToList();
            var reading = SecondReading.Train(second, training.Select(p => Reading(p, pair[p][k])).ToList(), firstThreshold);
            var shortcut = SecondReading.Train(second, training.Select(p => Reading(p, outer[p])).ToList(), firstThreshold);
            foreach (var page in pages.Where(p => Fold(p.Id, folds) == k))
            {
                stacked[page] = SecondReading.Score(reading, Reading(page, outer[page]));
                leaky[page] = SecondReading.Score(shortcut, Reading(page, outer[page]));
            }

            Console.WriteLine($"  second reading, fold {k + 1}/{folds} ({clock.Elapsed.TotalSeconds:F0} s)");
        });

        Console.WriteLine("cross-validated (pages held out), F1 (P R): first reading alone, then with the second reading "
            + "(\"shortcut\": its training scores made by models that saw the held-out pages, for comparison)");
        var cuts = new[] { -1.0, -0.5, -0.25, 0.0, 0.5 };
        foreach (var set in pages.GroupBy(p => p.Set))
        {
            Console.WriteLine($"  {set.Key}: rules {Mean(set, p => p.RulesText)}");
            foreach (var t in cuts)
            {
                Console.WriteLine($"    {t,5:F2}: first {Mean(set, p => Body(p, outer[p], t))}, second {Mean(set, p => Body(p, stacked[p], t))}, shortcut {Mean(set, p => Body(p, leaky[p], t))}");
            }
        }

        WriteBodies(cvOut, pages, stacked, threshold);

        var first = Train(trainer, pages, firstThreshold);
        var final = new LineModel(first.Words, first.Trees, threshold,
            SecondReading.Train(second, pages.Select(p => Reading(p, outer[p])).ToList(), firstThreshold));
        Save(final, output);

        Console.WriteLine($"page model: {final.Trees.TreeCount} + {final.Context!.Trees.TreeCount} trees, {final.Words.Count} words, "
            + $"threshold {threshold} (first reading {firstThreshold}), {new FileInfo(output).Length / 1024.0:F0} KiB -> {output} ({clock.Elapsed.TotalSeconds:F0} s)");
        return 0;
    }

    // Each page's first scores by the model trained without its fold (outer) and, for each other fold k, by the model
    // trained without its fold and k (pair[page][k]).
    private static (Dictionary<HtmlPage, double[]> Outer, Dictionary<HtmlPage, double[][]> Pair) FirstScores(
        TreeTrainer trainer, List<HtmlPage> pages, int folds, int threads, double threshold, Stopwatch clock)
    {
        var jobs = new List<(int A, int B)>();
        for (var a = 0; a < folds; a++)
        {
            jobs.Add((a, a));
            for (var b = a + 1; b < folds; b++)
            {
                jobs.Add((a, b));
            }
        }

        var outer = new System.Collections.Concurrent.ConcurrentDictionary<HtmlPage, double[]>();
        var pair = pages.ToDictionary(p => p, _ => new double[folds][]);
        var done = 0;
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = threads }, job =>
        {
            var model = Train(trainer, pages.Where(p => Fold(p.Id, folds) != job.A && Fold(p.Id, folds) != job.B).ToList(), threshold);
            foreach (var page in pages.Where(p => Fold(p.Id, folds) == job.A || Fold(p.Id, folds) == job.B))
            {
                var s = PageModel.Score(page.Lines, page.Blocks, model);
                var fold = Fold(page.Id, folds);
                if (job.A == job.B)
                {
                    outer[page] = s;
                }
                else
                {
                    lock (pair)
                    {
                        pair[page][fold == job.A ? job.B : job.A] = s;
                    }
                }
            }

            Console.WriteLine($"  first reading without folds {job.A + 1} and {job.B + 1}: {Interlocked.Increment(ref done)}/{jobs.Count} ({clock.Elapsed.TotalSeconds:F0} s)");
        });
        return (outer.ToDictionary(), pair);
    }

    private static void WriteFirst(string path, List<HtmlPage> pages, Dictionary<HtmlPage, double[]> outer, Dictionary<HtmlPage, double[][]> pair, int folds)
    {
        using var writer = new BinaryWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest));
        writer.Write(pages.Count);
        foreach (var page in pages)
        {
            writer.Write(page.Key);
            foreach (var s in pair[page].Append(outer[page]))
            {
                writer.Write(s?.Length ?? -1);
                foreach (var v in s ?? [])
                {
                    writer.Write(v);
                }
            }
        }
    }

    private static (Dictionary<HtmlPage, double[]> Outer, Dictionary<HtmlPage, double[][]> Pair) ReadFirst(string path, List<HtmlPage> pages, int folds)
    {
        using var reader = new BinaryReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var byKey = pages.ToDictionary(p => p.Key);
        var outer = new Dictionary<HtmlPage, double[]>();
        var pair = new Dictionary<HtmlPage, double[][]>();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var page = byKey[reader.ReadString()];
            var arrays = new double[folds + 1][];
            for (var k = 0; k <= folds; k++)
            {
                var n = reader.ReadInt32();
                arrays[k] = n < 0 ? null! : Enumerable.Range(0, n).Select(_ => reader.ReadDouble()).ToArray();
            }

            pair[page] = arrays[..folds];
            outer[page] = arrays[folds];
        }

        return (outer, pair);
    }

    // The body each page gets at `threshold` from `scores`, as SET/ID.txt under `folder` (when given).
    private static void WriteBodies(string? folder, List<HtmlPage> pages, IReadOnlyDictionary<HtmlPage, double[]> scores, double threshold)
    {
        if (folder is null)
        {
            return;
        }

        foreach (var page in pages)
        {
            var set = Directory.CreateDirectory(Path.Combine(folder, page.Set)).FullName;
            File.WriteAllText(Path.Combine(set, page.Id + ".txt"), Body(page, scores[page], threshold));
        }
    }

    private static void Save(LineModel model, string output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using var file = File.Create(output);
        model.Write(file);
    }

    private static HtmlPage Load(HtmlArticleExtractor extractor, string set, string id, string path, string truth)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var html = new StreamReader(gzip).ReadToEnd();
        var page = extractor.Read(html);
        var lines = PageModel.Analyze(page.Blocks, new TextNormalizer());
        var truthTokens = ExtractionScore.Tokens(truth);
        var shingles = ExtractionScore.Shingles(truthTokens);
        var sequence = string.Join('\u0001', truthTokens);
        var n = lines.Analysis.Lines.Count;
        var labels = new bool[n];
        var weights = new float[n];
        for (var i = 0; i < n; i++)
        {
            var tokens = ExtractionScore.Tokens(lines.Analysis.Lines[i].Text);
            labels[i] = Dataset.Label(tokens, shingles, sequence);
            weights[i] = tokens.Length + 2;
        }

        var sum = weights.Sum();
        for (var i = 0; i < n; i++)
        {
            weights[i] /= Math.Max(sum, 1e-6f);
        }

        return new HtmlPage(set, id, page.Blocks, lines, labels, weights, shingles, page.Extraction.Text);
    }

    private static LineModel Train(TreeTrainer trainer, List<HtmlPage> training, double threshold)
    {
        const int inner = 5;
        var vectors = new Dictionary<HtmlPage, float[]>();
        for (var k = 0; k < inner; k++)
        {
            var odds = Odds(training.Where(p => Fold(p.Id + "/inner", inner) != k));
            foreach (var page in training.Where(p => Fold(p.Id + "/inner", inner) == k))
            {
                vectors[page] = PageModel.Vectors(page.Lines, page.Blocks, odds);
            }
        }

        var x = training.SelectMany(p => vectors[p]).ToArray();
        var y = training.SelectMany(p => p.Labels).ToArray();
        var w = training.SelectMany(p => p.Weights).ToArray();
        var trees = trainer.Train(x, y, w, PageModel.Names.Length, PageModel.Names);
        return new LineModel(Odds(training), trees, threshold);
    }

    // The word odds of the pages' lines, as the line trainer fits them.
    private static WordOdds Odds(IEnumerable<HtmlPage> pages) =>
        WordOddsFit.Fit(pages.Select(p => new Page(p.Set, "html", "html", p.Id, p.Lines.Analysis, LineRepeats.Empty, p.Labels, p.Weights, p.TruthShingles)));

    private static string Body(HtmlPage page, double[] scores, double threshold) =>
        string.Join("\n\n", PageModel.Decide(page.Lines, page.Blocks, scores, threshold).Kept.Select(k => k.Text));

    private static string Mean(IEnumerable<HtmlPage> pages, Func<HtmlPage, string> body)
    {
        var (f1, p, r) = ExtractionScore.Mean(pages.Select(page => ExtractionScore.Page(page.TruthShingles, body(page))));
        return string.Create(CultureInfo.InvariantCulture, $"{f1:F4} ({p:F3} {r:F3})");
    }

    private static int Fold(string id, int folds)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)folds);
    }
}
