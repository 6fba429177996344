using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class ErrorAndHelpTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Theory]
    [InlineData("(calais")]
    [InlineData("title:")]
    [InlineData("calais AND")]
    public async Task Search_WithAMalformedQuery_ExitsWithTwoAndOneLineWithoutStackTrace(string query)
    {
        var run = await index.RunAsync("search", query);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("articles: Cannot parse the query", line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("search", "--bogus")]
    [InlineData("search", "calais", "--limit", "x")]
    [InlineData("search", "calais", "--limit", "0")]
    [InlineData("show")]
    [InlineData("show", "a", "b")]
    [InlineData("frobnicate")]
    [InlineData("people", "--limit")]
    [InlineData("status", "--limit", "0")]
    [InlineData("reindex", "--bogus")]
    [InlineData("reindex", "--full", "now")]
    [InlineData("schedule", "extra")]
    [InlineData("reindex", "--source")]
    [InlineData("clean")]
    [InlineData("clean", "seeds")]
    public async Task BadUsage_ExitsWithTwoAndOneLineOnStderr(params string[] args)
    {
        var run = await index.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("articles: ", line);
        Assert.Contains("--help", line);
    }

    [Fact]
    public async Task AnyCommand_OnAMissingIndexFolder_ExitsWithThree()
    {
        var missing = Path.Combine(index.Root, "not-there");

        var run = await index.RunAsync("search", "calais", "--index", missing);

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("articles: No index at", line);
    }

    [Theory]
    [InlineData("search", "calais")]
    [InlineData("show", Seeds.Flow003)]
    [InlineData("people")]
    [InlineData("stats")]
    public async Task AnyCommand_OnAnIndexWithNoArticle_ExitsWithThree(params string[] args)
    {
        var run = await index.RunAsync([.. args, "--index", index.EmptyIndexPath]);

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("holds no article", line);
    }

    [Fact]
    public async Task AnyCommand_OnAFolderWithoutIndexFiles_ExitsWithThree()
    {
        var folder = Path.Combine(index.Root, "just-a-folder");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "README.md"), "not an index");

        var run = await index.RunAsync("stats", "--index", folder);

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public async Task AnyCommand_OnAnIndexWithAGarbageCommitFile_ExitsWithThree()
    {
        var folder = Path.Combine(index.Root, "garbage-commit");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "segments_1"), "garbage");

        var run = await index.RunAsync("search", "calais", "--index", folder);

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("cannot be read", line);
    }

    [Fact]
    public async Task AnyCommand_OnAnIndexWithTruncatedSegmentFiles_ExitsWithThreeWithoutStackTrace()
    {
        var folder = Path.Combine(index.Root, "truncated");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(index.IndexPath))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var keep = Path.GetFileName(file).StartsWith("segments", StringComparison.Ordinal) ? bytes.Length : Math.Min(bytes.Length, 100);
            await File.WriteAllBytesAsync(Path.Combine(folder, Path.GetFileName(file)), bytes[..keep]);
        }

        var run = await index.RunAsync("search", "calais", "--index", folder);

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task AnUnexpectedError_IsOneLineOnStderr_AndExitCodeFour()
    {
        using var error = new StringWriter();
        var app = new CliApp(new BrokenWriter(), error);

        var code = await app.InvokeAsync(["search", "calais", "--index", index.IndexPath]);

        Assert.Equal(ExitCodes.UnexpectedError, code);
        Assert.Equal("articles: unexpected error: Broken pipe." + Environment.NewLine, error.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("search", "--help")]
    [InlineData("show", "-h")]
    [InlineData("people", "--help")]
    [InlineData("places", "--help")]
    [InlineData("orgs", "--help")]
    [InlineData("stats", "--help")]
    [InlineData("schedule", "--help")]
    [InlineData("reindex", "--help")]
    [InlineData("status", "--help")]
    [InlineData("clean", "--help")]
    [InlineData("completion", "--help")]
    public async Task Help_OfEveryCommand_GivesAnExampleAndTheExitCodes(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        Assert.Contains("Examples:\n  articles ", run.Output.ReplaceLineEndings("\n"));
        Assert.Contains("  3  no index, empty index or unreadable index", run.Output);
        Assert.Contains("  5  reindex: the index is busy", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Theory]
    [InlineData(false, null, "xterm", true)]
    [InlineData(true, null, "xterm", false)]
    [InlineData(false, "1", "xterm", false)]
    [InlineData(false, "", "xterm", true)]
    [InlineData(false, null, "dumb", false)]
    public void ShouldUseColor_OnlyForATerminalWithoutNoColor(bool redirected, string? noColor, string? term, bool expected) =>
        Assert.Equal(expected, CliApp.ShouldUseColor(redirected, noColor, term));

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("Broken pipe.");

        public override void Write(string? value) => throw new IOException("Broken pipe.");

        public override void WriteLine(string? value) => throw new IOException("Broken pipe.");
    }
}
