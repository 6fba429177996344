using Microsoft.Extensions.Logging;
using Quartz;

namespace ArticleIndexer.Operations.Scheduling;

/// <summary>The two cron schedules a worker is configured with, checked.</summary>
/// <param name="Incremental">When incremental passes run.</param>
/// <param name="Rebuild">When full rebuilds run.</param>
/// <param name="TimeZone">The time zone both are read in.</param>
public sealed record WorkerSchedules(CronExpression Incremental, CronExpression Rebuild, TimeZoneInfo TimeZone);

/// <summary>
/// Puts the configured jobs and triggers into the persistent store before the scheduler starts, keeping what the store
/// already holds when it matches the configuration: a trigger is replaced only when its cron expression or time zone
/// changed, so its previous and next fire times survive restarts, and a firing missed while the worker was down is
/// still there for the misfire policy to run once at start-up.
/// </summary>
public static class ScheduleInstaller
{
    /// <summary>
    /// Installs <paramref name="schedules"/> into <paramref name="scheduler"/> (not started yet). With
    /// <paramref name="runOnStart"/>, adds a one-off incremental pass now, unless the incremental trigger has a missed
    /// firing, which runs at start-up anyway.
    /// </summary>
    public static async Task InstallAsync(IScheduler scheduler, WorkerSchedules schedules, bool runOnStart, TimeProvider time, ILogger logger, CancellationToken cancellationToken = default)
    {
        await scheduler.AddJob(
            JobBuilder.Create<IncrementalPassJob>().WithIdentity(SchedulerStore.IncrementalJob)
                .WithDescription("New, changed and deleted files, into the current generation").StoreDurably().Build(),
            AddJobOptions.Replacing,
            cancellationToken);
        await scheduler.AddJob(
            JobBuilder.Create<RebuildJob>().WithIdentity(SchedulerStore.RebuildJob)
                .WithDescription("Every file, into a fresh generation that replaces the current one").StoreDurably().RequestRecovery().Build(),
            AddJobOptions.Replacing,
            cancellationToken);

        var incremental = await InstallTriggerAsync(scheduler, SchedulerStore.IncrementalTrigger, SchedulerStore.IncrementalJob, schedules.Incremental, schedules.TimeZone, time, logger, cancellationToken);
        await InstallTriggerAsync(scheduler, SchedulerStore.RebuildTrigger, SchedulerStore.RebuildJob, schedules.Rebuild, schedules.TimeZone, time, logger, cancellationToken);

        if (!runOnStart)
        {
            return;
        }

        if (incremental.NextFireTimeUtc is { } next && next < time.GetUtcNow() - SchedulerStore.MisfireThreshold)
        {
            logger.LogInformation("The incremental pass missed {MissedAt:yyyy-MM-dd HH:mm:ss}Z while the worker was down; it runs once now instead of a separate start-up pass", next.UtcDateTime);
            return;
        }

        var startup = TriggerBuilder.Create(time).WithIdentity(SchedulerStore.StartupTrigger).ForJob(SchedulerStore.IncrementalJob)
            .WithDescription("One incremental pass at start-up").StartNow().Build();
        await scheduler.ScheduleTrigger(startup, TriggerConflict.Replace, cancellationToken);
    }

    private static async Task<ITrigger> InstallTriggerAsync(
        IScheduler scheduler, TriggerKey key, JobKey job, CronExpression cron, TimeZoneInfo timeZone, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var wanted = TriggerBuilder.Create(time).WithIdentity(key).ForJob(job)
            .WithDescription($"{cron.CronExpressionString} ({timeZone.Id})")
            .WithSchedule(CronScheduleBuilder.Create(cron.CronExpressionString).InTimeZone(timeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        var existing = await scheduler.GetTrigger(key, cancellationToken);
        if (existing is ICronTrigger stored && stored.CronExpressionString == cron.CronExpressionString && stored.TimeZone.Id == timeZone.Id)
        {
            logger.LogDebug("Kept the stored trigger {TriggerKey}: next fire {NextFire:O}", key, existing.NextFireTimeUtc);
            return existing;
        }

        if (existing is null)
        {
            await scheduler.ScheduleJob(wanted, default, cancellationToken);
        }
        else
        {
            logger.LogInformation("The schedule of {TriggerKey} changed from {OldSchedule} to {NewSchedule}", key.Name, existing.Description, wanted.Description);
            await scheduler.RescheduleJob(key, wanted, cancellationToken);
        }

        return await scheduler.GetTrigger(key, cancellationToken) ?? wanted;
    }
}
