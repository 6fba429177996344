using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Locking;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Operations.Scheduling;
using Lucene.Net.Index;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace ArticleIndexer.Cli;

/// <summary>
/// The operator commands: <c>schedule</c> (the worker's jobs in its Quartz store), <c>reindex</c> (a pass now, by the
/// running worker or in this process) and <c>status</c> (the index, the worker and the pass history).
/// </summary>
public sealed partial class CliApp
{
    /// <summary>
    /// What <c>reindex</c> writes as the lock holder's owner and, for a pass run in this process, as the history's
    /// "triggered by".
    /// </summary>
    public const string ReindexOwner = "articles reindex";

    /// <summary>What the history says started a pass the worker ran on request (<see cref="PassJobs.TriggeredBy"/>).</summary>
    private const string RequestTrigger = "request";

    /// <summary>The commit user data key naming the source folder of the pass that wrote the commit (<see cref="PassSummary.ToCommitData"/>).</summary>
    private const string SourceKey = "source";

    /// <summary>How long <c>reindex --wait</c> waits for the requested pass to end. Defaults to 30 minutes.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How often <c>reindex --wait</c> reads the pass history. Defaults to half a second.</summary>
    public TimeSpan WaitPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The clock of <c>reindex --wait</c> and of the "so far" of <c>status</c>. Defaults to the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    private Command ScheduleCommand()
    {
        var database = DatabaseOption();
        var command = new Command(
            "schedule",
            "The worker's jobs in its Quartz store: cron, time zone, previous and next fire times, state (waiting, running, "
            + "blocked behind a running pass, paused); then the one-off passes not run yet (start-up pass, reindex requests).")
        {
            database,
        };
        examples[command] = ["articles schedule", "articles schedule --json --index /data/index"];
        command.SetAction((parse, cancellationToken) => ScheduleAsync(parse, database, cancellationToken));
        return command;
    }

    private Command ReindexCommand()
    {
        var full = new Option<bool>("--full")
        {
            Description = "A full rebuild: every file into a fresh generation, which replaces the current one when it is complete "
                          + "(searches keep using the current one until then). Without it, an incremental pass: new, changed and deleted files only.",
        };
        var wait = new Option<bool>("--wait")
        {
            Description = "When a worker runs: wait until it has run the pass, then print its figures. Ctrl-C stops the waiting, "
                          + "not the pass; gives up after 30 minutes. Without a worker, the pass always runs before the command returns.",
        };
        var source = new Option<string>("--source")
        {
            Description = "The folder of article files, when no worker runs. Defaults to the folder the index was last built from "
                          + "(its last commit says), else \"seeds\". A running worker indexes its own.",
            HelpName = "DIR",
        };
        var failed = new Option<bool>("--failed")
        {
            Description = "Also try again every file earlier passes skipped or failed on (listed by `articles status`), "
                          + "changed or not. Without it a pass retries them only when they changed.",
        };
        var database = DatabaseOption();
        var command = new Command(
            "reindex",
            "Run a pass now: asks the running worker through its Quartz store, or, when no worker runs, runs it here under "
            + "the index lock, recorded in the pass history (Ctrl-C stops it at the next file). Says which it did.")
        {
            full, wait, source, failed, database,
        };
        examples[command] =
        [
            "articles reindex",
            "articles reindex --full --wait",
            "articles reindex --failed",
            "articles reindex --source /data/articles --index /data/index",
        ];
        command.SetAction((parse, cancellationToken) => ReindexAsync(
            parse, parse.GetValue(full) ? PassKind.Rebuild : PassKind.Incremental, parse.GetValue(wait), parse.GetValue(source), parse.GetValue(failed), database, cancellationToken));
        return command;
    }

    private Command StatusCommand()
    {
        var database = DatabaseOption();
        var limit = LimitOption(10);
        limit.Description = "How many passes to show, newest first.";
        var command = new Command(
            "status",
            "The index (generation, documents, size on disk), whether a worker runs, the pass running now, and the last "
            + "passes: what triggered them, status, times, files seen/new/changed/unchanged/deleted/skipped/failed, errors.")
        {
            database, limit,
        };
        examples[command] = ["articles status", "articles status --limit 3 --json --index /data/index"];
        command.SetAction(parse => Status(parse, database, parse.GetValue(limit)));
        return command;
    }

