using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Operations.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ArticleIndexer.Operations.Tests.Passes;

/// <summary>
/// The disk fills up while a pass writes the index (simulated in front of the real directory by <see cref="FullDisk"/>,
/// at every point from the first byte of a commit to its last): the pass fails with a sentence saying so, the index stays
/// at its previous commit and searchable, nothing is counted as a bad file, and the next pass succeeds once there is
/// space. A tmpfs of a few kilobytes would show the same from the kernel, but mounting one needs root in a
/// privileged container, which neither CI nor a developer's machine should need.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder temp = new();
    private FullDisk disk = new();
    private string root = "a";

    private string SourceFolder => temp.Combine(root, "seeds");

    private IndexTarget Target => IndexTarget.Resolve(SourceFolder, temp.Combine(root, "index"), null);

    private IndexLayout Layout => new(Target.IndexRoot);

    private PassHistory History => new(Target.DatabasePath);

    public void Dispose() => temp.Dispose();

    /// <summary>The disk fills at this share of what the pass writes: at its first byte, in its segment files, and in the
    /// commit point itself (<c>segments_N</c>, at 99 %). The last twenty bytes are <c>segments.gen</c>, which Lucene writes
    /// after the commit is durable and may fail to write without harm: a pass that fills the disk there has committed.</summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.7)]
    [InlineData(0.99)]
    public void DiskFullDuringAnIncrementalPass_FailsItCleanly_KeepsThePreviousCommitSearchable_AndTheNextPassSucceeds(double share)
    {
        // The same pass on a free disk first, to know how many bytes it writes.
        PrepareSecondPass();
        var before = disk.Written;
        Assert.Equal(PassStatus.Completed, Run(PassKind.Incremental).Status);
        var bytes = disk.Written - before;
        (root, disk) = ("b", new FullDisk());
        PrepareSecondPass();

        var freeBytes = (long)(bytes * share);
        disk.Fill(freeBytes);
        var failed = Run(PassKind.Incremental);

        output.WriteLine($"{freeBytes} of the {bytes} bytes the pass writes free: {disk.Refusals} writes refused; {failed.Status}: {failed.Summary.Error ?? failed.Summary.ToString()}");
        Assert.True(disk.Refusals > 0, "The disk never filled: nothing was tested.");
        Assert.Equal(PassStatus.Failed, failed.Status);
        Assert.Contains("could not write to the index", failed.Summary.Error, StringComparison.Ordinal);
        Assert.Contains("No space left on device", failed.Summary.Error, StringComparison.Ordinal);
        Assert.Contains($"({Seeds.Count} documents)", failed.Summary.Error, StringComparison.Ordinal);
        Assert.Equal(0, failed.Summary.Failed);
        var record = History.Recent(1)[0];
        Assert.Equal((PassStatus.Failed, failed.Summary.Error), (record.Status, record.Error));
        AssertSearchable(Seeds.Count, expectMarkers: false);
        Assert.Null(IndexHealth.CheckThoroughly(Layout));

        disk.Free();
        var next = Run(PassKind.Incremental);

        Assert.Equal(PassStatus.Completed, next.Status);
        Assert.Equal((3, Seeds.Count + 3), (next.Summary.New, next.Summary.Documents));
        AssertSearchable(Seeds.Count + 3, expectMarkers: true);
        Assert.Null(IndexHealth.CheckThoroughly(Layout));
    }

    private void PrepareSecondPass()
    {
        Seeds.CopyTo(SourceFolder);
        Assert.Equal(PassStatus.Completed, Run(PassKind.Incremental).Status);
        for (var i = 0; i < 3; i++)
        {
            File.WriteAllText(Path.Combine(SourceFolder, $"new-{i}.txt"), HostileFiles.Article($"diskfullmarker{i}"));
        }
    }

    [Fact]
    public void DiskFullDuringARebuild_KeepsReadersOnTheCurrentGeneration_AndDropsTheHalfBuiltOne()
    {
        Seeds.CopyTo(SourceFolder);
        Assert.Equal(PassStatus.Completed, Run(PassKind.Incremental).Status);

        disk.Fill(10_000);
        var failed = Run(PassKind.Rebuild);

        Assert.Equal(PassStatus.Failed, failed.Status);
        Assert.StartsWith("Rebuild failed: could not write to the index", failed.ToString(), StringComparison.Ordinal);
        Assert.Equal("gen-000001", Layout.CurrentGeneration);
        Assert.Equal(["gen-000001"], Layout.Generations);
        AssertSearchable(Seeds.Count, expectMarkers: false);

        disk.Free();
        var rebuilt = Run(PassKind.Rebuild);

        Assert.Equal((PassStatus.Completed, true), (rebuilt.Status, rebuilt.Switched));
        Assert.Equal(Layout.CurrentGeneration, rebuilt.Generation);
        AssertSearchable(Seeds.Count, expectMarkers: false);
    }

    private PassOutcome Run(PassKind kind)
    {
        var pipeline = new ArticlePipeline(new ArticleProcessor(), TimeProvider.System, NullLogger<ArticlePipeline>.Instance) { OpenDirectory = disk.Open };
        return new IndexPassRunner(pipeline, TimeProvider.System, NullLogger<IndexPassRunner>.Instance)
            .Run(kind, Target, "test", History, CancellationToken.None);
    }

    private void AssertSearchable(int documents, bool expectMarkers)
    {
        var open = ArticleSearcher.Open(Target.IndexRoot);
        using var searcher = open.Searcher;
        Assert.True(searcher is not null, open.Message);
        Assert.Equal(documents, searcher.DocumentCount);
        var calais = searcher.Search(new SearchRequest { Query = "Calais" });
        Assert.True(calais.Results is { Total: > 0 }, calais.QueryError);
        Assert.Equal(expectMarkers ? 1 : 0, searcher.Search(new SearchRequest { Query = "diskfullmarker1" }).Results!.Total);
    }
}
