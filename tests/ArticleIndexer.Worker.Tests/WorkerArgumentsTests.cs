namespace ArticleIndexer.Worker.Tests;

public sealed class WorkerArgumentsTests
{
    [Fact]
    public void TryParse_SetsNothing_WhenThereAreNoFlags()
    {
        Assert.True(WorkerArguments.TryParse([], out var arguments, out _));

        Assert.Equal(new WorkerArguments(), arguments);
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
        var arguments = new WorkerArguments { SourceFolder = "in", IndexFolder = "out", Once = true };

        Assert.Equal(
            [new("Indexer:SourceFolder", "in"), new("Indexer:IndexFolder", "out")],
            arguments.ToConfiguration().ToArray());
    }

    [Fact]
    public void Usage_NamesEveryFlag()
    {
        foreach (var flag in new[] { "--source DIR", "--index DIR", "--once", "--help" })
        {
            Assert.Contains(flag, WorkerArguments.Usage, StringComparison.Ordinal);
        }
    }
}
