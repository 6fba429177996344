using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Locking;
using ArticleIndexer.Operations.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace ArticleIndexer.Cli.Tests.Support;

/// <summary>
/// What a scheduled worker shows the CLI, without the worker process: its jobs and cron triggers installed in the
/// Quartz store by the worker's own <see cref="ScheduleInstaller"/>, and the index lock held by this process as
/// <c>worker</c>. No scheduler runs, so nothing fires: requests stay in the store, and passes are whatever the test
/// records. <see cref="WorkerRequestProcessTests"/> has the real worker.
/// </summary>
public sealed class FakeWorker : IDisposable
{
    public const string IncrementalCron = "0 0/15 * * * ?";
    public const string RebuildCron = "0 0 3 ? * SUN";

    private readonly IndexLock held;

    private FakeWorker(IndexLock held) => this.held = held;

    /// <summary>Installs the schedule (with the start-up trigger when <paramref name="runOnStart"/>), then takes the lock.</summary>
    public static async Task<FakeWorker> StartAsync(TempIndex temp, bool runOnStart = false)
    {
        await InstallScheduleAsync(temp.Database, runOnStart);
        new PassHistory(temp.Database).MarkInterrupted();
        Assert.True(IndexLock.TryAcquire(temp.Index, IndexLock.ScheduledWorker, out var held, out var holder), $"The lock is held by {holder}");
        return new FakeWorker(held);
    }

    /// <summary>The store as a worker leaves it after its first start: both jobs, both cron triggers, in UTC.</summary>
    public static async Task InstallScheduleAsync(string database, bool runOnStart)
    {
        var scheduler = await QuartzSchedulerBuilder
            .Create(quartz => SchedulerStore.Configure(quartz, database, TimeSpan.FromSeconds(30)))
            .BuildScheduler();
        try
        {
            var schedules = new WorkerSchedules(new CronExpression(IncrementalCron), new CronExpression(RebuildCron), TimeZoneInfo.Utc);
            await ScheduleInstaller.InstallAsync(scheduler, schedules, runOnStart, TimeProvider.System, NullLogger.Instance);
        }
        finally
        {
            await scheduler.Shutdown(false);
        }
    }

    /// <summary>The worker "stops": the lock is released.</summary>
    public void Dispose() => held.Dispose();
}
