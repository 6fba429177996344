namespace ArticleIndexer.Worker.Tests;

public sealed class WorkerArgumentsTests
{
    [Fact]
    public void TryParse_SetsNothing_WhenThereAreNoFlags()
    {
        Assert.True(WorkerArguments.TryParse([], out var arguments, out _));

        Assert.False(arguments.Once || arguments.Rebuild || arguments.Help);
        Assert.Empty(arguments.Settings);
        Assert.Empty(arguments.ToConfiguration());
    }

    [Theory]
    [InlineData("--source", "in", "--index", "out")]
    [InlineData("--source=in", "--index=out")]
    [InlineData("--index", "out", "--source", "in")]
    [InlineData("--source", "elsewhere", "--index=out", "--source", "in")]
    public void TryParse_ReadsBothFolders_InEitherSpellingAndOrder(params string[] args)
    {
        Assert.True(WorkerArguments.TryParse(args, out var arguments, out _));

        Assert.Equal("in", arguments.SourceFolder);
        Assert.Equal("out", arguments.IndexFolder);
        Assert.False(arguments.Once);
    }

    [Fact]
    public void TryParse_SetsOnceAndHelp()
    {
        Assert.True(WorkerArguments.TryParse(["--once", "--help"], out var arguments, out _));

        Assert.True(arguments.Once);
        Assert.True(arguments.Help);
        Assert.True(WorkerArguments.TryParse(["-h"], out var shortHelp, out _));
        Assert.True(shortHelp.Help);
    }

    [Theory]
    [InlineData("--bogus", "unknown flag '--bogus'")]
    [InlineData("-x", "unknown flag '-x'")]
    [InlineData("--once=yes", "--once takes no value")]
    [InlineData("--source", "--source needs a folder, as in --source DIR")]
    [InlineData("--index=", "--index needs a folder, as in --index DIR")]
    [InlineData("seeds", "unexpected argument 'seeds' (folders are given with --source and --index)")]
    public void TryParse_RejectsBadInput_WithAOneLineReason(string arg, string expected)
    {
        Assert.False(WorkerArguments.TryParse([arg], out var arguments, out var error));

        Assert.Null(arguments);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_RejectsAFolderFlag_WhenTheNextArgumentIsAnotherFlag()
    {
        Assert.False(WorkerArguments.TryParse(["--source", "--once"], out _, out var error));

        Assert.Equal("--source needs a folder, as in --source DIR", error);
    }

    [Fact]
    public void ToConfiguration_MapsTheFoldersOntoTheIndexerSection()
    {
        Assert.True(WorkerArguments.TryParse(["--source", "in", "--index=out", "--rebuild-schedule", "0 0 4 ? * SAT", "--database", "w.db", "--time-zone", "UTC", "--incremental-schedule", "0 0 * * * ?"], out var arguments, out _));

        Assert.Equal(
            [new("Indexer:SourceFolder", "in"), new("Indexer:IndexFolder", "out"), new("Indexer:RebuildSchedule", "0 0 4 ? * SAT"),
             new("Indexer:Database", "w.db"), new("Indexer:TimeZone", "UTC"), new("Indexer:IncrementalSchedule", "0 0 * * * ?")],
            arguments.ToConfiguration().ToArray());
    }

    [Fact]
    public void TryParse_RefusesOnceWithRebuild()
    {
        Assert.True(WorkerArguments.TryParse(["--rebuild"], out var rebuild, out _));
        Assert.True(rebuild.Rebuild);

        Assert.False(WorkerArguments.TryParse(["--once", "--rebuild"], out _, out var error));

        Assert.StartsWith("--once and --rebuild cannot be combined", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_NamesEveryFlag()
    {
        foreach (var flag in new[] { "--source DIR", "--index DIR", "--once", "--rebuild", "--incremental-schedule CRON", "--rebuild-schedule CRON", "--time-zone ID", "--database FILE", "--help" })
        {
            Assert.Contains(flag, WorkerArguments.Usage, StringComparison.Ordinal);
        }
    }
}
