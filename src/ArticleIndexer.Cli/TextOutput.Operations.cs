using System.Globalization;
using ArticleIndexer.Operations.History;

namespace ArticleIndexer.Cli;

/// <summary>The human-readable output of <c>schedule</c> and <c>status</c>: labelled lines, then aligned tables. Times are UTC.</summary>
internal sealed partial class TextOutput
{
    public void Status(StatusJson status, DateTimeOffset now)
    {
        writer.WriteLine($"index root   {status.IndexRoot}");
        writer.WriteLine($"generation   {status.Layout switch
        {
            "generations" => status.Generation,
            "v1" => "v1 layout (one folder, no generations; the next pass rebuilds it as a generation)",
            _ => "none (no index yet)",
        }}");
        writer.WriteLine($"documents    {status.IndexProblem switch
        {
            null => Number(status.Documents ?? 0),
            "empty" => "0 (the index holds no article yet)",
            "missing" => "none",
            _ => "unreadable (see the error below)",
        }}");
        if (status.SizeBytes is { } size)
        {
            writer.WriteLine($"index size   {Size(size)}");
        }

        writer.WriteLine($"worker       {Worker(status.LockHolder)}");
        writer.WriteLine($"pass now     {(status.RunningPass is { } running ? RunningPass(running, now) : "none")}");
        writer.WriteLine($"history      {status.Database}");
        writer.WriteLine();
        if (status.Passes.Count == 0)
        {
            writer.WriteLine("No pass recorded yet.");
            Problems(status.Problems);
            return;
        }

        writer.WriteLine(status.Passes.Count == 1 ? "Last pass (times UTC)" : $"Last {status.Passes.Count} passes, newest first (times UTC)");
        Table(
            ["id", "kind", "triggered by", "status", "started", "ended", "duration", "seen", "new", "changed", "unchanged", "deleted", "skipped", "failed", "documents", "generation", "error"],
            [true, false, false, false, false, false, true, true, true, true, true, true, true, true, true, false, false],
            status.Passes.Select(pass =>
            {
                // The history records a pass's figures when it ends: a running pass has none yet.
                var running = pass.Status == PassStatus.Running;
                string Figure(int value) => running ? "-" : Number(value);
                return new[]
                {
                    Number(pass.Id),
                    Kind(pass.Kind),
                    pass.TriggeredBy,
                    Name(pass.Status),
                    Time(pass.Started),
                    pass.Finished is { } finished ? Ended(pass.Started, finished) : "-",
                    pass.DurationMs is { } ms ? Duration(ms) : "-",
                    Figure(pass.Seen),
                    Figure(pass.New),
                    Figure(pass.Changed),
                    Figure(pass.Unchanged),
                    Figure(pass.Deleted),
                    Figure(pass.Skipped),
                    Figure(pass.Failed),
                    pass.Documents is { } documents ? Number(documents) : "-",
                    pass.Generation ?? "-",
                    pass.Error is { } error ? OneLine(error) : string.Empty,
                };
            }));
        Problems(status.Problems);
    }

    /// <summary>How many problem files <c>status</c> lists in text; <c>--json</c> lists every one.</summary>
    private const int ProblemsShown = 50;

