using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Passes;
using Quartz;

namespace ArticleIndexer.Operations.Scheduling;

/// <summary>The incremental pass, as a Quartz job. Never overlaps itself; the runner keeps it from overlapping a rebuild.</summary>
[DisallowConcurrentExecution]
public sealed class IncrementalPassJob(IndexPassRunner runner, IndexTarget target, PassHistory history) : IJob
{
    /// <summary>Runs the pass; its <see cref="PassOutcome"/> is left in <see cref="IJobExecutionContext.Result"/>.</summary>
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // The token is signalled when the scheduler shuts down (Ctrl-C, SIGTERM): the pass stops at the next file.
        var retryFailed = context.MergedJobDataMap.TryGetString(SchedulerStore.RetryFailed, out var retry) && retry == "true";
        context.Result = runner.Run(PassKind.Incremental, target, PassJobs.TriggeredBy(context), history, retryFailed, cancellationToken);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The full rebuild, as a Quartz job. Asks for recovery: a rebuild cut short by a crash runs again at start-up.</summary>
[DisallowConcurrentExecution]
public sealed class RebuildJob(IndexPassRunner runner, IndexTarget target, PassHistory history) : IJob
{
    /// <summary>Runs the rebuild; its <see cref="PassOutcome"/> is left in <see cref="IJobExecutionContext.Result"/>.</summary>
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        context.Result = runner.Run(PassKind.Rebuild, target, PassJobs.TriggeredBy(context), history, cancellationToken);
        return ValueTask.CompletedTask;
    }
}

/// <summary>What the history says started a pass run by the scheduler.</summary>
public static class PassJobs
{
    /// <summary>
    /// <c>request</c> (from <c>articles reindex</c>), <c>start-up</c>, <c>recovery</c> (re-run after a crash),
    /// <c>missed schedule</c> (a firing the worker was down for, run late by the misfire policy) or <c>schedule</c>.
    /// </summary>
    public static string TriggeredBy(IJobExecutionContext context)
    {
        if (context.Recovering)
        {
            return "recovery";
        }

        if (context.MergedJobDataMap.TryGetString(SchedulerStore.RequestedBy, out var requester) && !string.IsNullOrEmpty(requester))
        {
            return "request";
        }

        if (context.Trigger.Key.Equals(SchedulerStore.StartupTrigger))
        {
            return "start-up";
        }

        var late = context.ScheduledFireTimeUtc is { } scheduled ? context.FireTimeUtc - scheduled : TimeSpan.Zero;
        return late > (context.Trigger.MisfireThreshold ?? SchedulerStore.MisfireThreshold) ? "missed schedule" : "schedule";
    }
}
