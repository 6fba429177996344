// Trains the cleaner's line model (src/ArticleIndexer.Core/Boilerplate/Data/line-model.bin) on many renderings of the
// dev pages, with the pages' true text as labels, and reports the cross-validated scores of the cleaner with the model:
//
//   python3 tools/render-text-sets.py RENDERINGS          (the pages of extraction-dev and extraction-more, each as
//                                                         w3m, lynx, html2text, our renderer and SmartReader make it)
//   dotnet run -c Release --project tools/BoilerplateTrain -- --renderings RENDERINGS [--folds 5] [--per-page 3]
//       [--cv families|pages|split:SET|none] [--hold-out FAMILY] [--cv-out DIR] [--threads 2] [--threshold -0.5]
//       [--trees 300] [--depth 5] [--adaptive] [--oracle] [--second-reading [--final-threshold T]] [--first-cache FILE]
//       [--out FILE]
//   dotnet run -c Release --project tools/BoilerplateTrain -- --pages [--threshold -0.25] [--cv-out DIR] [--out FILE]
//       (the page model, src/ArticleIndexer.Core/Boilerplate/Data/page-model.bin, on the dev sets' HTML; Pages.cs)
//
// --second-reading adds the model's second reading (LineContext), trained on the cross-validated first scores;
// --first-cache keeps those scores in FILE, or reads them from it when it exists (an experiment with the second
// reading then takes minutes, not an hour).
//
// --cv split:SET trains on SET's pages only (without --hold-out's family) and scores every rendering of the others: a
// quick protocol for trying a change. --oracle prints what keeping exactly the lines of the true text would score.
//
// Cross-validation holds out a page fold and a renderer family at once (--cv families, the default): each rendering
// of the pages of fold k made by family f is cleaned by a model trained on the other folds' pages as the other
// families rendered them, so every figure is on pages and on a tool the model never saw. --cv pages holds out pages
// only. Without --renderings it trains on the two shared dev sets (article-text-dev and boilerplate-dev) as before.
//
// Each model learns from --per-page renderings of each of its pages (chosen by a hash of page and renderer among the
// renderings it may see): the renderings of a page say much the same, and all of them would make a model train for
// an hour. Deterministic: the same data and options give the same model, byte for byte.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Titles;
using BoilerplateTrain;

var shared = Option("--shared") ?? Path.Combine(RepoRoot(), "..", "shared");
var output = Option("--out") ?? Path.Combine(RepoRoot(), "src", "ArticleIndexer.Core", "Boilerplate", "Data", "line-model.bin");
var folds = int.Parse(Option("--folds") ?? "5", CultureInfo.InvariantCulture);
var perPage = int.Parse(Option("--per-page") ?? "3", CultureInfo.InvariantCulture);
var threads = int.Parse(Option("--threads") ?? "2", CultureInfo.InvariantCulture);
var cvOut = Option("--cv-out");
var threshold = double.Parse(Option("--threshold") ?? "-0.5", CultureInfo.InvariantCulture);
var renderingsRoot = Option("--renderings");
var cv = Option("--cv") ?? (renderingsRoot is null ? "pages" : "families");
var holdOut = Option("--hold-out") ?? "";
if (cv is not ("families" or "pages" or "none") && !cv.StartsWith("split:", StringComparison.Ordinal))
{
    Console.Error.WriteLine($"--cv {cv}: expected families, pages, split:SET or none");
    return 2;
}

