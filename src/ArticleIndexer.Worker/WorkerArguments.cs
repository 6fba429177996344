using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ArticleIndexer.Worker;

/// <summary>
/// The worker's command line, parsed by hand. The value flags are mapped onto configuration
/// (<see cref="ToConfiguration"/>) so they override <c>appsettings.json</c> and environment variables the same way.
/// </summary>
internal sealed record WorkerArguments
{
    /// <summary>The text <c>--help</c> prints.</summary>
    public const string Usage = """
        Usage: ArticleIndexer.Worker [--once | --rebuild] [--source DIR] [--index DIR] [options]

        Indexes the article files under a source folder into a Lucene index. Without --once or
        --rebuild it runs until stopped (Ctrl-C, SIGTERM), with two Quartz schedules kept in a
        SQLite store: incremental passes (every 15 minutes by default) and full rebuilds
        (Sundays 03:00 by default). `articles schedule`, `articles reindex` and `articles status`
        talk to it through that store.

        Options:
          --source DIR                  folder scanned for articles (Indexer:SourceFolder, default "seeds")
          --index DIR                   index root (Indexer:IndexFolder, default "index")
          --once                        run one incremental pass now, print its summary, and exit
          --rebuild                     rebuild the whole index into a fresh generation now, and exit
          --incremental-schedule CRON   Indexer:IncrementalSchedule, default "0 0/15 * * * ?"
          --rebuild-schedule CRON       Indexer:RebuildSchedule, default "0 0 3 ? * SUN"
          --time-zone ID                the schedules' time zone (Indexer:TimeZone, default "UTC")
          --database FILE               Quartz store and pass history (Indexer:Database, default INDEX/worker.db)
          --max-file-mb N               skip article files larger than N MB (Indexer:MaxFileMegabytes, default 20)
          --threads N                   files processed at once (Indexer:Threads, default 0: one per core)
          --help, -h                    show this help

        Settings come from appsettings.json next to the binary, then from environment variables
        prefixed ARTICLEINDEXER_ (ARTICLEINDEXER_Indexer__IncrementalSchedule="0 0 * * * ?"), then
        from the flags above. Relative paths are relative to the current directory. Logs go to
        stderr and to logs/worker-<date>.clef.

        Exit codes: 0 done (or stopped by Ctrl-C), 1 the pass could not run, 2 bad flags or settings,
        3 another process holds the index lock, 4 the index is damaged (run --rebuild).

        """;

    private static readonly Dictionary<string, (string Setting, string What, string Placeholder)> ValueFlags = new(StringComparer.Ordinal)
    {
        ["--source"] = (nameof(WorkerOptions.SourceFolder), "a folder", "DIR"),
        ["--index"] = (nameof(WorkerOptions.IndexFolder), "a folder", "DIR"),
        ["--incremental-schedule"] = (nameof(WorkerOptions.IncrementalSchedule), "a Quartz cron expression", "\"0 0/15 * * * ?\""),
        ["--rebuild-schedule"] = (nameof(WorkerOptions.RebuildSchedule), "a Quartz cron expression", "\"0 0 3 ? * SUN\""),
        ["--time-zone"] = (nameof(WorkerOptions.TimeZone), "a time zone", "Europe/Paris"),
        ["--database"] = (nameof(WorkerOptions.Database), "a file", "FILE"),
        ["--max-file-mb"] = (nameof(WorkerOptions.MaxFileMegabytes), "a number of megabytes", "20"),
        ["--threads"] = (nameof(WorkerOptions.Threads), "a number of threads", "2"),
    };

    /// <summary>Run one incremental pass now and exit, instead of starting the scheduler.</summary>
    public bool Once { get; init; }

    /// <summary>Run one full rebuild now and exit.</summary>
    public bool Rebuild { get; init; }

    /// <summary>Print <see cref="Usage"/> and exit.</summary>
    public bool Help { get; init; }

    /// <summary>The value flags given, by the <see cref="WorkerOptions"/> property they set.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>--source</c> folder; null when not given.</summary>
    public string? SourceFolder => Settings.GetValueOrDefault(nameof(WorkerOptions.SourceFolder));

    /// <summary>The <c>--index</c> folder; null when not given.</summary>
    public string? IndexFolder => Settings.GetValueOrDefault(nameof(WorkerOptions.IndexFolder));

    /// <summary>
    /// Reads <paramref name="args"/>. Value flags take their value as the next argument or after '='
    /// (<c>--source=DIR</c>); a flag given twice keeps its last value. Anything else is an error, as a one-line message.
    /// </summary>
    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out WorkerArguments? arguments,
        [NotNullWhen(false)] out string? error)
    {
        var parsed = new WorkerArguments();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        arguments = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = equals < 0 ? arg : arg[..equals];
            var inlineValue = equals < 0 ? null : arg[(equals + 1)..];
            switch (name)
            {
                case "--once" or "--rebuild" or "--help" or "-h" when inlineValue is not null:
                    error = Format(WorkerMessages.FlagTakesNoValue, name);
                    return false;
                case "--once":
                    parsed = parsed with { Once = true };
                    break;
                case "--rebuild":
                    parsed = parsed with { Rebuild = true };
                    break;
                case "--help" or "-h":
                    parsed = parsed with { Help = true };
                    break;
                case var _ when ValueFlags.TryGetValue(name, out var flag):
                    var value = inlineValue;
                    if (value is null && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        value = args[++i];
                    }

                    if (string.IsNullOrWhiteSpace(value))
                    {
                        error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.MissingValue, name, flag.What, flag.Placeholder);
                        return false;
                    }

                    settings[flag.Setting] = value;
                    break;
                case var _ when name.StartsWith('-'):
                    error = Format(WorkerMessages.UnknownFlag, name);
                    return false;
                default:
                    error = Format(WorkerMessages.UnexpectedArgument, arg);
                    return false;
            }
        }

        if (parsed.Once && parsed.Rebuild)
        {
            error = WorkerMessages.OnceOrRebuild;
            return false;
        }

        arguments = parsed with { Settings = settings };
        error = null;
        return true;
    }

    /// <summary>The value flags as configuration keys, to be added after every other configuration source.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration() =>
        Settings.Select(setting => new KeyValuePair<string, string?>($"{WorkerOptions.SectionName}:{setting.Key}", setting.Value));

    private static string Format(string message, string value) => string.Format(CultureInfo.InvariantCulture, message, value);
}
