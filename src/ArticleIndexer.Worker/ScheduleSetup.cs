using ArticleIndexer.Operations.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace ArticleIndexer.Worker;

/// <summary>
/// Installs the configured schedules into the Quartz store at start-up, before the Quartz hosted service starts the
/// scheduler (hosted services start in the order they were added). See <see cref="ScheduleInstaller"/>.
/// </summary>
internal sealed class ScheduleSetup(
    ISchedulerFactory schedulers, WorkerSchedules schedules, IOptions<WorkerOptions> options, TimeProvider time, ILogger<ScheduleSetup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(CancellationToken.None);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Not cut short by a stop: installing takes milliseconds, and a stop (SIGTERM) that cancels Quartz mid-transaction
                // makes it log failed rollbacks with stack traces and fails the host's start; the host stops right after.
                await ScheduleInstaller.InstallAsync(scheduler, schedules, options.Value.RunOnStart, time, logger, CancellationToken.None);
                break;
            }
            catch (OperationCanceledException ex) when (attempt < 3)
            {
                // Seen when a second worker starts at the same moment (HostileWorkerTests): Quartz's SQLite lock handler
                // gives up while the worker is not stopping. Installing is idempotent, so try again.
                logger.LogWarning("Installing the schedules was cut short ({Reason}); trying again", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
            }
        }

        foreach (var key in new[] { SchedulerStore.IncrementalTrigger, SchedulerStore.RebuildTrigger })
        {
            var trigger = await scheduler.GetTrigger(key, CancellationToken.None);
            logger.LogInformation(
                "Schedule {TriggerName}: {Schedule}; previous {PreviousFire}, next {NextFire}",
                key.Name, trigger?.Description, Format(trigger?.PreviousFireTimeUtc), Format(trigger?.NextFireTimeUtc));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Format(DateTimeOffset? time) =>
        time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : "none";
}
