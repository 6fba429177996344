namespace ArticleIndexer.Worker;

/// <summary>The worker's process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The pass ran (also when Ctrl-C stopped it early: what it did is committed), or help was shown.</summary>
    public const int Success = 0;

    /// <summary>The pass could not run (missing source folder, ...) or the worker failed unexpectedly.</summary>
    public const int Failed = 1;

    /// <summary>Bad flags or settings: an unknown flag, a missing value, an invalid cron expression or time zone.</summary>
    public const int Usage = 2;

    /// <summary>Another process (a worker, or <c>articles reindex</c>) holds the index lock.</summary>
    public const int Locked = 3;

    /// <summary>The index failed its start-up check; nothing was written. A rebuild (<c>--rebuild</c>) replaces it.</summary>
    public const int Damaged = 4;
}