    private static Option<string> DatabaseOption() => new("--database")
    {
        Description = "The worker's SQLite file (its Quartz store and pass history). Defaults to worker.db in the index folder, as for the worker.",
        HelpName = "FILE",
    };

    private async Task<int> ScheduleAsync(ParseResult parse, Option<string> databaseOption, CancellationToken cancellationToken)
    {
        var (root, database) = Paths(parse, databaseOption);
        try
        {
            if (File.Exists(database) && !HoldsSchedule(database))
            {
                return Fail(ExitCodes.IndexUnavailable, NoSchedule(root, database));
            }
        }
        catch (Exception ex) when (IsStoreError(ex))
        {
            return Fail(ExitCodes.IndexUnavailable, CannotRead(database, ex));
        }

        var (scheduler, failed) = await OpenStoreAsync(root, database, cancellationToken).ConfigureAwait(false);
        if (scheduler is null)
        {
            return failed;
        }

        try
        {
            var (jobs, pending) = await ScheduleReader.ReadAsync(scheduler, cancellationToken).ConfigureAwait(false);
            if (jobs.Count == 0)
            {
                return Fail(ExitCodes.IndexUnavailable, NoSchedule(root, database));
            }

            var holder = IndexLock.ReadHolder(root);
            var schedule = new ScheduleJson(root, database, LockHolderJson.From(holder), holder?.IsScheduledWorker == true, jobs, pending);
            if (parse.GetValue(json))
            {
                OperationsJson.Write(output, schedule);
            }
            else
            {
                text.Schedule(schedule);
            }

            return ExitCodes.Ok;
        }
        catch (Exception ex) when (IsStoreError(ex))
        {
            return Fail(ExitCodes.IndexUnavailable, CannotRead(database, ex));
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: false, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private int Status(ParseResult parse, Option<string> databaseOption, int limit)
    {
        var (root, database) = Paths(parse, databaseOption);
        StatusJson status;
        string? indexMessage;
        try
        {
            (status, indexMessage) = StatusReader.Read(root, database, limit);
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.IndexUnavailable, $"The pass history in '{database}' cannot be read ({ex.GetType().Name}: {ex.Message}).");
        }

        if (status.IndexProblem == "missing" && status.Passes.Count == 0)
        {
            return Fail(ExitCodes.IndexUnavailable, $"No index and no pass history at '{root}': no worker has run on this index yet. Start the worker (dotnet run --project src/ArticleIndexer.Worker) or run `articles reindex`.");
        }

        if (parse.GetValue(json))
        {
            OperationsJson.Write(output, status);
        }
        else
        {
            text.Status(status, Time.GetUtcNow());
        }

        // The figures are out; an index that cannot be read is still a problem scripts should see.
        return indexMessage is null ? ExitCodes.Ok : Fail(ExitCodes.IndexUnavailable, indexMessage);
    }

    private async Task<int> ReindexAsync(ParseResult parse, PassKind kind, bool wait, string? source, bool retryFailed, Option<string> databaseOption, CancellationToken cancellationToken)
    {
        var (root, database) = Paths(parse, databaseOption);
        var asJson = parse.GetValue(json);
        using var stop = new StopSignal(cancellationToken);
        bool acquired;
        IndexLock? indexLock;
        LockHolder? holder;
        try
        {
            // Taking the lock is the question "does a worker run?": if it can be taken, none does.
            acquired = IndexLock.TryAcquire(root, ReindexOwner, out indexLock, out holder, database);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.IndexUnavailable, $"The index folder '{root}' cannot be created or locked ({ex.Message}).");
        }

        if (acquired)
        {
            using (indexLock)
            {
                return RunHere(root, database, kind, source, retryFailed, asJson, stop.Token);
            }
        }

        if (holder is { IsScheduledWorker: true })
        {
            // The worker's own store, which differs from the default when it was started with --database.
            return await AskWorkerAsync(root, holder.Database ?? database, kind, holder, wait, source is not null, retryFailed, asJson, stop.Token).ConfigureAwait(false);
        }

        return Fail(ExitCodes.IndexBusy, holder is null
            ? $"Not reindexing: {IndexLock.LockedMessage(root, null)}."
            : $"Not reindexing: the index is being written by {holder}, which takes no requests; try again when it has finished ({IndexLock.PathIn(root)}).");
    }

