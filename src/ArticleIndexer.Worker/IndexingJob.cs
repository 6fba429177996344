using ArticleIndexer.Core.Pipeline;
using Microsoft.Extensions.Options;
using Quartz;

namespace ArticleIndexer.Worker;

/// <summary>
/// One indexing pass, as a Quartz job: <see cref="WorkerOptions.SourceFolder"/> into <see cref="WorkerOptions.IndexFolder"/>.
/// Thin on purpose: the pipeline does the work, the job passes the cancellation on and logs the summary.
/// Never runs twice at once (a pass holds the index's write lock anyway); a firing that comes due while a pass is
/// running waits for it. <c>--once</c> runs the same pass through <see cref="RunPass"/>, without a scheduler.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class IndexingJob(ArticlePipeline pipeline, IOptions<WorkerOptions> options) : IJob
{
    /// <summary>The job's name in the scheduler.</summary>
    public static readonly JobKey Key = new("indexing");

    /// <summary>Runs a pass; its <see cref="PassSummary"/> is left in <see cref="IJobExecutionContext.Result"/>.</summary>
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // The parameter is the context's CancellationToken, signalled when the scheduler shuts down (Ctrl-C, SIGTERM).
        context.Result = RunPass(cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs one pass with the configured folders, resolved against the current directory. Stops at the next file
    /// when <paramref name="cancellationToken"/> is signalled, committing what it has.
    /// </summary>
    public PassSummary RunPass(CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(options.Value.SourceFolder);
        var index = Path.GetFullPath(options.Value.IndexFolder);
        // The pipeline logs the pass: one structured summary event, or the error that stopped it.
        return pipeline.Run(source, index, cancellationToken);
    }
}
