using System.Diagnostics;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Operations.Scheduling;
using ArticleIndexer.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace ArticleIndexer.Worker.Tests;

/// <summary>
/// The scheduled worker on its real Quartz store (SQLite, in a temp index root), in this process: what survives a
/// restart, what a missed firing does, and how a request from another scheduler client gets in.
/// </summary>
[Collection(QuartzHosts.Name)]
public sealed class SchedulerStoreTests : IDisposable
{
    private static readonly TimeSpan PassTimeout = TimeSpan.FromSeconds(20);

    // Long enough for a second, wrong firing to show up: two poll intervals of the idle scheduler.
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private static readonly Dictionary<string, string> Idle = new() { ["RunOnStart"] = "false", ["PollSeconds"] = "1" };

    private static readonly Dictionary<string, string> WithStartUpPass = new() { ["RunOnStart"] = "true", ["PollSeconds"] = "1" };

    private readonly TempFolder temp = new();

    public SchedulerStoreTests() => Seeds.CopyTo(temp.Combine("seeds"));

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Paris")]
    // A Windows id: the stored TIME_ZONE_ID must read back as the same id, or every restart would replace the triggers.
    [InlineData("W. Europe Standard Time")]
    public async Task Restart_KeepsTheStoredTriggers_WithTheirNextFireAndStartTimes(string timeZone)
    {
        string[] flags = ["--incremental-schedule", QuietHourly(30), "--rebuild-schedule", QuietDaily(), "--time-zone", timeZone];
        ITrigger incremental, rebuild;
        IScheduler first;
        await using (var worker = await WorkerHostRunner.StartAsync(temp, flags, Idle))
        {
            first = worker.Scheduler;
            incremental = await worker.TriggerAsync(SchedulerStore.IncrementalTrigger);
            rebuild = await worker.TriggerAsync(SchedulerStore.RebuildTrigger);
        }

        Assert.Equal(SchedulerStatus.Shutdown, first.Status);
        await NextSecondAfterAsync(incremental.StartTimeUtc);
        await using (var worker = await WorkerHostRunner.StartAsync(temp, flags, Idle))
        {
            // Quartz 4.7.3 keeps its scheduler repository in the host's service container, not process-wide: the
            // stopped host's scheduler is shut down and gone with it, and this host built a scheduler of its own.
            Assert.NotSame(first, worker.Scheduler);
            Assert.Equal(SchedulerStatus.Running, worker.Scheduler.Status);
            var incrementalAgain = await worker.TriggerAsync(SchedulerStore.IncrementalTrigger);
            var rebuildAgain = await worker.TriggerAsync(SchedulerStore.RebuildTrigger);

            Assert.NotNull(incremental.NextFireTimeUtc);
            Assert.NotNull(rebuild.NextFireTimeUtc);
            Assert.Equal((incremental.StartTimeUtc, incremental.NextFireTimeUtc), (incrementalAgain.StartTimeUtc, incrementalAgain.NextFireTimeUtc));
            Assert.Equal((rebuild.StartTimeUtc, rebuild.NextFireTimeUtc), (rebuildAgain.StartTimeUtc, rebuildAgain.NextFireTimeUtc));
        }
    }

    [Fact]
    public async Task Restart_ReplacesATrigger_WhoseCronChanged()
    {
        var rebuildCron = QuietDaily();
        ITrigger incremental, rebuild;
        await using (var worker = await WorkerHostRunner.StartAsync(temp, ["--incremental-schedule", QuietHourly(30), "--rebuild-schedule", rebuildCron], Idle))
        {
            incremental = await worker.TriggerAsync(SchedulerStore.IncrementalTrigger);
            rebuild = await worker.TriggerAsync(SchedulerStore.RebuildTrigger);
        }

        var changed = QuietHourly(45);
        await NextSecondAfterAsync(incremental.StartTimeUtc);
        await using (var worker = await WorkerHostRunner.StartAsync(temp, ["--incremental-schedule", changed, "--rebuild-schedule", rebuildCron], Idle))
        {
            var replaced = Assert.IsAssignableFrom<ICronTrigger>(await worker.TriggerAsync(SchedulerStore.IncrementalTrigger));
            var kept = await worker.TriggerAsync(SchedulerStore.RebuildTrigger);

            Assert.Equal(changed, replaced.CronExpressionString);
            Assert.Equal(NextAfter(changed, replaced.StartTimeUtc), replaced.NextFireTimeUtc);
            Assert.NotEqual(incremental.NextFireTimeUtc, replaced.NextFireTimeUtc);
            Assert.True(replaced.StartTimeUtc > incremental.StartTimeUtc, "The changed trigger is a new one, started on this restart.");
            Assert.Equal((rebuild.StartTimeUtc, rebuild.NextFireTimeUtc), (kept.StartTimeUtc, kept.NextFireTimeUtc));
        }
    }