    // No worker runs: this process holds the lock, so the pass runs here, as the worker's --once would.
    private int RunHere(string root, string database, PassKind kind, string? source, bool retryFailed, bool asJson, CancellationToken cancellationToken)
    {
        PassHistory? history = new PassHistory(database);
        long before = 0;
        try
        {
            history.MarkInterrupted();
            before = history.LastId();
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            Note($"the pass history in '{database}' cannot be used ({ex.Message}); the pass runs without being recorded.");
            history = null;
        }

        var layout = new IndexLayout(root);
        if (kind == PassKind.Incremental && IndexHealth.CheckQuickly(layout) is { } damage)
        {
            return Fail(ExitCodes.IndexUnavailable, $"Not reindexing: {damage}.");
        }

        var lastSource = source is null ? LastSource(layout) : null;
        var sourceFolder = Path.GetFullPath(source ?? lastSource ?? "seeds");
        if (!Directory.Exists(sourceFolder))
        {
            return Fail(ExitCodes.UsageError, source is not null
                ? $"The source folder '{sourceFolder}' does not exist."
                : lastSource is not null
                    ? $"The source folder '{sourceFolder}' the index was last built from does not exist; give one with --source DIR."
                    : $"The source folder '{sourceFolder}' does not exist (\"seeds\" in the current folder, as nothing says where the index was built from); give one with --source DIR.");
        }

        // The size cap the index was built with, so that a pass run here does not skip (and delete) what the worker indexed.
        var pipeline = new ArticlePipeline(new ArticleProcessor(LastMaxFileBytes(layout) ?? ArticleReader.DefaultMaxBytes), TimeProvider.System, NullLogger<ArticlePipeline>.Instance);
        var runner = new IndexPassRunner(pipeline, TimeProvider.System, NullLogger<IndexPassRunner>.Instance);
        var outcome = runner.Run(kind, IndexTarget.Resolve(sourceFolder, root, database), ReindexOwner, history, retryFailed, cancellationToken);
        if (outcome.Status == PassStatus.Failed)
        {
            return Fail(ExitCodes.IndexUnavailable, $"No worker is running on {root}; the pass run here failed: {outcome.Summary.Error}");
        }

        var message = $"No worker is running on {root}; ran the pass here: {outcome}";
        if (asJson)
        {
            var recorded = Recorded(history, before, pass => pass.TriggeredBy == ReindexOwner && pass.ProcessId == Environment.ProcessId);
            OperationsJson.Write(output, new ReindexJson("in-process", outcome.Kind, root, database, null, null, recorded is null ? null : PassJson.From(recorded), message));
        }
        else
        {
            output.WriteLine(message);
        }

        return ExitCodes.Ok;
    }

