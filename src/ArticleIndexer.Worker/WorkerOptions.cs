namespace ArticleIndexer.Worker;

/// <summary>
/// The worker's settings, read from the <c>Indexer</c> section of <c>appsettings.json</c> (next to the binary), then
/// from <c>ARTICLEINDEXER_</c>-prefixed environment variables (<c>ARTICLEINDEXER_Indexer__SourceFolder</c>), then from
/// the command-line flags. Relative folders resolve against the current directory, not the binary's.
/// </summary>
internal sealed class WorkerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Indexer";

    /// <summary>Folder scanned for article files, recursively. Defaults to "seeds". Flag: <c>--source</c>.</summary>
    public string SourceFolder { get; set; } = "seeds";

    /// <summary>Folder of the Lucene index the worker writes (created if missing). Defaults to "index". Flag: <c>--index</c>.</summary>
    public string IndexFolder { get; set; } = "index";

    /// <summary>
    /// When scheduled passes run, as a Quartz cron expression (seconds first, six or seven fields).
    /// Defaults to "0 0/15 * * * ?": every 15 minutes, on the quarter hour. Not used with <c>--once</c>.
    /// </summary>
    public string Schedule { get; set; } = "0 0/15 * * * ?";

    /// <summary>
    /// The time zone <see cref="Schedule"/> is read in, as an IANA or Windows id. Defaults to "UTC".
    /// Not used with <c>--once</c>.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Whether the scheduled worker runs a pass as soon as it starts, before the first scheduled one.
    /// Defaults to true. Not used with <c>--once</c>, which always runs exactly one pass.
    /// </summary>
    public bool RunOnStart { get; set; } = true;
}