    [Fact]
    public async Task MissedRebuild_RunsOnceAfterRestart_AndSwitchesGeneration()
    {
        const string rebuildCron = "0 0 3 ? * SUN";
        string[] flags = ["--incremental-schedule", QuietHourly(30), "--rebuild-schedule", rebuildCron];
        await using (var worker = await WorkerHostRunner.StartAsync(temp, flags, WithStartUpPass))
        {
            await WorkerHostRunner.EventuallyAsync(
                () => worker.History.Recent(1) is [{ Status: PassStatus.Completed } pass] ? pass : null, PassTimeout, "the start-up pass",
                () => WorkerHostRunner.Describe(worker.History));
        }

        var layout = new IndexLayout(temp.Combine("index"));
        Assert.Equal("gen-000001", layout.CurrentGeneration);
        var databasePath = IndexTargetDatabase();
        var lastId = new PassHistory(databasePath).LastId();
        // The worker was down over Sunday 03:00.
        WorkerHostRunner.SetNextFireTime(databasePath, SchedulerStore.RebuildTrigger, DateTimeOffset.UtcNow.AddHours(-2));

        await using (var worker = await WorkerHostRunner.StartAsync(temp, flags, Idle))
        {
            var rebuild = await WorkerHostRunner.EventuallyAsync(
                () => worker.History.Since(lastId) is [{ Status: not PassStatus.Running } pass] ? pass : null, PassTimeout, "the missed rebuild",
                () => WorkerHostRunner.Describe(worker.History));
            await Task.Delay(Quiet);

            var passes = worker.History.Since(lastId);
            Assert.True(passes.Count == 1, WorkerHostRunner.Describe(worker.History));
            Assert.Equal((PassKind.Rebuild, "missed schedule", PassStatus.Completed, "gen-000002"), (rebuild.Kind, rebuild.TriggeredBy, rebuild.Status, rebuild.Generation));
            Assert.Equal("gen-000002", layout.CurrentGeneration);
            Assert.Equal(["gen-000002"], layout.Generations);
            var trigger = await worker.TriggerAsync(SchedulerStore.RebuildTrigger);
            Assert.Equal(NextAfter(rebuildCron, DateTimeOffset.UtcNow), trigger.NextFireTimeUtc);
        }
    }

    [Fact]
    public async Task MissedIncrementalFirings_CollapseIntoOnePass_InsteadOfTheStartUpPass()
    {
        // Every 15 minutes, and the worker was down for five hours: twenty missed firings.
        string[] flags = ["--incremental-schedule", "0 0/15 * * * ?", "--rebuild-schedule", QuietDaily()];
        await using (var worker = await WorkerHostRunner.StartAsync(temp, flags, Idle))
        {
        }

        var databasePath = IndexTargetDatabase();
        WorkerHostRunner.SetNextFireTime(databasePath, SchedulerStore.IncrementalTrigger, DateTimeOffset.UtcNow.AddHours(-5));

        await using (var worker = await WorkerHostRunner.StartAsync(temp, flags, WithStartUpPass))
        {
            var pass = await WorkerHostRunner.EventuallyAsync(
                () => worker.History.Recent(1) is [{ Status: not PassStatus.Running } last] ? last : null, PassTimeout, "the missed incremental pass",
                () => WorkerHostRunner.Describe(worker.History));
            await Task.Delay(Quiet);

            Assert.True(worker.History.Recent(10).Count == 1, WorkerHostRunner.Describe(worker.History));
            Assert.Equal((PassKind.Incremental, "missed schedule", PassStatus.Completed, 5), (pass.Kind, pass.TriggeredBy, pass.Status, pass.New));
            Assert.Null(await worker.Scheduler.GetTrigger(SchedulerStore.StartupTrigger));
            var trigger = await worker.TriggerAsync(SchedulerStore.IncrementalTrigger);
            var now = DateTimeOffset.UtcNow;
            Assert.True(trigger.NextFireTimeUtc > now && trigger.NextFireTimeUtc <= now.AddMinutes(15), $"Next fire {trigger.NextFireTimeUtc:O} is not the next quarter hour.");
        }
    }

    [Fact]
    public async Task FirstStart_CreatesTheQuartzTables_InAFreshFolder()
    {
        var databasePath = IndexTargetDatabase();
        Assert.False(File.Exists(databasePath));

        await using var worker = await WorkerHostRunner.StartAsync(temp, ["--incremental-schedule", QuietHourly(30), "--rebuild-schedule", QuietDaily()], Idle);

        var tables = WorkerHostRunner.Tables(databasePath);
        Assert.Superset(
            new HashSet<string> { "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_FIRED_TRIGGERS", "QRTZ_LOCKS" },
            tables.ToHashSet());
        Assert.NotNull(await worker.Scheduler.GetJobDetail(SchedulerStore.IncrementalJob));
        Assert.NotNull(await worker.Scheduler.GetJobDetail(SchedulerStore.RebuildJob));
    }