    // A scheduled worker holds the lock: leave it a request in its store, which it picks up within its poll interval.
    private async Task<int> AskWorkerAsync(string root, string database, PassKind kind, LockHolder worker, bool wait, bool sourceGiven, bool retryFailed, bool asJson, CancellationToken cancellationToken)
    {
        var (scheduler, failed) = await OpenStoreAsync(root, database, cancellationToken, worker).ConfigureAwait(false);
        if (scheduler is null)
        {
            return failed;
        }

        var history = new PassHistory(database);
        var requestedBy = string.Create(CultureInfo.InvariantCulture, $"{ReindexOwner} (pid {Environment.ProcessId})");
        long before;
        try
        {
            before = history.LastId();
            // Not cancellable: once asked for, the request is either in the store or not.
            await scheduler.TriggerJob(
                kind == PassKind.Rebuild ? SchedulerStore.RebuildJob : SchedulerStore.IncrementalJob,
                retryFailed
                    ? new JobDataMap { [SchedulerStore.RequestedBy] = requestedBy, [SchedulerStore.RetryFailed] = "true" }
                    : new JobDataMap { [SchedulerStore.RequestedBy] = requestedBy },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreError(ex))
        {
            return Fail(ExitCodes.IndexUnavailable, $"Could not ask the running worker {worker} for a pass through its store '{database}' ({ex.GetType().Name}: {ex.Message}).");
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: false, CancellationToken.None).ConfigureAwait(false);
        }

        var asked = string.Create(
            CultureInfo.InvariantCulture,
            $"Asked the running worker (pid {worker.ProcessId} on {worker.Host}, running since {worker.Since.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z) to run {(kind == PassKind.Rebuild ? "a full rebuild" : "an incremental pass")}; it starts within a few seconds")
            + (sourceGiven ? " and indexes its own source folder (--source is for when no worker runs)" : string.Empty)
            + ". Follow it with `articles status`.";
        var holderJson = LockHolderJson.From(worker);
        if (!wait)
        {
            WriteReindex(asJson, new ReindexJson("requested", kind, root, database, holderJson, requestedBy, null, asked));
            return ExitCodes.Ok;
        }

        if (!asJson)
        {
            output.WriteLine(asked);
            output.Flush();
        }

        var deadline = Time.GetUtcNow() + WaitTimeout;
        while (true)
        {
            if (Recorded(history, before, pass => pass.TriggeredBy == RequestTrigger) is { Status: not PassStatus.Running } ended)
            {
                return Ran(ended);
            }

            var current = IndexLock.ReadHolder(root);
            if (current is null || current.ProcessId != worker.ProcessId || !string.Equals(current.Host, worker.Host, StringComparison.OrdinalIgnoreCase))
            {
                // It may have ended the pass just before stopping.
                return Recorded(history, before, pass => pass.TriggeredBy == RequestTrigger) is { Status: not PassStatus.Running } last
                    ? Ran(last)
                    : Fail(ExitCodes.IndexUnavailable, $"The worker (pid {worker.ProcessId}) stopped before the requested pass ended; see `articles status`, and ask again once a worker runs.");
            }

            if (Time.GetUtcNow() >= deadline)
            {
                return Fail(ExitCodes.IndexBusy, $"The requested pass has not ended after {TextOutput.Duration((long)WaitTimeout.TotalMilliseconds)}; the worker carries on with it. Follow it with `articles status`.");
            }

            try
            {
                await Task.Delay(WaitPollInterval, Time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                const string stopped = "Stopped waiting; the worker carries on with the pass. Follow it with `articles status`.";
                WriteReindex(asJson, new ReindexJson("requested", kind, root, database, holderJson, requestedBy, null, stopped));
                return ExitCodes.Ok;
            }
        }

        int Ran(PassRecord pass)
        {
            if (pass.Status is PassStatus.Failed or PassStatus.Interrupted)
            {
                var how = pass.Status == PassStatus.Failed ? "failed" : "was interrupted";
                return Fail(ExitCodes.IndexUnavailable, $"The requested pass #{pass.Id} {how}: {pass.Error ?? "no reason recorded"}");
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"The worker ran pass #{pass.Id}: {Describe(pass)}");
            WriteReindex(asJson, new ReindexJson("requested", pass.Kind, root, database, holderJson, requestedBy, PassJson.From(pass), line));
            return ExitCodes.Ok;
        }
    }

    private void WriteReindex(bool asJson, ReindexJson result)
    {
        if (asJson)
        {
            OperationsJson.Write(output, result);
        }
        else
        {
            output.WriteLine(result.Message);
        }
    }

    // The store: null, after the one-line message, when there is none or it cannot be opened.
    private async Task<(IScheduler? Scheduler, int ExitCode)> OpenStoreAsync(string root, string database, CancellationToken cancellationToken, LockHolder? worker = null)
    {
        IScheduler? scheduler;
        try
        {
            scheduler = await SchedulerStore.OpenClientAsync(database, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreError(ex))
        {
            return (null, Fail(ExitCodes.IndexUnavailable, CannotRead(database, ex)));
        }

        if (scheduler is not null)
        {
            return (scheduler, ExitCodes.Ok);
        }

        return (null, Fail(ExitCodes.IndexUnavailable, worker is null
            ? $"No worker has run on the index '{root}': there is no worker database at '{database}'. Start the worker (dotnet run --project src/ArticleIndexer.Worker), or give the database it uses with --database FILE."
            : $"The worker {worker} runs on '{root}', but there is no worker database at '{database}'; give the one it uses with --database FILE."));
    }

    private (string Root, string Database) Paths(ParseResult parse, Option<string> databaseOption)
    {
        var root = Path.GetFullPath(parse.GetValue(index) ?? "index");
        var database = parse.GetValue(databaseOption);
        return (root, string.IsNullOrWhiteSpace(database) ? IndexTarget.DefaultDatabase(root) : Path.GetFullPath(database));
    }

    // The newest pass after `before` that `matches`, or null (also when the history cannot be read right now).
    private static PassRecord? Recorded(PassHistory? history, long before, Func<PassRecord, bool> matches)
    {
        try
        {
            return history?.Since(before).FirstOrDefault(matches);
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The source folder of the last commit of the index's current generation (or v1 folder), as the pipeline wrote it.
    private static string? LastSource(IndexLayout layout) => LastCommitValue(layout, SourceKey);

    // The size cap of the pass that made the last commit; null for an index written before the cap was recorded.
    private static long? LastMaxFileBytes(IndexLayout layout) =>
        long.TryParse(LastCommitValue(layout, ArticlePipeline.MaxFileBytesKey), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0 ? bytes : null;

    private static string? LastCommitValue(IndexLayout layout, string key)
    {
        if (layout.ReadablePath is not { } path)
        {
            return null;
        }

        try
        {
            using var directory = FSDirectory.Open(path);
            if (!DirectoryReader.IndexExists(directory))
            {
                return null;
            }

            var commits = DirectoryReader.ListCommits(directory);
            return commits.Count > 0 && commits[^1].UserData.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value
                : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An unreadable commit says nothing about the source; the health check speaks about the damage.
            return null;
        }
    }

    // The line the worker's --once prints, rebuilt from the history: "5 files seen, 5 indexed (...); 5 documents in 0.84 s".
    private static string Describe(PassRecord pass)
    {
        var summary = new PassSummary
        {
            PassId = pass.Id.ToString(CultureInfo.InvariantCulture),
            Started = pass.Started,
            Finished = pass.Finished ?? pass.Started,
            Seen = pass.Seen,
            New = pass.New,
            Changed = pass.Changed,
            Unchanged = pass.Unchanged,
            Deleted = pass.Deleted,
            Skipped = pass.Skipped,
            Failed = pass.Failed,
            Documents = pass.Documents ?? 0,
            Cancelled = pass.Status == PassStatus.Stopped,
            Error = pass.Status == PassStatus.Failed ? pass.Error ?? "failed" : null,
        };
        return new PassOutcome(pass.Kind, pass.Status, summary, pass.Generation, pass.Kind == PassKind.Rebuild && pass.Status == PassStatus.Completed).ToString();
    }

    // The client scheduler creates the Quartz tables when they are missing: look first, so a read writes nothing.
    private static bool HoldsSchedule(string database)
    {
        using var connection = new SqliteConnection(PassHistory.ConnectionString(database, create: false));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND lower(name) = 'qrtz_job_details'";
        return (long)command.ExecuteScalar()! > 0;
    }

    private static string NoSchedule(string root, string database) =>
        $"The worker database '{database}' holds no schedule: no scheduled worker has run on '{root}' yet (reindex and the worker's --once record passes, not schedules). Start the worker to install it.";

    private static bool IsStoreError(Exception ex) =>
        ex is SchedulerException or DbException or IOException or UnauthorizedAccessException;

    private static string CannotRead(string database, Exception ex) =>
        $"The worker database '{database}' cannot be read as a Quartz store ({ex.GetType().Name}: {ex.Message}).";

    // A warning that does not stop the command: one line on stderr.
    private void Note(string message)
    {
        try
        {
            error.WriteLine($"{Name}: note: {OneLine(message)}");
        }
        catch (IOException)
        {
            // Nowhere to say it; the command goes on.
        }
    }

    /// <summary>
    /// Ctrl-C (SIGINT) and SIGTERM cancel <see cref="Token"/> instead of ending the process, while it lives: a pass run
    /// here stops at the next file and commits, and <c>--wait</c> stops waiting. A second Ctrl-C ends the process.
    /// </summary>
    private sealed class StopSignal : IDisposable
    {
        private readonly CancellationTokenSource source;
        private readonly PosixSignalRegistration? sigterm;

        public StopSignal(CancellationToken outer)
        {
            source = CancellationTokenSource.CreateLinkedTokenSource(outer);
            Console.CancelKeyPress += OnCancelKeyPress;
            try
            {
                sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
            }
            catch (PlatformNotSupportedException)
            {
                // No SIGTERM here (browser, mobile): Ctrl-C is enough.
            }
        }

        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
            sigterm?.Dispose();
            source.Dispose();
        }

        private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            if (!source.IsCancellationRequested)
            {
                e.Cancel = true;
                Cancel();
            }
        }

        private void OnTerminate(PosixSignalContext context)
        {
            context.Cancel = true;
            Cancel();
        }

        private void Cancel()
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The command has just finished.
            }
        }
    }
}
