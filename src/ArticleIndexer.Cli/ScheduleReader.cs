using ArticleIndexer.Operations.Scheduling;
using Quartz;

namespace ArticleIndexer.Cli;

/// <summary>
/// Reads the worker's jobs and triggers out of the Quartz store through a client scheduler (never started), for
/// <c>articles schedule</c>: each job's cron trigger, and every other trigger of the two jobs as a pending one-off pass.
/// </summary>
internal static class ScheduleReader
{
    // Quartz names the triggers it creates to re-run a job that was executing when its scheduler died.
    private const string RecoveryGroup = "RECOVERING_JOBS";

    private static readonly (JobKey Job, TriggerKey Cron)[] Jobs =
    [
        (SchedulerStore.IncrementalJob, SchedulerStore.IncrementalTrigger),
        (SchedulerStore.RebuildJob, SchedulerStore.RebuildTrigger),
    ];

    /// <summary>The jobs found in the store (none when no scheduled worker has used it) and the pending one-off passes.</summary>
    public static async Task<(IReadOnlyList<ScheduledJobJson> Jobs, IReadOnlyList<PendingPassJson> Pending)> ReadAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var jobs = new List<ScheduledJobJson>();
        var pending = new List<(DateTimeOffset? Due, PendingPassJson Pass)>();
        foreach (var (jobKey, cronKey) in Jobs)
        {
            var detail = await scheduler.GetJobDetail(jobKey, cancellationToken);
            if (detail is null)
            {
                continue;
            }

            var triggers = await scheduler.GetTriggersOfJob(jobKey, cancellationToken);
            var cron = triggers.FirstOrDefault(t => t.Key.Equals(cronKey)) ?? triggers.OfType<ICronTrigger>().FirstOrDefault();
            jobs.Add(cron is null
                ? new ScheduledJobJson(jobKey.Name, detail.Description, null, null, null, StateName(TriggerState.None), null, null)
                : new ScheduledJobJson(
                    jobKey.Name,
                    detail.Description,
                    cron.Key.Name,
                    (cron as ICronTrigger)?.CronExpressionString,
                    (cron as ICronTrigger)?.TimeZone.Id,
                    StateName(await scheduler.GetTriggerState(cron.Key, cancellationToken)),
                    OperationsJson.Utc(cron.PreviousFireTimeUtc),
                    OperationsJson.Utc(cron.NextFireTimeUtc)));

            foreach (var trigger in triggers.Where(t => !ReferenceEquals(t, cron)))
            {
                var requestedBy = trigger.JobDataMap.TryGetString(SchedulerStore.RequestedBy, out var by) && !string.IsNullOrEmpty(by) ? by : null;
                var reason = requestedBy is not null ? "request"
                    : trigger.Key.Equals(SchedulerStore.StartupTrigger) ? "start-up"
                    : trigger.Key.Group == RecoveryGroup ? "recovery"
                    : "other";
                var state = await scheduler.GetTriggerState(trigger.Key, cancellationToken);
                pending.Add((trigger.NextFireTimeUtc, new PendingPassJson(
                    jobKey.Name, trigger.Key.Name, reason, requestedBy, StateName(state), OperationsJson.Utc(trigger.NextFireTimeUtc))));
            }
        }

        return (jobs, pending.OrderBy(p => p.Due ?? DateTimeOffset.MaxValue).Select(p => p.Pass).ToList());
    }

    /// <summary>The words <c>schedule</c> uses for Quartz's trigger states.</summary>
    public static string StateName(TriggerState state) => state switch
    {
        TriggerState.Normal => "waiting",
        TriggerState.Executing => "running",
        TriggerState.Blocked => "blocked",
        TriggerState.Paused => "paused",
        TriggerState.Complete => "complete",
        TriggerState.Error => "error",
        TriggerState.Awaiting => "awaiting",
        _ => "none",
    };
}
