using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Tests.Support;
using ArticleIndexer.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArticleIndexer.Core.Tests.Pipeline;

/// <summary>The line repeats a pass keeps with the index (<see cref="LineRepeatsFile"/>) and hands to the next pass.</summary>
public sealed class LineRepeatsPassTests : IDisposable
{
    private const string Furniture = "Follow KentOnline on X";

    private static readonly (string Title, string Story)[] Articles =
    [
        ("Ferry port reopens", "The ferry port reopened on Friday after a long strike by workers at the harbour."),
        ("Police operation goes on", "Police said the operation would continue through the weekend and into next week."),
        ("Officials stay silent", "Officials declined to comment further on the arrangement with the French authorities."),
        ("Council backs housing plan", "The council approved the new housing plan despite objections from residents nearby."),
        ("Dry spring worries farmers", "Farmers warned that the dry spring would cut the wheat harvest across the county."),
        ("Harbour wall repaired", "Engineers finished repairing the harbour wall before the autumn storms arrived."),
    ];

    private readonly TempFolder temp = new();
    private readonly string source;
    private readonly string index;
    private readonly ArticlePipeline pipeline = new();

    public LineRepeatsPassTests()
    {
        source = temp.Combine("source");
        index = temp.Combine("index");
        Directory.CreateDirectory(source);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_SavesTheTableWithTheIndex_CountingALineEveryArticleShares()
    {
        Write(0, 1, 2, 3);

        var summary = pipeline.Run(source, index);

        Assert.Equal(4, summary.New);
        var table = LoadTable();
        Assert.Equal((4, 4), (table.Articles, table.ArticlesContaining(Furniture)));
        Assert.Equal(0, table.ArticlesContaining(Articles[0].Story));
    }

    [Fact]
    public void Run_CountsOnlyWhatTheIndexHolds_AfterAFileIsDeletedOrLosesTheLine()
    {
        Write(0, 1, 2, 3);
        pipeline.Run(source, index);

        File.Delete(FileOf(0));
        pipeline.Run(source, index);
        var afterDelete = LoadTable();
        File.WriteAllText(FileOf(1), $"{Articles[1].Title}\n\n{Articles[1].Story}\n");
        pipeline.Run(source, index);
        var afterEdit = LoadTable();

        Assert.Equal((3, 3), (afterDelete.Articles, afterDelete.ArticlesContaining(Furniture)));
        Assert.Equal((3, 2), (afterEdit.Articles, afterEdit.ArticlesContaining(Furniture)));
    }

    [Fact]
    public void Run_LeavesTheTableUntouched_WhenNothingChanged()
    {
        Write(0, 1, 2);
        pipeline.Run(source, index);
        var path = LineRepeatsFile.PathIn(index);
        var bytes = File.ReadAllBytes(path);
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, longAgo);

        var summary = pipeline.Run(source, index);

        Assert.Equal(3, summary.Unchanged);
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(path));
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Run_WritesAMissingTable_EvenWhenNothingChanged()
    {
        Write(0, 1, 2);
        pipeline.Run(source, index);
        File.Delete(LineRepeatsFile.PathIn(index));

        var summary = pipeline.Run(source, index);

        Assert.Equal(3, summary.Unchanged);
        Assert.Equal(3, LoadTable().ArticlesContaining(Furniture));
    }

    [Fact]
    public void Run_StripsWithoutAnUnreadableTable_ThenReplacesIt()
    {
        var stripper = new RecordingStripper();
        var recording = new ArticlePipeline(stripper.Processor(), TimeProvider.System, NullLogger<ArticlePipeline>.Instance);
        Write(0, 1, 2);
        recording.Run(source, index);
        File.WriteAllText(LineRepeatsFile.PathIn(index), "<html>not a table</html>");
        Write(3);
        stripper.Repeats.Clear();

        var summary = recording.Run(source, index);

        Assert.Null(summary.Error);
        Assert.Equal((1, 3), (summary.New, summary.Unchanged));
        Assert.Same(LineRepeats.Empty, Assert.Single(stripper.Repeats));
        Assert.Equal((4, 4), (LoadTable().Articles, LoadTable().ArticlesContaining(Furniture)));
    }

    [Fact]
    public void Run_HandsTheTableOfThePreviousPass_ToTheStripper()
    {
        var stripper = new RecordingStripper();
        var recording = new ArticlePipeline(stripper.Processor(), TimeProvider.System, NullLogger<ArticlePipeline>.Instance);
        Write(0, 1, 2, 3);
        recording.Run(source, index);
        var firstPass = stripper.Repeats.ToList();
        Write(4);
        stripper.Repeats.Clear();

        recording.Run(source, index);

        Assert.All(firstPass, repeats => Assert.Equal(0, repeats.Articles));
        var secondPass = Assert.Single(stripper.Repeats);
        Assert.Equal((4, 4), (secondPass.Articles, secondPass.ArticlesContaining(Furniture)));
    }

    [Fact]
    public void Run_LeavesTheTable_WhenStopped_AndTheNextPassRebuildsItThoughNothingChanged()
    {
        Write(1, 2, 3);
        pipeline.Run(source, index);
        // "0-..." sorts first: the pass indexes it, then stops at the next file.
        File.WriteAllText(Path.Combine(source, "0-first.txt"), $"{Articles[0].Title}\n\n{Articles[0].Story}\n\n{Furniture}\n");
        using var stop = new CancellationTokenSource();
        var stripper = new RecordingStripper { OnStrip = stop.Cancel };
        var stopping = new ArticlePipeline(stripper.Processor(), TimeProvider.System, NullLogger<ArticlePipeline>.Instance);

        var stopped = stopping.Run(source, index, stop.Token);
        var afterStop = LoadTable();
        var next = pipeline.Run(source, index);

        Assert.Equal((true, 1), (stopped.Cancelled, stopped.New));
        Assert.Equal((3, 3), (afterStop.Articles, afterStop.ArticlesContaining(Furniture)));
        Assert.Equal((0, 4), (next.Indexed, next.Unchanged));
        Assert.Equal((4, 4), (LoadTable().Articles, LoadTable().ArticlesContaining(Furniture)));
    }

    private void Write(params int[] articles)
    {
        foreach (var i in articles)
        {
            File.WriteAllText(FileOf(i), $"{Articles[i].Title}\n\n{Articles[i].Story}\n\n{Furniture}\n");
        }
    }

    private string FileOf(int article) => Path.Combine(source, $"story-{(char)('a' + article)}.txt");

    private LineRepeats LoadTable()
    {
        var loaded = LineRepeatsFile.Load(index);
        Assert.Equal(LineRepeatsFileState.Loaded, loaded.State);
        return loaded.Table;
    }
}
