using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Operations.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArticleIndexer.Operations.Tests.Passes;

/// <summary>Incremental passes and rebuilds over a temp copy of the seeds and a temp index root laid out in generations.</summary>
public sealed class IndexPassRunnerTests : IDisposable
{
    private const string Furniture = "Follow KentOnline on X";

    private readonly TempFolder temp = new();
    private readonly IndexTarget target;
    private readonly IndexLayout layout;
    private readonly PassHistory history;
    private readonly IndexPassRunner runner = new();

    public IndexPassRunnerTests()
    {
        Seeds.CopyTo(temp.Combine("seeds"));
        target = IndexTarget.Resolve(temp.Combine("seeds"), temp.Combine("index"), null);
        layout = new IndexLayout(target.IndexRoot);
        history = new PassHistory(target.DatabasePath);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void FirstIncrementalPass_CreatesTheFirstGeneration_AndMakesItCurrent()
    {
        var outcome = Run(PassKind.Incremental);

        Assert.Equal((PassKind.Incremental, PassStatus.Completed, "gen-000001", false), (outcome.Kind, outcome.Status, outcome.Generation, outcome.Switched));
        Assert.Equal((5, 5, 5), (outcome.Summary.Seen, outcome.Summary.New, outcome.Summary.Documents));
        Assert.Equal("gen-000001", layout.CurrentGeneration);
        Assert.Equal(["gen-000001"], layout.Generations);
        var record = Assert.Single(history.Recent(10));
        Assert.Equal((PassKind.Incremental, "test", PassStatus.Completed, "gen-000001", 5), (record.Kind, record.TriggeredBy, record.Status, record.Generation, record.Documents));
    }

    [Fact]
    public void Rebuild_SwitchesToAFreshGeneration_AndDeletesTheOldOne()
    {
        Run(PassKind.Incremental);

        var outcome = Run(PassKind.Rebuild);

        Assert.Equal((PassKind.Rebuild, PassStatus.Completed, "gen-000002", true), (outcome.Kind, outcome.Status, outcome.Generation, outcome.Switched));
        Assert.Equal((5, 5, 0), (outcome.Summary.Seen, outcome.Summary.New, outcome.Summary.Unchanged));
        Assert.Equal("gen-000002", layout.CurrentGeneration);
        Assert.Equal(["gen-000002"], layout.Generations);
        Assert.StartsWith("Rebuilt gen-000002: 5 files seen", outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuild_ResumesAPartialGenerationAboveTheCurrentOne_KeepingWhatItAlreadyHolds()
    {
        Run(PassKind.Incremental);
        // A rebuild into gen-000002 that stopped after two files.
        Seeds.CopyTo(temp.Combine("first-two"), count: 2);
        Assert.Null(new ArticlePipeline().Run(temp.Combine("first-two"), layout.PathOf("gen-000002")).Error);

        var outcome = Run(PassKind.Rebuild);

        Assert.Equal((PassStatus.Completed, "gen-000002", true), (outcome.Status, outcome.Generation, outcome.Switched));
        Assert.Equal((5, 3, 2, 5), (outcome.Summary.Seen, outcome.Summary.New, outcome.Summary.Unchanged, outcome.Summary.Documents));
        Assert.Equal("gen-000002", layout.CurrentGeneration);
        Assert.Equal(["gen-000002"], layout.Generations);
    }

    [Fact]
    public void Rebuild_ResumesOnlyTheNewestPartialGeneration_AndDeletesTheOthersAboveTheCurrentOne()
    {
        Run(PassKind.Incremental);
        Seeds.CopyTo(temp.Combine("first-two"), count: 2);
        new ArticlePipeline().Run(temp.Combine("first-two"), layout.PathOf("gen-000002"));
        new ArticlePipeline().Run(temp.Combine("first-two"), layout.PathOf("gen-000003"));

        var outcome = Run(PassKind.Rebuild);

        Assert.Equal(("gen-000003", 2), (outcome.Generation, outcome.Summary.Unchanged));
        Assert.Equal(["gen-000003"], layout.Generations);
    }

    [Fact]
    public void IncrementalPass_OnAV1Root_RebuildsItAsAGeneration_AndDeletesTheV1Files()
    {
        Assert.Null(new ArticlePipeline().Run(target.SourceFolder, target.IndexRoot).Error);
        Assert.True(layout.HasLegacyIndex);

        var outcome = Run(PassKind.Incremental);

        Assert.Equal((PassKind.Rebuild, PassStatus.Completed, "gen-000001", true), (outcome.Kind, outcome.Status, outcome.Generation, outcome.Switched));
        Assert.Equal("gen-000001", layout.CurrentGeneration);
        Assert.False(layout.HasLegacyIndex);
        Assert.DoesNotContain(
            Directory.GetFiles(layout.Root).Select(Path.GetFileName).OfType<string>(),
            name => name.StartsWith("segments", StringComparison.Ordinal) || name.StartsWith('_') || name is "write.lock" or ArticleIndexWriter.ProcessLockFile);
        Assert.Equal(PassKind.Rebuild, Assert.Single(history.Recent(10)).Kind);
        var opened = ArticleSearcher.Open(layout.Root);
        using var searcher = opened.Searcher;
        Assert.Equal(5, searcher?.DocumentCount);
    }

    [Fact]
    public void FailedRebuild_LeavesTheCurrentGenerationAlone_AndRemovesItsOwn()
    {
        Run(PassKind.Incremental);
        Directory.Delete(target.SourceFolder, recursive: true);

        var outcome = Run(PassKind.Rebuild);

        Assert.Equal((PassStatus.Failed, false), (outcome.Status, outcome.Switched));
        Assert.Contains("does not exist", outcome.Summary.Error, StringComparison.Ordinal);
        Assert.StartsWith("Rebuild failed: ", outcome.ToString(), StringComparison.Ordinal);
        Assert.Equal("gen-000001", layout.CurrentGeneration);
        Assert.Equal(["gen-000001"], layout.Generations);
        var record = history.Recent(1)[0];
        Assert.Equal((PassKind.Rebuild, PassStatus.Failed), (record.Kind, record.Status));
        Assert.Contains("does not exist", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedRebuild_KeepsThePartialGenerationItWasResuming()
    {
        Run(PassKind.Incremental);
        Seeds.CopyTo(temp.Combine("first-two"), count: 2);
        new ArticlePipeline().Run(temp.Combine("first-two"), layout.PathOf("gen-000002"));
        Directory.Delete(target.SourceFolder, recursive: true);

        var outcome = Run(PassKind.Rebuild);

        Assert.Equal(PassStatus.Failed, outcome.Status);
        Assert.Equal("gen-000001", layout.CurrentGeneration);
        Assert.Equal(["gen-000001", "gen-000002"], layout.Generations);
    }

    [Fact]
    public void IncrementalPass_DeletesGenerationsOlderThanTheCurrentOne_LeftByAFailedDelete()
    {
        Run(PassKind.Incremental);
        Run(PassKind.Rebuild);
        Directory.CreateDirectory(layout.PathOf("gen-000001"));

        var outcome = Run(PassKind.Incremental);

        Assert.Equal(("gen-000002", 5), (outcome.Generation, outcome.Summary.Unchanged));
        Assert.Equal(["gen-000002"], layout.Generations);
    }

    [Fact]
    public void Rebuild_StripsWithTheCurrentGenerationsLineRepeats_CopiedIntoTheNewGeneration()
    {
        WriteArticlesSharing(Furniture, 3);
        Run(PassKind.Incremental);
        var stripper = new RecordingStripper();
        var recording = new IndexPassRunner(stripper.Pipeline(), TimeProvider.System, NullLogger<IndexPassRunner>.Instance);

        var outcome = recording.Run(PassKind.Rebuild, target, "test", history, CancellationToken.None);

        Assert.Equal((PassStatus.Completed, "gen-000002", 8), (outcome.Status, outcome.Generation, outcome.Summary.New));
        Assert.Equal(8, stripper.Repeats.Count);
        Assert.All(stripper.Repeats, repeats => Assert.Equal((8, 3), (repeats.Articles, repeats.ArticlesContaining(Furniture))));
        var rebuilt = LineRepeatsFile.Load(layout.PathOf("gen-000002"));
        Assert.Equal((LineRepeatsFileState.Loaded, 8, 3), (rebuilt.State, rebuilt.Table.Articles, rebuilt.Table.ArticlesContaining(Furniture)));
    }

    [Fact]
    public void Rebuild_ThatResumes_KeepsTheLineRepeatsOfItsOwnGeneration()
    {
        WriteArticlesSharing(Furniture, 3);
        Run(PassKind.Incremental);
        Seeds.CopyTo(temp.Combine("first-two"), count: 2);
        new ArticlePipeline().Run(temp.Combine("first-two"), layout.PathOf("gen-000002"));
        var stripper = new RecordingStripper();
        var recording = new IndexPassRunner(stripper.Pipeline(), TimeProvider.System, NullLogger<IndexPassRunner>.Instance);

        var outcome = recording.Run(PassKind.Rebuild, target, "test", history, CancellationToken.None);

        Assert.Equal((PassStatus.Completed, "gen-000002", 6), (outcome.Status, outcome.Generation, outcome.Summary.New));
        Assert.All(stripper.Repeats, repeats => Assert.Equal((2, 0), (repeats.Articles, repeats.ArticlesContaining(Furniture))));
        Assert.Equal(8, LineRepeatsFile.Load(layout.PathOf("gen-000002")).Table.Articles);
    }

    [Fact]
    public void IncrementalPass_OnAV1Root_CarriesItsLineRepeats_AndDeletesTheRootCopy()
    {
        WriteArticlesSharing(Furniture, 2);
        new ArticlePipeline().Run(target.SourceFolder, target.IndexRoot);
        Assert.True(File.Exists(LineRepeatsFile.PathIn(layout.Root)));
        var stripper = new RecordingStripper();
        var recording = new IndexPassRunner(stripper.Pipeline(), TimeProvider.System, NullLogger<IndexPassRunner>.Instance);

        var outcome = recording.Run(PassKind.Incremental, target, "test", history, CancellationToken.None);

        Assert.Equal((PassKind.Rebuild, PassStatus.Completed), (outcome.Kind, outcome.Status));
        Assert.All(stripper.Repeats, repeats => Assert.Equal((7, 2), (repeats.Articles, repeats.ArticlesContaining(Furniture))));
        Assert.False(File.Exists(LineRepeatsFile.PathIn(layout.Root)));
        Assert.Equal(7, LineRepeatsFile.Load(layout.PathOf("gen-000001")).Table.Articles);
    }

    /// <summary>Adds <paramref name="count"/> short articles to the source folder, each ending with <paramref name="line"/>.</summary>
    private void WriteArticlesSharing(string line, int count)
    {
        string[] stories =
        [
            "The ferry port reopened on Friday after a long strike by workers at the harbour.",
            "Police said the operation would continue through the weekend and into next week.",
            "Officials declined to comment further on the arrangement with the French authorities.",
        ];
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(target.SourceFolder, $"local-{(char)('a' + i)}.txt"), $"{stories[i]}\n\n{line}\n");
        }
    }

    private PassOutcome Run(PassKind kind) => runner.Run(kind, target, "test", history, CancellationToken.None);
}
