using ArticleIndexer.Cli.Tests.Support;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Operations.History;

namespace ArticleIndexer.Cli.Tests;

/// <summary>
/// What the CLI says about bad input and a bad index: <c>status</c> lists the files not indexed, <c>reindex --failed</c>
/// retries them, <c>check</c> runs Lucene's CheckIndex and says how to rebuild, <c>show</c> finds articles whose file
/// names hold spaces, a newline or a leading dash, and no query or file ever gets a stack trace.
/// </summary>
public sealed class BadInputCommandTests : IDisposable
{
    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Status_ListsTheFilesNotIndexed_AndReindexFailedRetriesThem()
    {
        File.WriteAllBytes(Path.Combine(temp.Seeds, "photo.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        File.WriteAllText(Path.Combine(temp.Seeds, "furniture.txt"), "Share\nAdvertisement\n");
        Assert.Equal(ExitCodes.Ok, (await temp.RunAsync("reindex", "--source", temp.Seeds)).ExitCode);

        var status = await temp.RunAsync("status");
        var json = await temp.RunAsync("status", "--json");
        var again = await temp.RunAsync("reindex");
        var retried = await temp.RunAsync("reindex", "--failed");

        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        Assert.Contains("2 files not indexed", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"photo\.txt\s+binary\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+the file is a PNG image, not text", status.Output);
        Assert.Contains("furniture.txt  noBodyAfterStripping", status.Output, StringComparison.Ordinal);
        using (var document = json.Json())
        {
            var problems = document.RootElement.GetProperty("problems").EnumerateArray().ToList();
            Assert.Equal(["furniture.txt", "photo.txt"], problems.Select(p => p.GetProperty("path").GetString()));
            Assert.Equal(["noBodyAfterStripping", "binary"], problems.Select(p => p.GetProperty("reason").GetString()));
        }

        Assert.Contains("2 skipped, 0 failed, 2 unchanged problem files not retried", again.Output, StringComparison.Ordinal);
        Assert.Contains("2 skipped, 0 failed;", retried.Output, StringComparison.Ordinal);
        Assert.Equal([2, 2, 2], temp.History.Recent(3).Select(p => p.Skipped));
    }

    [Fact]
    public async Task Check_PassesASoundIndex_FindsDamage_WithHowToRebuild_AndPassesAgainAfterARebuild()
    {
        Assert.Equal(PassStatus.Completed, temp.RunPass().Status);

        var sound = await temp.RunAsync("check");

        Assert.Equal(ExitCodes.Ok, sound.ExitCode);
        Assert.Matches(@"gen-000001: no problem found in \d+ segments, 5 documents \(\d+\.\d\d s\)", sound.Output);

        var layout = new IndexLayout(temp.Index);
        var compound = Directory.GetFiles(layout.PathOf("gen-000001"), "*.cfs").OrderByDescending(f => new FileInfo(f).Length).First();
        using (var file = File.OpenWrite(compound))
        {
            file.Position = file.Length / 2;
            file.Write([0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00]);
        }

        var damaged = await temp.RunAsync("check");
        var json = await temp.RunAsync("check", "--json");
        var refused = await temp.RunAsync("reindex");

        Assert.Equal(ExitCodes.IndexUnavailable, damaged.ExitCode);
        Assert.Contains("is damaged", damaged.Error, StringComparison.Ordinal);
        Assert.Contains("--rebuild", damaged.Error, StringComparison.Ordinal);
        Assert.Contains("reindex --full", damaged.Error, StringComparison.Ordinal);
        Assert.Single(damaged.ErrorLines);
        Assert.DoesNotContain("   at ", damaged.Error, StringComparison.Ordinal);
        using (var document = json.Json())
        {
            Assert.False(document.RootElement.GetProperty("clean").GetBoolean());
        }

        Assert.Equal(ExitCodes.IndexUnavailable, refused.ExitCode);
        Assert.Contains("Not reindexing", refused.Error, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Ok, (await temp.RunAsync("reindex", "--full")).ExitCode);
        var rebuilt = await temp.RunAsync("check");

        Assert.Equal(ExitCodes.Ok, rebuilt.ExitCode);
        Assert.Contains("gen-000002: no problem found", rebuilt.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithoutAnIndex_SaysSo()
    {
        var run = await temp.RunAsync("check");

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
        Assert.Contains("no index yet", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_FindsArticlesWhoseNamesHoldSpacesANewlineOrALeadingDash()
    {
        foreach (var name in new[] { "with spaces é.txt", "new\nline.txt", "-leading-dash.txt" })
        {
            File.Copy(temp.Seed(Seeds.Dover000), Path.Combine(temp.Seeds, name));
        }

        Assert.Equal(PassStatus.Completed, temp.RunPass().Status);

        Assert.Equal(ExitCodes.Ok, (await temp.RunAsync("show", "with spaces é")).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await temp.RunAsync("show", "new\nline")).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await CliRun.InvokeAsync(["show", "--index", temp.Index, "--", "-leading-dash"])).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await temp.RunAsync("show", "-leading-dash")).ExitCode);
        var search = await temp.RunAsync("search", "Calais", "--limit", "50");
        Assert.Contains("new\\nline", search.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("(((((((((((((((((((((((((calais)))))))))))))))))))))))))")]
    [InlineData("*a*")]
    [InlineData("/[a/")]
    [InlineData("title:")]
    [InlineData("\u0001\u0002")]
    public async Task MalformedQuery_IsExitCode2_WithOneLine_NeverAStackTrace(string query)
    {
        Assert.Equal(PassStatus.Completed, temp.RunPass().Status);

        var run = await CliRun.InvokeAsync(["search", "--index", temp.Index, "--", query]);

        Assert.True(run.ExitCode is ExitCodes.UsageError or ExitCodes.NoResults, $"exit {run.ExitCode}: {run.Error}");
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.True(run.ErrorLines.Length <= 1, run.Error);
    }
}
