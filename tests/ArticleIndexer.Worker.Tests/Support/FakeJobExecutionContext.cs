using Quartz;

namespace ArticleIndexer.Worker.Tests.Support;

/// <summary>
/// Just enough of a job execution context to call <see cref="IJob.Execute"/> without a scheduler: the cancellation
/// token and the result. Everything else throws, so a job that starts to depend on it fails loudly here.
/// </summary>
internal sealed class FakeJobExecutionContext(CancellationToken cancellationToken = default) : IJobExecutionContext
{
    public object? Result { get; set; }

    public CancellationToken CancellationToken => cancellationToken;

    public IScheduler Scheduler => throw Unused();

    public ITrigger Trigger => throw Unused();

    public ICalendar? Calendar => throw Unused();

    public bool Recovering => false;

    public TriggerKey RecoveringTriggerKey => throw Unused();

    public int RefireCount => 0;

    public int RetryAttempt => 0;

    public JobDataMap MergedJobDataMap => throw Unused();

    public IJobDetail JobDetail => throw Unused();

    public IJob JobInstance => throw Unused();

    public DateTimeOffset FireTimeUtc => throw Unused();

    public DateTimeOffset? ScheduledFireTimeUtc => throw Unused();

    public DateTimeOffset? PreviousFireTimeUtc => throw Unused();

    public DateTimeOffset? NextFireTimeUtc => throw Unused();

    public string FireInstanceId => throw Unused();

    public TimeSpan JobRunTime => throw Unused();

    private static NotSupportedException Unused() => new("The fake context has no scheduler behind it.");
}