var defaults = new TreeOptions();
var treeOptions = defaults with
{
    Trees = int.Parse(Option("--trees") ?? defaults.Trees.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    Depth = int.Parse(Option("--depth") ?? defaults.Depth.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    LearningRate = double.Parse(Option("--rate") ?? defaults.LearningRate.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    InnerThreads = threads > 1 ? 1 : 2,
};

if (args.Contains("--pages"))
{
    return Pages.Run(shared, Option("--out") ?? Path.Combine(RepoRoot(), "src", "ArticleIndexer.Core", "Boilerplate", "Data", "page-model.bin"),
        folds, threads, double.Parse(Option("--threshold") ?? "0", CultureInfo.InvariantCulture), treeOptions, cvOut,
        args.Contains("--second-reading"), Option("--first-cache"),
        Option("--final-threshold") is { } cut ? double.Parse(cut, CultureInfo.InvariantCulture) : null);
}

var clock = Stopwatch.StartNew();
var renderings = renderingsRoot is not null
    ? Rendering.Under(renderingsRoot)
    :
    [
        new("extraction-dev", "article-text-dev", "readlater", Path.Combine(shared, "data", "article-text-dev", "txt"),
            Path.Combine(shared, "data", "extraction-dev", "ground-truth.json")),
        new("extraction-dev", "boilerplate-dev", "page", Path.Combine(shared, "data", "boilerplate-dev", "txt"),
            Path.Combine(shared, "data", "extraction-dev", "ground-truth.json")),
    ];
if (Option("--only") is { } only)
{
    renderings.RemoveAll(r => r.Renderer != only && r.Family != only);
}

if (renderings.Count == 0)
{
    Console.Error.WriteLine($"no renderings under {renderingsRoot} (make them with tools/render-text-sets.py)");
    return 2;
}

var truths = renderings.Select(r => r.TruthPath).Distinct().ToDictionary(t => t, Dataset.ReadTruth);
var pages = renderings.AsParallel().AsOrdered().SelectMany(r => Dataset.Load(r, truths[r.TruthPath])).ToList();
var families = pages.Select(p => p.Family).Distinct().Order(StringComparer.Ordinal).ToArray();
Console.WriteLine($"{pages.Count} renderings of {pages.Select(p => p.Key).Distinct().Count()} pages by {renderings.Count} renderers "
    + $"({string.Join(", ", families)}), {pages.Sum(p => p.Labels.Length)} lines, {LineVectors.Length} features ({clock.Elapsed.TotalSeconds:F0} s)");

if (args.Contains("--oracle"))
{
    // What keeping exactly the lines labelled article text would score: the ceiling of any line-by-line cleaner.
    foreach (var group in pages.GroupBy(p => p.Rendering))
    {
        Console.WriteLine($"  oracle {group.Key,-36} {Mean(group, p => string.Join("\n", p.Analysis.Lines.Where((_, i) => p.Labels[i]).Select(l => l.Text)))}");
    }

    return 0;
}

var trainer = new TreeTrainer(treeOptions);
var scores = new ConcurrentDictionary<Page, double[]>();
var secondReading = args.Contains("--second-reading");
var finalThreshold = Option("--final-threshold") is { } cutText ? double.Parse(cutText, CultureInfo.InvariantCulture) : threshold;
Dictionary<Page, double[]>? firstScores = null;
if (cv.StartsWith("split:", StringComparison.Ordinal))
{
    // A quick look for experiments: one model trained on one page set (without --hold-out's family), every other
    // set's renderings scored with it.
    var trainSet = cv["split:".Length..];
    var model = Train(pages.Where(p => p.Set == trainSet && p.Family != holdOut).ToList());
    Parallel.ForEach(pages.Where(p => p.Set != trainSet), new ParallelOptions { MaxDegreeOfParallelism = threads }, page => scores[page] = Score(model, page));
    pages.RemoveAll(p => p.Set == trainSet);
    folds = 0;
}

if (cv != "none" && (folds > 1 || cv.StartsWith("split:", StringComparison.Ordinal)))
{
    // One job per held-out page fold, and per held-out family with --cv families.
    var heldOut = cv == "families" ? families : [""];
    var jobs = heldOut.SelectMany(f => Enumerable.Range(0, folds).Select(k => (Family: f, Fold: k))).ToList();
    var done = 0;
    var firstCache = Option("--first-cache");
    var cached = firstCache is not null && File.Exists(firstCache);
    if (cached)
    {
        ReadScores(firstCache!, pages, scores);
        Console.WriteLine($"first scores of {scores.Count} renderings from {firstCache}");
    }

    Parallel.ForEach(cached ? [] : jobs, new ParallelOptions { MaxDegreeOfParallelism = threads }, job =>
    {
        bool Tested(Page p) => Fold(p.Id, folds) == job.Fold && (job.Family.Length == 0 || p.Family == job.Family);
        var model = Train(pages.Where(p => Fold(p.Id, folds) != job.Fold && p.Family != job.Family).ToList());
        foreach (var page in pages.Where(Tested))
        {
            scores[page] = Score(model, page);
        }

        Console.WriteLine($"  held out {(job.Family.Length == 0 ? "" : job.Family + ", ")}fold {job.Fold + 1}/{folds}: "
            + $"{Interlocked.Increment(ref done)}/{jobs.Count} ({clock.Elapsed.TotalSeconds:F0} s)");
    });

    if (firstCache is not null && !cached)
    {
        WriteScores(firstCache, pages, scores);
    }

    if (secondReading)
    {
        // The second reading of each held-out cell learns from the other cells' held-out first scores. Those were made
        // by models that saw the held-out cell (a shortcut: the page model's leak-free protocol would need a model per
        // pair of cells here); docs/design.md, "Second reading", measures what the shortcut costs on the page model.
        var first = new Dictionary<Page, double[]>(scores);
        var second = new TreeTrainer(SecondReading.Options(treeOptions));
        var done2 = 0;
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = threads }, job =>
        {
            var training = Sample(pages.Where(p => Fold(p.Id, folds) != job.Fold && p.Family != job.Family).ToList());
            var reading = SecondReading.Train(second, training.Select(p => Reading(p, first[p])).ToList(), threshold);
            foreach (var page in pages.Where(p => Fold(p.Id, folds) == job.Fold && (job.Family.Length == 0 || p.Family == job.Family)))
            {
                scores[page] = SecondReading.Score(reading, Reading(page, first[page]));
            }

            Console.WriteLine($"  second reading, held out {job.Family} fold {job.Fold + 1}: {Interlocked.Increment(ref done2)} ({clock.Elapsed.TotalSeconds:F0} s)");
        });

        foreach (var group in pages.GroupBy(p => p.Rendering))
        {
            Console.WriteLine($"  first reading {group.Key,-36} {Mean(group, p => Body(p, first[p], threshold))}");
        }

        firstScores = first;
    }

    var what = cv == "families" ? "pages and renderer family held out"
        : cv == "pages" ? "pages held out"
        : $"trained on {cv["split:".Length..]}{(holdOut.Length > 0 ? " without " + holdOut : "")}";
    Console.WriteLine($"cross-validated ({what}), F1 (P R) per rendering:");
    var cuts = new[] { -1.0, -0.75, -0.5, -0.25, 0 };
    Console.WriteLine($"  {"rendering",-36} {"keep all",-22} {"rules alone",-22} " + string.Join(" ", cuts.Select(t => $"{"model " + t.ToString("F2", CultureInfo.InvariantCulture),-22}")));
    foreach (var group in pages.GroupBy(p => p.Rendering))
    {
        var row = new List<string> { Mean(group, p => string.Join("\n", p.Analysis.Lines.Select(l => l.Text))), Mean(group, p => Body(p, null, 0)) };
        row.AddRange(cuts.Select(t => Mean(group, p => Body(p, scores[p], t))));
        Console.WriteLine($"  {group.Key,-36} {string.Join(" ", row.Select(r => $"{r,-22}"))}");
    }

    if (args.Contains("--adaptive"))
    {
        // A threshold by the kind of file: lower where few lines are furniture (an article file), higher on a page.
        foreach (var share in new[] { 0.05, 0.1, 0.2, 0.3 })
        {
            foreach (var (low, high) in new[] { (-1.0, -0.25), (-1.0, 0.0), (-0.75, -0.25) })
            {
                double Cut(Page p) => p.Analysis.LineRules.Count(r => r is not null) >= share * Math.Max(1, p.Analysis.Lines.Count) ? high : low;
                var row = pages.GroupBy(p => p.Family).OrderBy(g => g.Key, StringComparer.Ordinal).Select(f =>
                    $"{f.Key} {f.GroupBy(p => p.Rendering).Select(g => ExtractionScore.Mean(g.Select(p => ExtractionScore.Page(p.TruthShingles, Body(p, scores[p], Cut(p))))).F1).Average():F4}");
                Console.WriteLine($"  adaptive: furniture share {share:F2}, {low:F2} / {high:F2}: {string.Join("  ", row)}");
            }
        }
    }

    foreach (var family in pages.GroupBy(p => p.Family))
    {
        var means = family.GroupBy(p => p.Rendering).Select(g => ExtractionScore.Mean(g.Select(p => ExtractionScore.Page(p.TruthShingles, Body(p, scores[p], finalThreshold)))).F1);
        Console.WriteLine($"  family {family.Key,-12} mean F1 over its renderings at {finalThreshold}: {means.Average():F4}");
    }

    if (cvOut is not null)
    {
        foreach (var group in pages.GroupBy(p => p.Rendering))
        {
            var folder = Directory.CreateDirectory(Path.Combine(cvOut, group.Key)).FullName;
            foreach (var page in group)
            {
                File.WriteAllText(Path.Combine(folder, page.Id + ".txt"), Body(page, scores[page], finalThreshold));
            }
        }
    }
}

if (cv.StartsWith("split:", StringComparison.Ordinal))
{
    return 0;
}

var final = Train(pages);
if (secondReading)
{
    if (firstScores is null)
    {
        Console.Error.WriteLine("--second-reading learns from cross-validated first scores: run it with --cv families or pages");
        return 2;
    }

    var second = new TreeTrainer(SecondReading.Options(treeOptions));
    final = new LineModel(final.Words, final.Trees, finalThreshold,
        SecondReading.Train(second, Sample(pages).Select(p => Reading(p, firstScores[p])).ToList(), threshold));
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
using (var file = File.Create(output))
{
    final.Write(file);
}

Console.WriteLine($"model: {final.Trees.TreeCount} trees, {final.Words.Count} words, threshold {threshold}, {new FileInfo(output).Length / 1024.0:F0} KiB -> {output} ({clock.Elapsed.TotalSeconds:F0} s)");
return 0;

// A model trained on `training`, up to --per-page renderings of each of its pages. The trees learn from word odds of
// pages the odds were not fitted on (inner folds), as they will meet new pages.
LineModel Train(List<Page> training)
{
    training = Sample(training);
    const int inner = 5;
    var vectors = new Dictionary<Page, float[]>();
    for (var k = 0; k < inner; k++)
    {
        var odds = WordOddsFit.Fit(training.Where(p => Fold(p.Id + "/inner", inner) != k));
        foreach (var page in training.Where(p => Fold(p.Id + "/inner", inner) == k))
        {
            vectors[page] = page.Vectors(odds);
        }
    }

    var x = training.SelectMany(p => vectors[p]).ToArray();
    var y = training.SelectMany(p => p.Labels).ToArray();
    var w = training.SelectMany(p => p.Weights).ToArray();
    var trees = trainer.Train(x, y, w, LineVectors.Length, LineVectors.Names);
    return new LineModel(WordOddsFit.Fit(training), trees, threshold);
}

// Of each page's renderings in `training`, the --per-page with the lowest hash of page and renderer: which ones a page
// keeps does not depend on what else is in the training set, and every renderer is as likely.
List<Page> Sample(List<Page> training) =>
    training.GroupBy(p => p.Key)
        .SelectMany(g => g.OrderBy(p => Hash(p.Key + "|" + p.Renderer)).ThenBy(p => p.Renderer, StringComparer.Ordinal).Take(perPage))
        .OrderBy(p => p.Rendering, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)
        .ToList();

static FirstReading Reading(Page page, double[] first) =>
    new(first, page.Analysis.Lines.Select(l => (float)l.Features.Words).ToArray(), page.Labels, page.Weights);

static void WriteScores(string path, List<Page> pages, ConcurrentDictionary<Page, double[]> scores)
{
    using var writer = new BinaryWriter(new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest));
    var scored = pages.Where(scores.ContainsKey).ToList();
    writer.Write(scored.Count);
    foreach (var page in scored)
    {
        writer.Write(page.Rendering + "/" + page.Id);
        writer.Write(scores[page].Length);
        foreach (var v in scores[page])
        {
            writer.Write(v);
        }
    }
}

static void ReadScores(string path, List<Page> pages, ConcurrentDictionary<Page, double[]> scores)
{
    using var reader = new BinaryReader(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress));
    var byKey = pages.ToDictionary(p => p.Rendering + "/" + p.Id);
    var count = reader.ReadInt32();
    for (var i = 0; i < count; i++)
    {
        var page = byKey[reader.ReadString()];
        scores[page] = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadDouble()).ToArray();
    }
}

static double[] Score(LineModel model, Page page) => model.Score(page.Vectors(model.Words), LineVectors.Length).Scores;

static string Mean(IEnumerable<Page> pages, Func<Page, string> body)
{
    var (f1, p, r) = ExtractionScore.Mean(pages.Select(page => ExtractionScore.Page(page.TruthShingles, body(page))));
    return $"{f1:F4} ({p:F3} {r:F3})";
}

// The body `articles clean` writes: empty for a file that is no article (LineBoilerplateStripper.NoArticle).
static string Body(Page page, double[]? s, double threshold)
{
    var stripped = LineBoilerplateStripper.Decide(page.Analysis, s, null, threshold);
    return LineBoilerplateStripper.NoArticle(stripped) is null ? new TitleFinder().Find(stripped).Body : "";
}

static int Fold(string id, int folds) => (int)(Hash(id) % (uint)folds);

static uint Hash(string text)
{
    var hash = 2166136261u;
    foreach (var c in text)
    {
        hash = (hash ^ c) * 16777619u;
    }

    return hash;
}

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string RepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArticleIndexer.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
