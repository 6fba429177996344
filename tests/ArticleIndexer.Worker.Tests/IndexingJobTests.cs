using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Worker.Tests.Support;
using Microsoft.Extensions.Options;

namespace ArticleIndexer.Worker.Tests;

/// <summary>The job over a temp copy of the seeds and a temp index: real passes, no scheduler.</summary>
public sealed class IndexingJobTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly IReadOnlyList<string> seeds;
    private readonly IndexingJob job;

    public IndexingJobTests()
    {
        seeds = Seeds.CopyTo(temp.Combine("seeds"));
        var options = new WorkerOptions { SourceFolder = temp.Combine("seeds"), IndexFolder = temp.Combine("index") };
        job = new IndexingJob(new ArticlePipeline(), Options.Create(options));
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

    private async Task<PassSummary> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var context = new FakeJobExecutionContext(cancellationToken);
        await job.Execute(context, cancellationToken);
        return Assert.IsType<PassSummary>(context.Result);
    }

    private static (int Seen, int New, int Changed, int Unchanged, int Deleted, int Skipped, int Failed) Figures(PassSummary s) =>
        (s.Seen, s.New, s.Changed, s.Unchanged, s.Deleted, s.Skipped, s.Failed);
}
