using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Locking;

namespace ArticleIndexer.Cli;

/// <summary>
/// The <c>--json</c> shapes of <c>schedule</c>, <c>reindex</c> and <c>status</c>: camelCase keys, enums as camelCase
/// strings, times as ISO-8601 UTC (<c>2026-11-23T16:05:01.123Z</c>), durations in milliseconds. Unlike the query
/// commands, every key is always written (null when there is no value), so scripts can rely on the keys being there.
/// </summary>
internal static class OperationsJson
{
    /// <summary>The Core's options (<see cref="ArticleJson.Options"/>), writing nulls.</summary>
    public static JsonSerializerOptions Options { get; } = new(ArticleJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write<T>(TextWriter writer, T value) => JsonOutput.Write(writer, value, Options);

    /// <summary>A time as UTC to the millisecond (as the history keeps them), which System.Text.Json writes with a <c>Z</c>.</summary>
    public static DateTime Utc(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    /// <summary>A time as UTC to the millisecond, or null.</summary>
    public static DateTime? Utc(DateTimeOffset? time) => time is { } value ? Utc(value) : null;
}

/// <summary>
/// <c>status --json</c>. <see cref="Layout"/> is <c>generations</c>, <c>v1</c> (the single-folder layout of v1) or
/// <c>none</c>; <see cref="IndexProblem"/> is <c>missing</c>, <c>empty</c> or <c>corrupt</c> (with
/// <see cref="Documents"/> null, except 0 for <c>empty</c>), null when the index opens. <see cref="SizeBytes"/> is the
/// size of the current generation's files. <see cref="WorkerRunning"/> is true when the lock holder is a scheduled
/// worker; <see cref="RunningPass"/> is the newest pass when it is running. <see cref="Passes"/> are the newest first.
/// <see cref="Problems"/> are the files of the current generation that have no current article (skipped or failed, as
/// the last pass that looked at each left it), by path.
/// </summary>
internal sealed record StatusJson(
    string IndexRoot,
    string Database,
    string Layout,
    string? Generation,
    int? Documents,
    long? SizeBytes,
    string? IndexProblem,
    LockHolderJson? LockHolder,
    bool WorkerRunning,
    PassJson? RunningPass,
    IReadOnlyList<PassJson> Passes)
{
    /// <summary>The problem files of the current generation; empty when there are none or no index.</summary>
    public IReadOnlyList<ProblemJson> Problems { get; init; } = [];
}

/// <summary>
/// A file with no current article: <see cref="Reason"/> is a skip reason (<c>empty</c>, <c>blank</c>, <c>binary</c>,
/// <c>tooLarge</c>, <c>unreadable</c>, <c>noBodyAfterStripping</c>), <c>failed</c>, or <c>unreadableFolder</c> (a folder
/// that could not be listed; its documents are kept). <see cref="Since"/>: when a pass first found it so;
/// <see cref="LastTried"/>: when a pass last read it (passes retry it only when it changes).
/// </summary>
internal sealed record ProblemJson(string Path, string Reason, string Detail, DateTime Since, DateTime LastTried)
{
    public static ProblemJson From(ArticleIndexer.Core.Pipeline.FileProblem problem) => new(
        problem.Path,
        JsonNamingPolicy.CamelCase.ConvertName(problem.Reason),
        problem.Detail,
        OperationsJson.Utc(problem.Since),
        OperationsJson.Utc(problem.LastTried));
}

/// <summary>The process holding the index lock: a scheduled worker (<see cref="IsScheduledWorker"/>), <c>worker --once</c>, <c>articles reindex</c>, ...</summary>
internal sealed record LockHolderJson(string Owner, int ProcessId, string Host, DateTime Since, bool IsScheduledWorker)
{
    public static LockHolderJson? From(LockHolder? holder) => holder is null
        ? null
        : new LockHolderJson(holder.Owner, holder.ProcessId, holder.Host, OperationsJson.Utc(holder.Since), holder.IsScheduledWorker);
}

/// <summary>
/// One pass of the history. <see cref="Status"/> is <c>running</c>, <c>completed</c>, <c>stopped</c>, <c>failed</c> or
/// <c>interrupted</c>; a pass the history still calls running whose process is gone is reported <c>interrupted</c>.
/// <see cref="Finished"/> and <see cref="DurationMs"/> are null while it runs and for an interrupted pass;
/// <see cref="Documents"/> is null when it failed. The history records the figures when a pass ends: while it runs
/// they are 0 and <see cref="Documents"/> is null.
/// </summary>
internal sealed record PassJson(
    long Id,
    PassKind Kind,
    string TriggeredBy,
    PassStatus Status,
    string? Generation,
    DateTime Started,
    DateTime? Finished,
    long? DurationMs,
    int Seen,
    int New,
    int Changed,
    int Unchanged,
    int Deleted,
    int Skipped,
    int Failed,
    int? Documents,
    string? Error,
    int ProcessId,
    string Host)
{
    public static PassJson From(PassRecord pass) => new(
        pass.Id,
        pass.Kind,
        pass.TriggeredBy,
        pass.Status,
        pass.Generation,
        OperationsJson.Utc(pass.Started),
        OperationsJson.Utc(pass.Finished),
        pass.Duration is { } duration ? (long)duration.TotalMilliseconds : null,
        pass.Seen,
        pass.New,
        pass.Changed,
        pass.Unchanged,
        pass.Deleted,
        pass.Skipped,
        pass.Failed,
        pass.Documents,
        pass.Error,
        pass.ProcessId,
        pass.Host);
}

/// <summary>
/// <c>schedule --json</c>: the two jobs with their cron triggers, and the one-off passes in the store (waiting, or
/// running now), soonest first.
/// <see cref="LockHolder"/> says whether a worker runs to fire them.
/// </summary>
internal sealed record ScheduleJson(
    string IndexRoot,
    string Database,
    LockHolderJson? LockHolder,
    bool WorkerRunning,
    IReadOnlyList<ScheduledJobJson> Jobs,
    IReadOnlyList<PendingPassJson> Pending);

/// <summary>
/// A job (<c>incremental</c> or <c>rebuild</c>) and its cron trigger. <see cref="State"/> is the trigger's:
/// <c>waiting</c>, <c>running</c> (firing now), <c>blocked</c> (held back while another firing of the job runs),
/// <c>paused</c>, <c>complete</c>, <c>error</c> or <c>none</c> (no trigger). Fire times are UTC;
/// <see cref="PreviousFire"/> is null when it has not fired yet.
/// </summary>
internal sealed record ScheduledJobJson(
    string Job,
    string? Description,
    string? Trigger,
    string? Cron,
    string? TimeZone,
    string State,
    DateTime? PreviousFire,
    DateTime? NextFire);

/// <summary>
/// A one-off pass in the store, waiting or running (<see cref="State"/>). <see cref="Reason"/> is <c>start-up</c> (the worker's start-up pass),
/// <c>request</c> (from <c>articles reindex</c>, with <see cref="RequestedBy"/>), <c>recovery</c> (a rebuild re-run
/// after a crash) or <c>other</c>. <see cref="Due"/> is when it fires (UTC); <see cref="State"/> as for a job.
/// </summary>
internal sealed record PendingPassJson(
    string Job,
    string Trigger,
    string Reason,
    string? RequestedBy,
    string State,
    DateTime? Due);

/// <summary>
/// <c>reindex --json</c>. <see cref="Mode"/> is <c>in-process</c> (no worker ran: the pass ran in this process) or
/// <c>requested</c> (the running worker was asked). <see cref="Pass"/> is the pass as the history recorded it: the one
/// run here, or with <c>--wait</c> the requested one once it ended; null when a request was not waited for (or the
/// history could not be written). <see cref="Message"/> is the line the text output prints.
/// </summary>
internal sealed record ReindexJson(
    string Mode,
    PassKind Kind,
    string IndexRoot,
    string Database,
    LockHolderJson? Worker,
    string? RequestedBy,
    PassJson? Pass,
    string Message);