    // The files the current generation holds no article for, as the passes left them.
    private void Problems(IReadOnlyList<ProblemJson> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"{Number(problems.Count)} {(problems.Count == 1 ? "file" : "files")} not indexed, as the passes left them (retried when changed, or by `articles reindex --failed`; times UTC)");
        Table(
            ["path", "reason", "since", "last tried", "detail"],
            [false, false, false, false, false],
            problems.Take(ProblemsShown).Select(problem => new[]
            {
                Printable(problem.Path),
                problem.Reason,
                Time(problem.Since),
                Time(problem.LastTried),
                OneLine(problem.Detail),
            }));
        if (problems.Count > ProblemsShown)
        {
            writer.WriteLine($"... and {Number(problems.Count - ProblemsShown)} more (`articles status --json` lists them all)");
        }
    }

    /// <summary>A path as one line: control characters (a newline in a file name) written as escapes.</summary>
    internal static string Printable(string text) =>
        text.Any(char.IsControl)
            ? string.Concat(text.Select(c => c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            }))
            : text;

    public void Schedule(ScheduleJson schedule)
    {
        writer.WriteLine($"store        {schedule.Database}");
        writer.WriteLine($"worker       {Worker(schedule.LockHolder)}");
        writer.WriteLine();
        writer.WriteLine("Jobs (times UTC)");
        Table(
            ["job", "cron", "time zone", "state", "previous fire", "next fire"],
            [false, false, false, false, false, false],
            schedule.Jobs.Select(job => new[]
            {
                job.Job,
                job.Cron ?? "(no cron trigger)",
                job.TimeZone ?? "-",
                job.State,
                job.PreviousFire is { } previous ? Time(previous) : "never",
                job.NextFire is { } next ? Time(next) : "never",
            }));
        writer.WriteLine();
        if (schedule.Pending.Count == 0)
        {
            writer.WriteLine("No one-off pass waiting.");
            return;
        }

        writer.WriteLine("One-off passes waiting or running (times UTC)");
        Table(
            ["job", "why", "state", "due"],
            [false, false, false, false],
            schedule.Pending.Select(pass => new[]
            {
                pass.Job,
                pass.Reason switch
                {
                    "request" => $"requested by {pass.RequestedBy}",
                    "start-up" => "start-up pass",
                    "recovery" => "re-run after a crash",
                    _ => $"trigger {pass.Trigger}",
                },
                pass.State,
                pass.Due is { } due ? Time(due) : "-",
            }));
    }

    /// <summary>"worker (pid 4242 on host, since 2026-11-23 16:01:37Z)", as <c>LockHolder.ToString</c> says it.</summary>
    public static string Holder(LockHolderJson holder) =>
        $"{holder.Owner} (pid {holder.ProcessId} on {holder.Host}, since {Time(holder.Since)}Z)";

    private static string Worker(LockHolderJson? holder) => holder switch
    {
        { IsScheduledWorker: true } => $"running: {Holder(holder)}",
        null => "not running",
        _ => $"not running; the index is being written by {Holder(holder)}",
    };

    private static string RunningPass(PassJson pass, DateTimeOffset now)
    {
        var soFar = now.UtcDateTime - pass.Started;
        return $"#{pass.Id} {Kind(pass.Kind)} ({pass.TriggeredBy}), started {Time(pass.Started)}Z, {Duration((long)Math.Max(0, soFar.TotalMilliseconds))} so far";
    }

    // Columns separated by two spaces; numbers right-aligned; no trailing spaces.
    private void Table(string[] headers, bool[] rightAligned, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, column) => rightAligned[column] ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]));
            writer.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    private static string Kind(PassKind kind) => kind == PassKind.Rebuild ? "rebuild" : "incremental";

    private static string Name(PassStatus status) => status.ToString().ToLowerInvariant();

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // The end time alone when the pass ended the day it started.
    private static string Ended(DateTime started, DateTime finished) =>
        finished.Date == started.Date ? finished.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : Time(finished);

    /// <summary>"840 ms", "12.4 s", "3 min 05 s", "2 h 07 min".</summary>
    internal static string Duration(long milliseconds) => milliseconds switch
    {
        < 1000 => $"{Number(milliseconds)} ms",
        < 60_000 => $"{(milliseconds / 1000d).ToString("0.0", CultureInfo.InvariantCulture)} s",
        < 3_600_000 => $"{milliseconds / 60_000} min {(milliseconds / 1000 % 60).ToString("00", CultureInfo.InvariantCulture)} s",
        _ => $"{milliseconds / 3_600_000} h {(milliseconds / 60_000 % 60).ToString("00", CultureInfo.InvariantCulture)} min",
    };
}
