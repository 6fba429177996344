// Trains the cleaner's line model (src/ArticleIndexer.Core/Boilerplate/Data/line-model.bin) on the two dev sets of
// ../shared/data, with the pages' true text as labels, and reports the cross-validated scores of the cleaner with the
// model (pages held out by fold, so every figure is on pages the model did not see):
//
//   dotnet run -c Release --project tools/BoilerplateTrain -- [--shared ../shared] [--folds 5] [--cv-out DIR] [--only SET]
//
// Deterministic: the same data and options give the same model, byte for byte.
using System.Diagnostics;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Titles;
using BoilerplateTrain;

var shared = Option("--shared") ?? Path.Combine(RepoRoot(), "..", "shared");
var output = Option("--out") ?? Path.Combine(RepoRoot(), "src", "ArticleIndexer.Core", "Boilerplate", "Data", "line-model.bin");
var folds = int.Parse(Option("--folds") ?? "5");
var cvOut = Option("--cv-out");
var threshold = double.Parse(Option("--threshold") ?? "-0.5", System.Globalization.CultureInfo.InvariantCulture);
var defaults = new TreeOptions();
var treeOptions = defaults with
{
    Trees = int.Parse(Option("--trees") ?? defaults.Trees.ToString()),
    Depth = int.Parse(Option("--depth") ?? defaults.Depth.ToString()),
    LearningRate = double.Parse(Option("--rate") ?? defaults.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture),
};

var clock = Stopwatch.StartNew();
var truth = Dataset.ReadTruth(Path.Combine(shared, "data", "extraction-dev", "ground-truth.json"));
var pages = Dataset.Load("article-text-dev", Path.Combine(shared, "data", "article-text-dev", "txt"), truth);
pages.AddRange(Dataset.Load("boilerplate-dev", Path.Combine(shared, "data", "boilerplate-dev", "txt"), truth));
if (Option("--only") is { } only)
{
    pages.RemoveAll(p => p.Set != only);
}

Console.WriteLine($"{pages.Count} pages, {pages.Sum(p => p.Labels.Length)} lines, {LineVectors.Length} features ({clock.Elapsed.TotalSeconds:F0} s)");

var trainer = new TreeTrainer(treeOptions);
var scores = new Dictionary<Page, double[]>();
if (folds > 1)
{
    for (var k = 0; k < folds; k++)
    {
        var model = Train(pages.Where(p => Fold(p.Id, folds) != k).ToList());
        foreach (var page in pages.Where(p => Fold(p.Id, folds) == k))
        {
            scores[page] = Score(model, page);
        }

        Console.WriteLine($"fold {k + 1}/{folds} done ({clock.Elapsed.TotalSeconds:F0} s)");
    }

    Console.WriteLine("cross-validated (pages held out):  threshold  article-text-dev F1 P R   |   boilerplate-dev F1 P R");
    Console.WriteLine($"  rules alone           {Report(null, 0)}");
    foreach (var t in new[] { -1.5, -1.0, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 1.0 })
    {
        Console.WriteLine($"  model {t,6:F2}          {Report(scores, t)}");
    }

    if (cvOut is not null)
    {
        using var stats = new StreamWriter(Path.Combine(Directory.CreateDirectory(cvOut).FullName, "pages.tsv"));
        foreach (var page in pages)
        {
            var s = scores[page];
            var body = Body(page, s, threshold);
            var (pp, rr) = ExtractionScore.Page(page.TruthShingles, body);
            double keptWeight = 0, keptProb = 0, maxScore = -99;
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] < threshold)
                {
                    continue;
                }

                var t = page.Analysis.Lines[i].Features.Words;
                keptWeight += t;
                keptProb += t / (1 + Math.Exp(-s[i]));
                maxScore = Math.Max(maxScore, s[i]);
            }

            stats.WriteLine($"{page.Set}\t{page.Id}\t{pp:F3}\t{rr:F3}\t{keptWeight}\t{(keptWeight == 0 ? 0 : keptProb / keptWeight):F3}\t{maxScore:F2}");
        }

        foreach (var set in pages.GroupBy(p => p.Set))
        {
            var folder = Directory.CreateDirectory(Path.Combine(cvOut, set.Key)).FullName;
            foreach (var page in set)
            {
                File.WriteAllText(Path.Combine(folder, page.Id + ".txt"), Body(page, scores[page], threshold));
            }
        }
    }
}

var final = Train(pages);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
using (var file = File.Create(output))
{
    final.Write(file);
}

Console.WriteLine($"model: {final.Trees.TreeCount} trees, {final.Words.Count} words, threshold {threshold}, {new FileInfo(output).Length / 1024.0:F0} KiB -> {output} ({clock.Elapsed.TotalSeconds:F0} s)");
return 0;

// The trees learn from word odds of pages the odds were not fitted on (inner folds), as they will meet new pages.
LineModel Train(List<Page> training)
{
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

static double[] Score(LineModel model, Page page) => LineBoilerplateStripper.Score(page.Vectors(model.Words), model);

string Report(Dictionary<Page, double[]>? s, double threshold)
{
    var parts = pages.GroupBy(p => p.Set).Select(set =>
    {
        var (f1, p, r) = ExtractionScore.Mean(set.Select(page => ExtractionScore.Page(page.TruthShingles, Body(page, s?[page], threshold))));
        return $"{f1:F4} {p:F4} {r:F4}";
    });
    return string.Join("   |   ", parts);
}

string Body(Page page, double[]? s, double threshold)
{
    var stripped = LineBoilerplateStripper.Decide(page.Analysis, s, null, threshold);
    return new TitleFinder().Find(stripped).Body;
}

static int Fold(string id, int folds)
{
    var hash = 2166136261u;
    foreach (var c in id)
    {
        hash = (hash ^ c) * 16777619u;
    }

    return (int)(hash % (uint)folds);
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
