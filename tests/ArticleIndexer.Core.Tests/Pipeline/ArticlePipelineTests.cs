using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Pipeline;

public class ArticlePipelineTests
{
    private readonly ArticlePipeline pipeline = new();

    [Fact]
    public void Run_IndexesEverySeed_ThenFindsNothingToDo()
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();

        var first = pipeline.Run(source, temp.Combine("index"));
        var second = pipeline.Run(source, temp.Combine("index"));

        Assert.Null(first.Error);
        Assert.Equal((5, 5, 0, 0), (first.Seen, first.New, first.Changed, first.Skipped));
        Assert.Equal((5, 0, 5, 5), (second.Seen, second.Indexed, second.Unchanged, second.Documents));
        Assert.StartsWith("5 files seen, 5 indexed (5 new, 0 changed), 0 unchanged, 0 deleted, 0 skipped, 0 failed; 5 documents", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ReindexesOnlyTheEditedFile_AndRemovesTheDeletedOne()
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();
        var index = temp.Combine("index");
        pipeline.Run(source, index);

        File.AppendAllText(Path.Combine(source, Seeds.Kent + ".txt"), "\nThe minister visited Folkestone on Monday to inspect the new fences.");
        var edited = pipeline.Run(source, index);
        File.Delete(Path.Combine(source, Seeds.Itv + ".txt"));
        var deleted = pipeline.Run(source, index);

        Assert.Equal((1, 4, 0), (edited.Changed, edited.Unchanged, edited.New));
        Assert.Equal((1, 4, 4), (deleted.Deleted, deleted.Unchanged, deleted.Documents));
        using var searcher = ArticleSearcher.Open(index).Searcher!;
        Assert.Equal(1, searcher.Search(new SearchRequest { Query = "Folkestone" }).Results!.Total);
        Assert.Null(searcher.Get(Seeds.Itv));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void Run_MergesAnIndexOfManySegments_DownToMaxSegments(int maxSegments)
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();

        // A commit after every change leaves one segment per article unless the pass merges them.
        var merged = new ArticlePipeline { CommitEvery = 1, MaxSegments = maxSegments }.Run(source, temp.Combine("merged"));
        new ArticlePipeline { CommitEvery = 1, MaxSegments = 0 }.Run(source, temp.Combine("unmerged"));

        Assert.Equal(5, merged.Documents);
        Assert.Equal(maxSegments, Segments(temp.Combine("merged")));
        Assert.True(Segments(temp.Combine("unmerged")) > maxSegments);
        using var searcher = ArticleSearcher.Open(temp.Combine("merged")).Searcher!;
        Assert.Equal(5, searcher.DocumentCount);
    }

    [Fact]
    public void Run_WithNothingChanged_DoesNotMerge()
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();
        var index = temp.Combine("index");
        new ArticlePipeline { CommitEvery = 1, MaxSegments = 0 }.Run(source, index);
        var before = Segments(index);

        var unchanged = new ArticlePipeline { MaxSegments = 1 }.Run(source, index);

