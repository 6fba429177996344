using Quartz;

namespace ArticleIndexer.Worker.Tests.Support;

/// <summary>
/// Just enough of a job execution context to call <see cref="IJob.Execute"/> without a scheduler: the cancellation
/// token, the trigger and its fire times, the job data, and the result. Everything else throws, so a job that starts
/// to depend on it fails loudly here.
/// </summary>
internal sealed class FakeJobExecutionContext(
    CancellationToken cancellationToken = default, TriggerKey? trigger = null, JobDataMap? data = null, TimeSpan? late = null) : IJobExecutionContext
{
    private static readonly DateTimeOffset Fired = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    public object? Result { get; set; }

    public CancellationToken CancellationToken => cancellationToken;

    public IScheduler Scheduler => throw Unused();

    public ITrigger Trigger { get; } = TriggerBuilder.Create(TimeProvider.System).WithIdentity(trigger ?? new TriggerKey("test")).ForJob("test").StartNow().Build();

    public ICalendar? Calendar => throw Unused();

    public bool Recovering => false;

    public TriggerKey RecoveringTriggerKey => throw Unused();

    public int RefireCount => 0;

    public int RetryAttempt => 0;

    public JobDataMap MergedJobDataMap { get; } = data ?? new JobDataMap();

    public IJobDetail JobDetail => throw Unused();

    public IJob JobInstance => throw Unused();

    public DateTimeOffset FireTimeUtc => Fired + (late ?? TimeSpan.Zero);

    public DateTimeOffset? ScheduledFireTimeUtc => Fired;

    public DateTimeOffset? PreviousFireTimeUtc => throw Unused();

    public DateTimeOffset? NextFireTimeUtc => throw Unused();

    public string FireInstanceId => throw Unused();

    public TimeSpan JobRunTime => throw Unused();

    private static NotSupportedException Unused() => new("The fake context has no scheduler behind it.");
}
