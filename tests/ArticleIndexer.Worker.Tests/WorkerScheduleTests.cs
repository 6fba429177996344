namespace ArticleIndexer.Worker.Tests;

public sealed class WorkerScheduleTests
{
    [Fact]
    public void TryCreate_AcceptsTheDefaultSchedule_InUtc()
    {
        Assert.True(WorkerSchedule.TryCreate(new WorkerOptions(), TimeProvider.System, out var schedule, out _));

        Assert.Equal(TimeZoneInfo.Utc.BaseUtcOffset, schedule.TimeZone.BaseUtcOffset);
        var next = WorkerSchedule.NextAfter(schedule.Incremental, new DateTimeOffset(2025, 1, 1, 10, 7, 30, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 10, 15, 0, TimeSpan.Zero), next);
        var rebuild = WorkerSchedule.NextAfter(schedule.Rebuild, new DateTimeOffset(2025, 1, 1, 10, 7, 30, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2025, 1, 5, 3, 0, 0, TimeSpan.Zero), rebuild);
    }

    [Fact]
    public void TryCreate_ReadsTheScheduleInTheConfiguredTimeZone()
    {
        var options = new WorkerOptions { IncrementalSchedule = "0 0 3 * * ?", TimeZone = "Europe/Helsinki" };

        Assert.True(WorkerSchedule.TryCreate(options, TimeProvider.System, out var schedule, out _));

        var next = WorkerSchedule.NextAfter(schedule.Incremental, new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 1, 0, 0, TimeSpan.Zero), next?.ToUniversalTime());
    }

    [Theory]
    [InlineData("0 */15 * * *", "Indexer:IncrementalSchedule \"0 */15 * * *\" is not a Quartz cron expression")]
    [InlineData("every quarter hour", "Indexer:IncrementalSchedule \"every quarter hour\" is not a Quartz cron expression")]
    [InlineData("0 0 0 1 1 ? 1999", "Indexer:IncrementalSchedule \"0 0 0 1 1 ? 1999\" never fires again")]
    [InlineData(" ", "Indexer:IncrementalSchedule is empty")]
    public void TryCreate_RejectsABadSchedule_WithAOneLineReason(string cron, string expected)
    {
        var options = new WorkerOptions { IncrementalSchedule = cron };

        Assert.False(WorkerSchedule.TryCreate(options, TimeProvider.System, out var schedule, out var error));

        Assert.Null(schedule);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', WorkerMessages.Error(error));
    }

    [Fact]
    public void TryCreate_NamesTheRebuildSchedule_WhenItIsTheBadOne()
    {
        var options = new WorkerOptions { RebuildSchedule = "sundays" };

        Assert.False(WorkerSchedule.TryCreate(options, TimeProvider.System, out _, out var error));

        Assert.StartsWith("Indexer:RebuildSchedule \"sundays\" is not a Quartz cron expression", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_RejectsAnUnknownTimeZone()
    {
        var options = new WorkerOptions { TimeZone = "Mars/Olympus_Mons" };

        Assert.False(WorkerSchedule.TryCreate(options, TimeProvider.System, out _, out var error));

        Assert.StartsWith("Indexer:TimeZone \"Mars/Olympus_Mons\" is not a time zone this system knows", error, StringComparison.Ordinal);
    }
}
