using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ArticleIndexer.Worker;

/// <summary>
/// The worker's command line. Four flags, parsed by hand; the folder flags are mapped onto configuration
/// (<see cref="ToConfiguration"/>) so they override <c>appsettings.json</c> and environment variables the same way.
/// </summary>
internal sealed record WorkerArguments
{
    /// <summary>The text <c>--help</c> prints.</summary>
    public const string Usage = """
        Usage: ArticleIndexer.Worker [--once] [--source DIR] [--index DIR]

        Indexes the article files under a source folder into a Lucene index: on a schedule
        (every 15 minutes by default), or once with --once.

        Options:
          --source DIR   folder scanned for articles (Indexer:SourceFolder, default "seeds")
          --index DIR    folder of the Lucene index (Indexer:IndexFolder, default "index")
          --once         run one pass now, print its summary on stdout, and exit
          --help, -h     show this help

        Settings come from appsettings.json next to the binary, then from environment variables
        prefixed ARTICLEINDEXER_ (ARTICLEINDEXER_Indexer__Schedule="0 0 * * * ?"), then from the
        flags above. Relative folders are relative to the current directory. Logs go to stderr
        and to logs/worker-<date>.clef.

        Exit codes: 0 done (or stopped by Ctrl-C), 1 the pass could not run, 2 bad flags or settings.

        """;

    /// <summary>Run one pass now and exit, instead of starting the scheduler.</summary>
    public bool Once { get; init; }

    /// <summary>Print <see cref="Usage"/> and exit.</summary>
    public bool Help { get; init; }

    /// <summary>The <c>--source</c> folder; null when not given.</summary>
    public string? SourceFolder { get; init; }

    /// <summary>The <c>--index</c> folder; null when not given.</summary>
    public string? IndexFolder { get; init; }

    /// <summary>
    /// Reads <paramref name="args"/>. Flags take their value as the next argument or after '=' (<c>--source=DIR</c>);
    /// a flag given twice keeps its last value. Anything else is an error, as a one-line message.
    /// </summary>
    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out WorkerArguments? arguments,
        [NotNullWhen(false)] out string? error)
    {
        var parsed = new WorkerArguments();
        arguments = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = equals < 0 ? arg : arg[..equals];
            var inlineValue = equals < 0 ? null : arg[(equals + 1)..];
            switch (name)
            {
                case "--once" or "--help" or "-h" when inlineValue is not null:
                    error = Format(WorkerMessages.FlagTakesNoValue, name);
                    return false;
                case "--once":
                    parsed = parsed with { Once = true };
                    break;
                case "--help" or "-h":
                    parsed = parsed with { Help = true };
                    break;
                case "--source" or "--index":
                    var value = inlineValue;
                    if (value is null && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        value = args[++i];
                    }

                    if (string.IsNullOrWhiteSpace(value))
                    {
                        error = Format(WorkerMessages.MissingValue, name);
                        return false;
                    }

                    parsed = name == "--source" ? parsed with { SourceFolder = value } : parsed with { IndexFolder = value };
                    break;
                case var _ when name.StartsWith('-'):
                    error = Format(WorkerMessages.UnknownFlag, name);
                    return false;
                default:
                    error = Format(WorkerMessages.UnexpectedArgument, arg);
                    return false;
            }
        }

        arguments = parsed;
        error = null;
        return true;
    }

    /// <summary>The flags as configuration keys, to be added after every other configuration source.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration()
    {
        if (SourceFolder is not null)
        {
            yield return new($"{WorkerOptions.SectionName}:{nameof(WorkerOptions.SourceFolder)}", SourceFolder);
        }

        if (IndexFolder is not null)
        {
            yield return new($"{WorkerOptions.SectionName}:{nameof(WorkerOptions.IndexFolder)}", IndexFolder);
        }
    }

    private static string Format(string message, string value) => string.Format(CultureInfo.InvariantCulture, message, value);
}
