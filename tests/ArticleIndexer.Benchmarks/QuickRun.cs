using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Benchmarks;

/// <summary>
/// <c>--quick</c>: a figure in seconds without BenchmarkDotNet. Times each stage with a stopwatch on the calling
/// thread: at least 0.2 s of warm-up passes, then <c>--runs</c> timed runs (default 3), reporting the fastest. A run
/// repeats the pass until it lasts at least 0.2 s, so the five seeds are timed over many passes.
/// </summary>
public static class QuickRun
{
    /// <summary>Timed runs per stage unless <c>--runs</c> says otherwise. Defaults to 3.</summary>
    public const int DefaultRuns = 3;

    private static readonly TimeSpan MinRunTime = TimeSpan.FromSeconds(0.2);

    /// <summary>Parses the quick mode's options, runs it, and returns the exit code (2 for bad options or a missing corpus).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var corpora, out var stages, out var runs, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine("Usage: --quick [--runs N] [--corpus boilerplate-dev|article-text-dev|seeds]... [--stage read|normalize|strip|title|entities|tag|write|process]...");
            return 2;
        }

        if (!Program.CorporaFound(corpora, error))
        {
            return 2;
        }

        var optimized = typeof(TextNormalizer).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
        output.WriteLine($"Quick mode: one thread, fastest of {runs} timed runs after a warm-up; MB = 10^6 bytes.");
        output.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}"
            + (optimized ? "" : ". WARNING: Debug build, run with -c Release for real figures."));
        output.WriteLine();
        output.WriteLine(Row("Corpus", "Stage", "Items", "Input MB", "ms/pass", "MB/s", "File MB/s", "Words/s"));
        output.WriteLine(Row("------", "-----", "-----", "--------", "-------", "----", "---------", "-------"));
        foreach (var kind in corpora)
        {
            var runner = new StageRunner(LoadedCorpus.Load(kind));
            foreach (var stage in stages)
            {
                var seconds = Time(runner, stage, runs);
                var corpus = runner.Corpus;
                var inputMegabytes = StageRunner.InputBytes(corpus, stage) / 1e6;
                var words = StageRunner.InputWords(corpus, stage);
                output.WriteLine(Row(
                    Name(kind),
                    stage.ToString(),
                    Items(corpus, stage).ToString(CultureInfo.InvariantCulture),
                    inputMegabytes.ToString("N3", CultureInfo.InvariantCulture),
                    (seconds * 1e3).ToString(seconds < 1e-3 ? "N4" : "N2", CultureInfo.InvariantCulture),
                    (inputMegabytes / seconds).ToString("N1", CultureInfo.InvariantCulture),
                    (corpus.FileBytes / 1e6 / seconds).ToString("N1", CultureInfo.InvariantCulture),
                    words == 0 ? "-" : (words / seconds).ToString("N0", CultureInfo.InvariantCulture)));
            }
        }

        output.WriteLine();
        output.WriteLine("Input MB: file bytes for Read and Process, else the UTF-8 size of the stage's input text. "
            + "File MB/s: corpus file MB over the stage's time. Words/s: white-space separated words of the entity stage's input; "
            + "for Tag, the tagger's tokens (words and punctuation) per second.");
        return 0;
    }

    /// <summary>Seconds per pass: the fastest of <paramref name="runs"/> runs after a warm-up.</summary>
    private static double Time(StageRunner runner, Stage stage, int runs)
    {
        // Warm up for at least MinRunTime, not one pass: tiered JIT compiles the hot methods again in the background.
        var watch = Stopwatch.StartNew();
        var warmUpPasses = 0;
        do
        {
            GC.KeepAlive(runner.Run(stage));
            warmUpPasses++;
        }
        while (watch.Elapsed < MinRunTime);

        var passes = (int)Math.Max(1, Math.Ceiling(MinRunTime / (watch.Elapsed / warmUpPasses)));
        var best = double.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            watch.Restart();
            long sink = 0;
            for (var pass = 0; pass < passes; pass++)
            {
                sink += runner.Run(stage);
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds / passes);
            GC.KeepAlive(sink);
        }

        return best;
    }

    private static int Items(LoadedCorpus corpus, Stage stage) => stage switch
    {
        Stage.Read or Stage.Process => corpus.Files.Count,
        Stage.Entities or Stage.Tag or Stage.Write => corpus.ArticleTexts.Length,
        _ => corpus.Decoded.Length,
    };

    private static string Row(params string[] cells) =>
        $"{cells[0],-16} {cells[1],-10} {cells[2],6} {cells[3],9} {cells[4],10} {cells[5],8} {cells[6],10} {cells[7],10}";

    private static string Name(CorpusKind kind) => kind switch
    {
        CorpusKind.BoilerplateDev => "boilerplate-dev",
        CorpusKind.ArticleTextDev => "article-text-dev",
        _ => "seeds",
    };

    private static bool TryParse(IReadOnlyList<string> args, out List<CorpusKind> corpora, out List<Stage> stages, out int runs, out string problem)
    {
        corpora = [];
        stages = [];
        runs = DefaultRuns;
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option == "--quick")
            {
                continue;
            }

            if (option is not ("--runs" or "--corpus" or "--stage"))
            {
                problem = $"Unknown option for --quick: {option}";
                return false;
            }

            if (i + 1 >= args.Count)
            {
                problem = $"{option} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (option)
            {
                case "--runs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out runs) && runs > 0:
                    break;
                case "--corpus" when Enum.TryParse<CorpusKind>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var kind):
                    corpora.Add(kind);
                    break;
                case "--stage" when Enum.TryParse<Stage>(value, ignoreCase: true, out var stage):
                    stages.Add(stage);
                    break;
                default:
                    problem = $"Bad value for {option}: {value}";
                    return false;
            }
        }

        if (corpora.Count == 0)
        {
            corpora.AddRange(Enum.GetValues<CorpusKind>());
        }

        if (stages.Count == 0)
        {
            stages.AddRange(Enum.GetValues<Stage>());
        }

        return true;
    }
}
