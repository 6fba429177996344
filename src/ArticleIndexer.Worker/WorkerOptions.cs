namespace ArticleIndexer.Worker;

/// <summary>
/// The worker's settings, read from the <c>Indexer</c> section of <c>appsettings.json</c> (next to the binary), then
/// from <c>ARTICLEINDEXER_</c>-prefixed environment variables (<c>ARTICLEINDEXER_Indexer__SourceFolder</c>), then from
/// the command-line flags. Relative paths resolve against the current directory, not the binary's.
/// </summary>
internal sealed class WorkerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Indexer";

    /// <summary>Folder scanned for article files, recursively. Defaults to "seeds". Flag: <c>--source</c>.</summary>
    public string SourceFolder { get; set; } = "seeds";

    /// <summary>
    /// The index root: the Lucene generations, <c>CURRENT</c>, the lock and (by default) the worker database.
    /// Created if missing. Defaults to "index". Flag: <c>--index</c>.
    /// </summary>
    public string IndexFolder { get; set; } = "index";

    /// <summary>
    /// When incremental passes run (new, changed and deleted files), as a Quartz cron expression (seconds first).
    /// Defaults to "0 0/15 * * * ?": every 15 minutes, on the quarter hour. Flag: <c>--incremental-schedule</c>.
    /// </summary>
    public string IncrementalSchedule { get; set; } = "0 0/15 * * * ?";

    /// <summary>
    /// When full rebuilds run (every file into a fresh generation), as a Quartz cron expression.
    /// Defaults to "0 0 3 ? * SUN": Sundays at 03:00. Flag: <c>--rebuild-schedule</c>.
    /// </summary>
    public string RebuildSchedule { get; set; } = "0 0 3 ? * SUN";

    /// <summary>The time zone both schedules are read in, as an IANA or Windows id. Defaults to "UTC". Flag: <c>--time-zone</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Whether the scheduled worker runs an incremental pass as soon as it starts. Defaults to true.</summary>
    public bool RunOnStart { get; set; } = true;

    /// <summary>
    /// The SQLite file holding the Quartz job store (schedules, trigger state) and the pass history. Empty (the
    /// default) means <c>worker.db</c> in the index root. Flag: <c>--database</c>.
    /// </summary>
    public string Database { get; set; } = string.Empty;

    /// <summary>
    /// How often, in seconds, the idle scheduler looks in the store for requests from <c>articles reindex</c>.
    /// Defaults to 5; Quartz accepts 1 to 300.
    /// </summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>
    /// Article files larger than this many megabytes (MiB) are skipped as too large, without being read: a scraper's
    /// dump or a stray archive must not take the worker's memory. Defaults to 20; at least 1. Flag: <c>--max-file-mb</c>.
    /// </summary>
    public double MaxFileMegabytes { get; set; } = 20;

    /// <summary>
    /// How many files a pass reads and processes at once (cleaning and tagging are the costly stages); the index is
    /// still written by one thread in the order the files were found. 0 (the default) means one per processor core.
    /// Flag: <c>--threads</c>.
    /// </summary>
    public int Threads { get; set; }

    /// <summary>
    /// How many changed documents a pass writes between two commits (it also commits every 30 seconds and at its end).
    /// Fewer commits are faster (each flushes a segment and syncs); more lose less work to a killed process. 100 to
    /// 1,000,000; default 10,000.
    /// </summary>
    public int CommitEvery { get; set; } = 10_000;

    /// <summary>
    /// The most segments the index keeps after a pass that changed it; more are merged down to this many before the
    /// pass's last commit (fewer segments answer searches faster, merging costs the pass time). 0 to 1,000; 0 leaves
    /// merging to Lucene's own policy; default 5.
    /// </summary>
    public int MaxSegments { get; set; } = 5;

    /// <summary>
    /// The first year of the window a date written with its weekday but no year ("Thursday (2 July)") may be placed in,
    /// when nothing in the file or its path gives the year: the date takes the one year of the window whose calendar
    /// fits the weekday, and none when no year or several do. With <see cref="WeekdayYearTo"/>; both unset (the default)
    /// means no such date is completed. A change applies to files indexed after it: rebuild (<c>--rebuild</c>) for all.
    /// </summary>
    public int? WeekdayYearFrom { get; set; }

    /// <summary>The last year of the weekday window (see <see cref="WeekdayYearFrom"/>); at most 99 years after it.</summary>
    public int? WeekdayYearTo { get; set; }

    /// <summary>
    /// Whether a file that says nothing of its date is dated by its modification time (UTC day), marked as such in its
    /// metadata ("file: its modification time ..."). For archives whose files were written when the articles were; a
    /// copied archive's times are the copy's. Defaults to false.
    /// </summary>
    public bool FileTimeAsPublished { get; set; }

    /// <summary>The metadata stage's settings these options give.</summary>
    public Core.Metadata.MetadataFinderOptions Metadata => new()
    {
        WeekdayYearFrom = WeekdayYearFrom,
        WeekdayYearTo = WeekdayYearTo,
        FileTimeAsPublished = FileTimeAsPublished,
    };

    /// <summary>The number of threads <see cref="Threads"/> asks for.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary><see cref="MaxFileMegabytes"/> in bytes.</summary>
    public long MaxFileBytes => (long)(MaxFileMegabytes * 1024 * 1024);
}