    [Fact]
    public async Task RequestFromAnotherSchedulerClient_IsPickedUpWithinThePollInterval()
    {
        var poll = TimeSpan.FromSeconds(1);
        await using var worker = await WorkerHostRunner.StartAsync(
            temp, ["--incremental-schedule", QuietHourly(30), "--rebuild-schedule", QuietDaily()], WithStartUpPass);
        // The start-up pass first: the worker's first pass also builds the pipeline (about half a second), which is not
        // what this test times.
        var startUp = await WorkerHostRunner.EventuallyAsync(
            () => worker.History.Recent(1) is [{ Status: PassStatus.Completed } pass] ? pass : null, PassTimeout, "the start-up pass",
            () => WorkerHostRunner.Describe(worker.History));
        var client = await SchedulerStore.OpenClientAsync(worker.Target.DatabasePath);
        Assert.NotNull(client);
        // Its own scheduler object on the same store, never started: the request reaches the worker through the QRTZ_
        // tables only, as it does from `articles reindex`.
        Assert.NotSame(worker.Scheduler, client);
        DateTimeOffset requested;
        try
        {
            // The worker's scheduler is in its idle wait by now, so the request has to be found by polling.
            requested = DateTimeOffset.UtcNow;
            await client.TriggerJob(SchedulerStore.IncrementalJob, new JobDataMap { [SchedulerStore.RequestedBy] = "test" });
        }
        finally
        {
            await client.Shutdown(false);
        }

        var pass = await WorkerHostRunner.EventuallyAsync(
            () => worker.History.Since(startUp.Id) is [{ Status: not PassStatus.Running } last] ? last : null, PassTimeout, "the requested pass",
            () => WorkerHostRunner.Describe(worker.History));

        // The history's start time is the worker's own record of when the pass began.
        var pickedUpAfter = pass.Started - requested;
        Assert.True(pickedUpAfter < poll + TimeSpan.FromSeconds(0.5), $"Picked up {pickedUpAfter.TotalMilliseconds:0} ms after the request; the poll interval is {poll.TotalMilliseconds:0} ms.");
        Assert.Equal((PassKind.Incremental, "request", PassStatus.Completed, 5), (pass.Kind, pass.TriggeredBy, pass.Status, pass.Unchanged));
        Assert.Equal(["start-up", "request"], worker.History.Recent(10).Reverse().Select(p => p.TriggeredBy));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("300")]
    public async Task PollSeconds_TheSettingsAccept_AreAcceptedByQuartz_AndDoNotDelayStopping(string pollSeconds)
    {
        await using var worker = await WorkerHostRunner.StartAsync(
            temp, ["--incremental-schedule", QuietHourly(30), "--rebuild-schedule", QuietDaily()], new Dictionary<string, string> { ["RunOnStart"] = "false", ["PollSeconds"] = pollSeconds });
        var clock = Stopwatch.StartNew();

        await worker.StopAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Stopping took {clock.Elapsed.TotalSeconds:0.0} s with a poll interval of {pollSeconds} s.");
    }

    [Fact]
    public void PollSeconds_UnderASecond_IsRefusedBeforeQuartzSeesIt()
    {
        // Quartz 4.7.3 refuses an IdleWaitTime under a second when the host starts (OptionsValidationException): the
        // worker says so up front, as a setting error.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Indexer:PollSeconds", "0.5")]).Build();

        Assert.False(WorkerHost.TryReadOptions(configuration, out _, out var error));
        Assert.StartsWith("Indexer:PollSeconds is 0.5;", error, StringComparison.Ordinal);
    }

    private string IndexTargetDatabase() => IndexTarget.DefaultDatabase(temp.Combine("index"));

    /// <summary>An hourly cron at <paramref name="minutesAhead"/> minutes past the current minute: it does not fire during a test.</summary>
    private static string QuietHourly(int minutesAhead) => $"0 {(DateTime.UtcNow.Minute + minutesAhead) % 60} * * * ?";

    /// <summary>A daily cron twelve hours from now.</summary>
    private static string QuietDaily() => $"0 0 {(DateTime.UtcNow.Hour + 12) % 24} * * ?";

    /// <summary>
    /// Waits for the next whole second after <paramref name="time"/>: Quartz keeps a cron trigger's start time to the
    /// second, so only a trigger created in a later second can be told from the one before it.
    /// </summary>
    private static async Task NextSecondAfterAsync(DateTimeOffset time)
    {
        var next = time.AddTicks(-(time.UtcTicks % TimeSpan.TicksPerSecond)).AddSeconds(1);
        var wait = next - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(10));
        }
    }

    private static DateTimeOffset? NextAfter(string cron, DateTimeOffset after) =>
        CronExpression.Parse(cron).WithTimeZone(TimeZoneInfo.Utc).GetNextValidTimeAfter(after);
}
