using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class CleanProcessTests : IDisposable
{
    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task TheArticlesProgram_CleansAFolderWithRelativePaths_AndPrintsAJsonSummary()
    {
        await File.WriteAllBytesAsync(Path.Combine(temp.Seeds, "broken.txt"), [0x00, 0x01, 0x02, 0x00]);

        var (exitCode, stdout, stderr) = await Processes.ArticlesAsync(temp.Root, "clean", "seeds", "--out", "cleaned", "--json");

        Assert.True(exitCode == ExitCodes.Ok, $"exit code {exitCode}: {stderr}");
        Assert.Equal(string.Empty, stderr);
        using var json = CliJson.Parse(stdout);
        Assert.Equal(6, json.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("cleaned").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("skipped").GetInt32());
        var cleaned = Path.Combine(temp.Root, "cleaned");
        Assert.Equal(12, Directory.GetFiles(cleaned).Length);
        Assert.All(Seeds.All, id => Assert.True(new FileInfo(Path.Combine(cleaned, id + ".txt")).Length > 0));
    }

    [Fact]
    public async Task TheArticlesProgram_OnAMissingInput_ExitsWithTwo_AndOneLineWithoutStackTrace()
    {
        var (exitCode, stdout, stderr) = await Processes.ArticlesAsync(temp.Root, "clean", "seeds", "gone", "--out", "cleaned");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("articles: The input 'gone' does not exist", line);
        Assert.False(Directory.Exists(Path.Combine(temp.Root, "cleaned")));
    }
}
