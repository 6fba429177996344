using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Operations.Scheduling;
using ArticleIndexer.Worker.Tests.Support;
using Quartz;

namespace ArticleIndexer.Worker.Tests;

/// <summary>The two Quartz jobs over a temp copy of the seeds and a temp index: real passes and history, no scheduler.</summary>
public sealed class PassJobTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly IReadOnlyList<string> seeds;
    private readonly IndexTarget target;
    private readonly PassHistory history;
    private readonly IncrementalPassJob job;
    private readonly RebuildJob rebuild;

    public PassJobTests()
    {
        seeds = Seeds.CopyTo(temp.Combine("seeds"));
        target = IndexTarget.Resolve(temp.Combine("seeds"), temp.Combine("index"), null);
        history = new PassHistory(target.DatabasePath);
        var runner = new IndexPassRunner();
        job = new IncrementalPassJob(runner, target, history);
        rebuild = new RebuildJob(runner, target, history);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Execute_IndexesEverySeed_OnFirstPass()
    {
        var summary = await ExecuteAsync();

        Assert.Null(summary.Error);
        Assert.Equal((5, 5, 0, 0, 0, 0, 0), Figures(summary));
        Assert.Equal(5, summary.Documents);
        Assert.StartsWith("5 files seen, 5 indexed (5 new, 0 changed), 0 unchanged", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_LeavesEverySeedUnchanged_OnSecondPass()
    {
        await ExecuteAsync();

        var summary = await ExecuteAsync();

        Assert.Equal((5, 0, 0, 5, 0, 0, 0), Figures(summary));
        Assert.Equal(5, summary.Documents);
    }

    [Fact]
    public async Task Execute_ReindexesOneFile_WhenItChanged()
    {
        await ExecuteAsync();
        File.AppendAllText(seeds[2], "\n\nA paragraph added after the first pass, by the Worker tests.\n");

        var summary = await ExecuteAsync();

        Assert.Equal((5, 0, 1, 4, 0, 0, 0), Figures(summary));
        Assert.Equal(5, summary.Documents);
    }

    [Fact]
    public async Task Execute_DeletesOneDocument_WhenItsFileIsGone()
    {
        await ExecuteAsync();
        File.Delete(seeds[0]);

        var summary = await ExecuteAsync();

        Assert.Equal((4, 0, 0, 4, 1, 0, 0), Figures(summary));
        Assert.Equal(4, summary.Documents);
    }

    [Fact]
    public async Task Execute_StopsAtOnceAndDeletesNothing_WhenCancelledBeforeItStarts()
    {
        await ExecuteAsync();
        File.Delete(seeds[0]);

        var summary = await ExecuteAsync(new CancellationToken(canceled: true));

        Assert.True(summary.Cancelled);
        Assert.Equal((0, 0, 0, 0, 0, 0, 0), Figures(summary));
        Assert.Equal(5, summary.Documents);
        Assert.EndsWith("(stopped early; the rest is left for the next pass)", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ReportsAnError_WhenTheSourceFolderIsMissing()
    {
        Directory.Delete(temp.Combine("seeds"), recursive: true);

        var summary = await ExecuteAsync();

        Assert.NotNull(summary.Error);
        Assert.Contains("does not exist", summary.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_WritesANewGenerationAndSwitchesReadersToIt()
    {
        await ExecuteAsync();
        var layout = new IndexLayout(target.IndexRoot);
        Assert.Equal("gen-000001", layout.CurrentGeneration);

        var outcome = await RebuildAsync();

        Assert.Equal(PassStatus.Completed, outcome.Status);
        Assert.True(outcome.Switched);
        Assert.Equal((5, 5, 0, 0, 0, 0, 0), Figures(outcome.Summary));
        Assert.Equal("gen-000002", layout.CurrentGeneration);
        Assert.Equal(["gen-000002"], layout.Generations);
    }

    [Fact]
    public async Task Rebuild_KeepsReadersOnTheOldGeneration_WhenStoppedEarly()
    {
        await ExecuteAsync();

        var outcome = await RebuildAsync(new CancellationToken(canceled: true));

        Assert.Equal(PassStatus.Stopped, outcome.Status);
        Assert.False(outcome.Switched);
        Assert.Equal("gen-000001", new IndexLayout(target.IndexRoot).CurrentGeneration);
    }

    [Fact]
    public async Task Execute_RecordsEachPassInTheHistory_WithWhatTriggeredIt()
    {
        await ExecuteAsync();
        await ExecuteAsync(trigger: SchedulerStore.StartupTrigger);
        await ExecuteAsync(data: new JobDataMap { [SchedulerStore.RequestedBy] = "articles reindex" });
        await ExecuteAsync(trigger: SchedulerStore.IncrementalTrigger, late: TimeSpan.FromHours(2));
        await RebuildAsync();

        var passes = history.Recent(10);

        Assert.Equal(
            ["Rebuild:schedule", "Incremental:missed schedule", "Incremental:request", "Incremental:start-up", "Incremental:schedule"],
            passes.Select(p => $"{p.Kind}:{p.TriggeredBy}"));
        Assert.All(passes, p => Assert.Equal(PassStatus.Completed, p.Status));
        Assert.Equal(5, passes[^1].New);
        Assert.Equal(5, passes[1].Unchanged);
    }

    private async Task<PassSummary> ExecuteAsync(CancellationToken cancellationToken = default, TriggerKey? trigger = null, JobDataMap? data = null, TimeSpan? late = null)
    {
        var context = new FakeJobExecutionContext(cancellationToken, trigger, data, late);
        await job.Execute(context, cancellationToken);
        return Assert.IsType<PassOutcome>(context.Result).Summary;
    }

    private async Task<PassOutcome> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var context = new FakeJobExecutionContext(cancellationToken);
        await rebuild.Execute(context, cancellationToken);
        return Assert.IsType<PassOutcome>(context.Result);
    }

    private static (int Seen, int New, int Changed, int Unchanged, int Deleted, int Skipped, int Failed) Figures(PassSummary s) =>
        (s.Seen, s.New, s.Changed, s.Unchanged, s.Deleted, s.Skipped, s.Failed);
}