        Assert.Equal(5, unchanged.Unchanged);
        Assert.True(before > 1);
        Assert.Equal(before, Segments(index));
    }

    [Fact]
    public void Run_InParallel_LeavesTheIndexAndTheSummaryOfAOneThreadPass()
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();
        // More files than the threads keep in flight, with skips, a duplicate and notes among them.
        foreach (var copy in Enumerable.Range(1, 6))
        {
            var folder = Directory.CreateDirectory(Path.Combine(source, $"copy{copy}")).FullName;
            foreach (var seed in Directory.GetFiles(source, "*.txt"))
            {
                File.WriteAllText(Path.Combine(folder, Path.GetFileName(seed)), File.ReadAllText(seed) + $"\nCopy {copy} was filed by the night desk on Monday.");
            }
        }

        File.WriteAllBytes(Path.Combine(source, "copy3", "empty.txt"), []);
        File.WriteAllText(Path.Combine(source, "copy4", "junk.txt"), "Share\n\nAdvertisement\n");
        File.Copy(Path.Combine(source, Seeds.Kent + ".txt"), Path.Combine(source, "copy5", "same.txt"));
        File.WriteAllBytes(Path.Combine(source, "copy6", "latin1.txt"), [.. "Le pr"u8, 0xE9, .. "fet de Calais a parl\u00e9 aux migrants devant la gare ce matin."u8]);

        var one = new ArticlePipeline { Parallelism = 1 }.Run(source, temp.Combine("one"));
        var four = new ArticlePipeline { Parallelism = 4 }.Run(source, temp.Combine("four"));

        Assert.Equal((39, 37, 2), (one.Seen, one.Indexed, one.Skipped));
        Assert.Equal((one.Seen, one.New, one.Skipped, one.Failed, one.Documents), (four.Seen, four.New, four.Skipped, four.Failed, four.Documents));
        Assert.Equal(one.Problems, four.Problems);
        Assert.Equal(one.Notes, four.Notes);
        Assert.NotEmpty(one.Notes);
        using var first = ArticleSearcher.Open(temp.Combine("one")).Searcher!;
        using var second = ArticleSearcher.Open(temp.Combine("four")).Searcher!;
        var compared = 0;
        foreach (var file in Directory.GetFiles(source, "*.txt", SearchOption.AllDirectories))
        {
            var id = Path.GetRelativePath(source, file)[..^4].Replace('\\', '/');
            var (a, b) = (first.Get(id), second.Get(id));
            Assert.Equal(a is null, b is null);
            if (a is not null)
            {
                Assert.Equal((a.Title, a.Body, a.ContentHash), (b!.Title, b.Body, b.ContentHash));
                Assert.Equal(a.Entities.Mentions, b.Entities.Mentions);
                compared++;
            }
        }

        Assert.Equal(37, compared);
    }

    [Fact]
    public void Run_TakesAFileWithItsSizeAndWriteTime_ForUnchanged_WithoutReadingIt()
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();
        var index = temp.Combine("index");
        pipeline.Run(source, index);
        var kent = Path.Combine(source, Seeds.Kent + ".txt");
        var itv = Path.Combine(source, Seeds.Itv + ".txt");
        var written = File.GetLastWriteTimeUtc(kent);

        // Same size, same write time, other bytes: not read, so not seen as changed (as rsync and make decide).
        var text = File.ReadAllText(kent);
        File.WriteAllText(kent, text.Replace("Kent", "KENT", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(kent, written);
        // Same bytes, a new write time: read, found unchanged by its hash.
        File.SetLastWriteTimeUtc(itv, File.GetLastWriteTimeUtc(itv).AddMinutes(1));
        var quiet = pipeline.Run(source, index);
        // Same size, a new write time, other bytes: read and re-indexed.
        File.SetLastWriteTimeUtc(kent, written.AddMinutes(1));
        var touched = pipeline.Run(source, index);

        Assert.Equal((0, 5), (quiet.Changed, quiet.Unchanged));
        Assert.Equal((1, 4), (touched.Changed, touched.Unchanged));
        using var searcher = ArticleSearcher.Open(index).Searcher!;
        Assert.Contains("KENT", searcher.Get(Seeds.Kent)!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SkipsFilesWithoutAnArticle_AndGoesOn()
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();
        File.WriteAllBytes(Path.Combine(source, "empty.txt"), []);
        File.WriteAllText(Path.Combine(source, "junk.txt"), "Share\n\nAdvertisement\n");
        File.WriteAllBytes(Path.Combine(source, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]);

        var summary = pipeline.Run(source, temp.Combine("index"));

        Assert.Equal((8, 5, 3), (summary.Seen, summary.Indexed, summary.Skipped));
        Assert.Equal(["Empty", "Binary", "NoBodyAfterStripping"], summary.Problems.OrderBy(p => p.Path).Select(p => p.Reason));
    }

    [Fact]
    public void Run_FailsCleanly_WhenTheSourceFolderIsMissing_AndDeletesNothing()
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();
        var index = temp.Combine("index");
        pipeline.Run(source, index);

        var summary = pipeline.Run(temp.Combine("unmounted"), index);

        Assert.Contains("does not exist", summary.Error, StringComparison.Ordinal);
        Assert.StartsWith("Pass failed:", summary.ToString(), StringComparison.Ordinal);
        using var searcher = ArticleSearcher.Open(index).Searcher!;
        Assert.Equal(5, searcher.DocumentCount);
    }

    [Fact]
    public void Run_SaysSo_WhenAnotherPassHoldsTheIndex()
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();
        var index = temp.Combine("index");
        using var holder = ArticleIndexer.Core.Indexing.ArticleIndexWriter.Open(index);

        var summary = pipeline.Run(source, index);

        Assert.Contains("another pass is writing", summary.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StopsAtAFileBoundary_WhenCancelled_AndDeletesNothing()
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();
        var index = temp.Combine("index");
        pipeline.Run(source, index);
        File.Delete(Path.Combine(source, Seeds.Kent + ".txt"));

        var summary = pipeline.Run(source, index, new CancellationToken(canceled: true));

        Assert.True(summary.Cancelled);
        Assert.Equal((0, 0), (summary.Seen, summary.Deleted));
        Assert.Equal(5, summary.Documents);
    }

    [Fact]
    public void Run_RecordsThePassInTheCommit()
    {
        using var temp = new TempFolder();
        var index = temp.Combine("index");

        var summary = pipeline.Run(temp.CopySeeds(), index);

        using var searcher = ArticleSearcher.Open(index).Searcher!;
        var lastPass = searcher.Stats().LastPass;
        Assert.Equal(summary.PassId, lastPass["pass_id"]);
        Assert.Equal("5", lastPass["new"]);
        Assert.Equal(ArticleProcessor.Version, lastPass["pipeline"]);
    }

    private static int Segments(string index)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(index);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        return reader.Leaves.Count;
    }
}
