using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Operations.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArticleIndexer.Operations.Passes;

/// <summary>How a pass ended, as the runner saw it.</summary>
/// <param name="Kind">Incremental or rebuild (an incremental pass on a v1 index runs as a rebuild).</param>
/// <param name="Status">Completed, stopped or failed.</param>
/// <param name="Summary">The pipeline's figures.</param>
/// <param name="Generation">The generation written.</param>
/// <param name="Switched">True when a rebuild made its generation current.</param>
public sealed record PassOutcome(PassKind Kind, PassStatus Status, PassSummary Summary, string? Generation, bool Switched)
{
    /// <summary>The line people read: the pipeline's summary, plus the generation switch of a rebuild.</summary>
    public override string ToString() => Kind == PassKind.Rebuild
        ? Status switch
        {
            PassStatus.Completed => $"Rebuilt {Generation}: {Summary}",
            PassStatus.Stopped => $"Rebuild stopped early; {Generation} is kept and the next rebuild resumes it, readers stay on the current generation: {Summary}",
            _ => $"Rebuild failed: {Summary.Error}",
        }
        : Summary.ToString();
}

/// <summary>
/// Runs incremental passes and full rebuilds on an index root laid out in generations (<see cref="IndexLayout"/>),
/// one at a time, and records each in the <see cref="PassHistory"/>. The caller holds the index lock; this class
/// only keeps its own callers (the two Quartz jobs) from overlapping: a pass asked for while another runs waits.
/// </summary>
/// <remarks>
/// <para>Incremental: into the current generation (created empty on the first pass).</para>
/// <para>Rebuild: every file into a generation above the current one. When it completes, <c>CURRENT</c> is switched
/// to it in one rename and the older generations are deleted; readers that opened the old one keep reading it until
/// they close. A rebuild stopped or killed midway leaves its generation behind, and the next rebuild resumes it
/// (the pipeline skips what it already holds, by content hash) instead of starting over.</para>
/// <para>A rebuild strips with the line repeats of the current generation (<see cref="LineRepeatsFile"/>, copied into
/// the new generation before its pass), so every article is cleaned with the archive's counts, not with counts of
/// the few articles the new generation holds so far. A resumed rebuild keeps the table its generation already has.</para>
/// </remarks>
public sealed class IndexPassRunner(ArticlePipeline pipeline, TimeProvider time, ILogger<IndexPassRunner> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>A runner with the default pipeline, the system clock and no logging (tests, the CLI).</summary>
    public IndexPassRunner()
        : this(new ArticlePipeline(), TimeProvider.System, NullLogger<IndexPassRunner>.Instance)
    {
    }

    /// <summary>
    /// Runs one pass of <paramref name="kind"/> on <paramref name="target"/>, recording it in <paramref name="history"/>
    /// (when given) as started by <paramref name="triggeredBy"/>. Stops at the next file when
    /// <paramref name="cancellationToken"/> is signalled, committing what it has.
    /// </summary>
    public PassOutcome Run(PassKind kind, IndexTarget target, string triggeredBy, PassHistory? history, CancellationToken cancellationToken) =>
        Run(kind, target, triggeredBy, history, retryFailed: false, cancellationToken);

    /// <summary>
    /// As <see cref="Run(PassKind, IndexTarget, string, PassHistory?, CancellationToken)"/>; with <paramref name="retryFailed"/>
    /// an incremental pass also tries again every file earlier passes skipped or failed on, changed or not
    /// (<c>articles reindex --failed</c>). A rebuild tries every file anyway.
    /// </summary>
    public PassOutcome Run(PassKind kind, IndexTarget target, string triggeredBy, PassHistory? history, bool retryFailed, CancellationToken cancellationToken)
    {
        try
        {
            // A free gate is taken even when already cancelled: the pipeline then stops at once and reports the index.
            if (!gate.Wait(0))
            {
                gate.Wait(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            var now = time.GetUtcNow();
            return new PassOutcome(kind, PassStatus.Stopped, new PassSummary { PassId = "-", Started = now, Finished = now, Cancelled = true }, null, false);
        }

        try
        {
            var layout = new IndexLayout(target.IndexRoot);
            if (kind == PassKind.Incremental && layout.HasLegacyIndex)
            {
                logger.LogWarning("The index {IndexRoot} has the v1 single-folder layout; this pass rebuilds it as a generation", layout.Root);
                kind = PassKind.Rebuild;
            }

            return kind == PassKind.Rebuild
                ? Rebuild(layout, target, triggeredBy, history, cancellationToken)
                : Incremental(layout, target, triggeredBy, history, retryFailed, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private PassOutcome Incremental(IndexLayout layout, IndexTarget target, string triggeredBy, PassHistory? history, bool retryFailed, CancellationToken cancellationToken)
    {
        // The worker checks at start-up; a worker that runs for weeks checks again before each pass, so an index damaged
        // under it (a bad disk, a restore gone wrong) is never written to. About a third of a second on 33 MB.
        if (IndexHealth.CheckQuickly(layout) is { } damage)
        {
            var now = time.GetUtcNow();
            var refused = new PassSummary { PassId = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), Started = now, Finished = now, Error = damage };
            var refusedId = Begin(history, PassKind.Incremental, triggeredBy, layout.CurrentGeneration);
            End(history, refusedId, PassStatus.Failed, refused, layout.CurrentGeneration);
            var refusedOutcome = new PassOutcome(PassKind.Incremental, PassStatus.Failed, refused, layout.CurrentGeneration, Switched: false);
            LogSummary(refusedOutcome, triggeredBy);
            return refusedOutcome;
        }

        var generation = layout.CurrentGeneration;
        if (generation is null || !System.IO.Directory.Exists(layout.PathOf(generation)))
        {
            generation = layout.NextGeneration();
            CreateEmpty(layout.PathOf(generation));
            layout.SwitchTo(generation);
            logger.LogInformation("Created generation {Generation} in {IndexRoot}", generation, layout.Root);
        }

        RemoveOlderThan(layout, generation);
        var id = Begin(history, PassKind.Incremental, triggeredBy, generation);
        var summary = pipeline.Run(target.SourceFolder, layout.PathOf(generation), retryFailed, cancellationToken);
        var status = StatusOf(summary);
        End(history, id, status, summary, generation);
        var outcome = new PassOutcome(PassKind.Incremental, status, summary, generation, Switched: false);
        LogSummary(outcome, triggeredBy);
        return outcome;
    }

    private PassOutcome Rebuild(IndexLayout layout, IndexTarget target, string triggeredBy, PassHistory? history, CancellationToken cancellationToken)
    {
        var current = layout.CurrentGeneration;
        var currentNumber = current is null ? 0 : IndexLayout.NumberOf(current);
        var above = layout.Generations.Where(g => IndexLayout.NumberOf(g) > currentNumber).ToList();
        var resumed = above.LastOrDefault();
        foreach (var stale in above.Where(g => g != resumed))
        {
            layout.TryDelete(stale);
        }

        var generation = resumed ?? layout.NextGeneration();
        if (resumed is not null)
        {
            logger.LogInformation("Rebuild resumes {Generation}, left by a rebuild that did not finish; readers stay on {CurrentGeneration}", generation, current ?? "(none)");
        }
        else
        {
            logger.LogInformation("Rebuild started into {Generation}; readers stay on {CurrentGeneration} until it completes", generation, current ?? "(none)");
        }

        CarryLineRepeats(layout, generation);
        var id = Begin(history, PassKind.Rebuild, triggeredBy, generation);
        var summary = pipeline.Run(target.SourceFolder, layout.PathOf(generation), cancellationToken);
        var status = StatusOf(summary);
        var switched = false;
        if (status == PassStatus.Completed)
        {
            layout.SwitchTo(generation);
            switched = true;
            foreach (var old in layout.Generations.Where(g => g != generation))
            {
                if (!layout.TryDelete(old))
                {
                    logger.LogWarning("Could not delete the old generation {Generation} yet; the next pass tries again", old);
                }
            }

            layout.DeleteLegacyFiles();
            logger.LogInformation("Rebuild switched readers from {PreviousGeneration} to {Generation}: {Documents} documents", current ?? "(none)", generation, summary.Documents);
        }
        else if (status == PassStatus.Failed && resumed is null)
        {
            layout.TryDelete(generation);
        }
        else if (status == PassStatus.Stopped)
        {
            logger.LogInformation("Rebuild stopped; {Generation} is kept for the next rebuild to resume, readers stay on {CurrentGeneration}", generation, current ?? "(none)");
        }

        End(history, id, status, summary, generation);
        var outcome = new PassOutcome(PassKind.Rebuild, status, summary, generation, switched);
        LogSummary(outcome, triggeredBy);
        return outcome;
    }

    /// <summary>The one summary event per pass: every count and the duration, with what started it and where it wrote.</summary>
    private void LogSummary(PassOutcome outcome, string triggeredBy)
    {
        var s = outcome.Summary;
        if (outcome.Status == PassStatus.Failed)
        {
            logger.LogError(
                "Pass {PassId} finished ({Status}): {Kind} pass ({TriggeredBy}) on {Generation} could not run: {Error}",
                s.PassId, Name(outcome.Status), Name(outcome.Kind), triggeredBy, outcome.Generation, s.Error);
            return;
        }

        logger.LogInformation(
            "Pass {PassId} finished ({Status}): {Kind} pass ({TriggeredBy}) on {Generation}: {Seen} seen, {New} new, {Changed} changed, {Unchanged} unchanged, {Deleted} deleted, {Skipped} skipped, {Failed} failed, {Documents} documents in {DurationMs} ms",
            s.PassId, Name(outcome.Status), Name(outcome.Kind), triggeredBy, outcome.Generation, s.Seen, s.New, s.Changed, s.Unchanged, s.Deleted, s.Skipped, s.Failed,
            s.Documents, (long)s.Duration.TotalMilliseconds);
    }

    /// <summary>Copies the line repeats of the index readers use (the current generation, or a v1 root) into
    /// <paramref name="generation"/>, unless it has its own. A table that cannot be copied only costs this rebuild its counts.</summary>
    private void CarryLineRepeats(IndexLayout layout, string generation)
    {
        var from = layout.ReadablePath;
        var to = layout.PathOf(generation);
        if (from is null || string.Equals(from, to, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            if (LineRepeatsFile.CopyIfAbsent(from, to))
            {
                logger.LogInformation("Rebuild strips with the line repeats of {SourceIndex}, copied into {Generation}", from, generation);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not copy the line repeats of {SourceIndex} into {Generation}: {Reason}; the rebuild strips without them", from, generation, ex.Message);
        }
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static PassStatus StatusOf(PassSummary summary) =>
        summary.Error is not null ? PassStatus.Failed : summary.Cancelled ? PassStatus.Stopped : PassStatus.Completed;

    private static void CreateEmpty(string path)
    {
        using var writer = ArticleIndexWriter.Open(path);
        writer.Commit(new Dictionary<string, string> { ["created"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
    }

    // Generations below the current one are left only when deleting them failed (Windows, open files): try again.
    private void RemoveOlderThan(IndexLayout layout, string generation)
    {
        foreach (var old in layout.Generations.Where(g => IndexLayout.NumberOf(g) < IndexLayout.NumberOf(generation)))
        {
            if (layout.TryDelete(old))
            {
                logger.LogInformation("Deleted the old generation {Generation}", old);
            }
        }
    }

    private long? Begin(PassHistory? history, PassKind kind, string triggeredBy, string? generation)
    {
        if (history is null)
        {
            return null;
        }

        try
        {
            return history.Begin(kind, triggeredBy, generation, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not record the pass in the history {DatabasePath}: {Reason}", history.DatabasePath, ex.Message);
            return null;
        }
    }

    private void End(PassHistory? history, long? id, PassStatus status, PassSummary summary, string? generation)
    {
        if (history is null || id is null)
        {
            return;
        }

        try
        {
            history.End(id.Value, status, summary, generation);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not record the end of the pass in the history {DatabasePath}: {Reason}", history.DatabasePath, ex.Message);
        }
    }
}
