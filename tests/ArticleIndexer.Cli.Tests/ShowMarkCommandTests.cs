using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class ShowMarkCommandTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public async Task Show_WithMark_MarksEachMentionWithItsKind()
    {
        var run = await index.RunAsync("show", Seeds.Flow003, "--mark");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("[[Britain|place]] and [[France|place]] were to announce a new", run.Output, StringComparison.Ordinal);
        Assert.Contains("British Home Secretary [[Theresa May|person]] and French Interior Minister [[Bernard Cazeneuve|person]]", run.Output, StringComparison.Ordinal);
        Assert.Contains("the [[Home Office|org]] said.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_WithoutMark_OnAPipe_LeavesTheTextUnmarked()
    {
        var run = await index.RunAsync("show", Seeds.Flow003);

        Assert.DoesNotContain("[[", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal);
        Assert.Contains("Britain and France were to announce a new", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_OnATerminal_ColoursMentionsByKind()
    {
        var run = await CliRun.InvokeAsync(["show", Seeds.Flow003, "--index", index.IndexPath], color: true);

        Assert.Contains("\u001b[36mTheresa May\u001b[0m", run.Output, StringComparison.Ordinal);
        Assert.Contains("\u001b[32mCalais\u001b[0m", run.Output, StringComparison.Ordinal);
        Assert.Contains("\u001b[35mHome Office\u001b[0m", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[[", run.Output, StringComparison.Ordinal);
    }
}
