using BenchmarkDotNet.Running;

namespace ArticleIndexer.Benchmarks;

/// <summary>
/// <c>--quick</c> runs <see cref="QuickRun"/>, <c>--search</c> <see cref="SearchRun"/>; everything else goes to BenchmarkDotNet's switcher
/// (<c>--filter *Strip*</c>, <c>--list flat</c>, <c>--job short</c>, ...). Exits 2 when a corpus cannot be found.
/// </summary>
public static class Program
{
    private static readonly string[] InfoOptions = ["--list", "--help", "-h", "-?", "--info", "--version"];

    /// <summary>Runs the benchmarks.</summary>
    public static int Main(string[] args)
    {
        if (args.Contains("--search"))
        {
            return SearchRun.Run(args, Console.Out, Console.Error);
        }

        if (args.Contains("--quick"))
        {
            return QuickRun.Run(args, Console.Out, Console.Error);
        }

        if (!args.Any(InfoOptions.Contains) && !CorporaFound(Enum.GetValues<CorpusKind>(), Console.Error))
        {
            return 2;
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }

    /// <summary>True when every corpus in <paramref name="corpora"/> can be found; else writes why to <paramref name="error"/>.</summary>
    internal static bool CorporaFound(IEnumerable<CorpusKind> corpora, TextWriter error)
    {
        var found = true;
        foreach (var kind in corpora)
        {
            if (!CorpusLocator.TryFind(kind, out _, out var problem))
            {
                error.WriteLine($"Corpus {kind} not found. {problem}");
                found = false;
            }
        }

        return found;
    }
}
