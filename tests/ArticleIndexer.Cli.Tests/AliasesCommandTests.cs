using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

/// <summary>The alias file through the CLI: <c>articles aliases</c> checks it, a pass (<c>reindex</c>, in-process) applies it.</summary>
public sealed class AliasesCommandTests : IDisposable
{
    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    private string AliasFile => Path.Combine(temp.Index, "aliases.txt");

    [Fact]
    public async Task Aliases_WithoutAnIndex_SaysThereIsNoneYet()
    {
        var run = await CliRun.InvokeAsync(["aliases", "--index", temp.Index]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal($"{AliasFile}: no alias file (no directive); no index yet", run.Output.TrimEnd());
    }

    [Fact]
    public async Task Aliases_ReportsEachBadLineWithItsNumber_AndExitsWithTwo()
    {
        Directory.CreateDirectory(temp.Index);
        File.WriteAllText(AliasFile, "# places\nplace: United States = US | USA\nplace United Kingdom = UK\norg: EU != \n");

        var run = await CliRun.InvokeAsync(["aliases", "--index", temp.Index]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"{AliasFile}:3: expected 'KIND: NAME = OTHER", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{AliasFile}:4: a split needs a name on each side", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{AliasFile}: 2 directives;", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_AppliesAnEditedAliasFile_AndAliasesSaysWhenItIs()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRun.InvokeAsync(["reindex", "--source", temp.Seeds, "--index", temp.Index])).ExitCode);
        File.WriteAllText(AliasFile, "org: European Union = EU\n");

        var before = await CliRun.InvokeAsync(["aliases", "--index", temp.Index, "--json"]);
        await CliRun.InvokeAsync(["reindex", "--source", temp.Seeds, "--index", temp.Index]);
        var after = await CliRun.InvokeAsync(["aliases", "--index", temp.Index, "--json"]);
        var orgs = await CliRun.InvokeAsync(["orgs", "--index", temp.Index]);

        using (var json = before.Json())
        {
            Assert.False(json.RootElement.GetProperty("applied").GetBoolean());
        }

        using (var json = after.Json())
        {
            Assert.True(json.RootElement.GetProperty("applied").GetBoolean());
            Assert.Equal(1, json.RootElement.GetProperty("directives").GetInt32());
        }

        Assert.Matches(@"(?m)^\s+2  European Union  \(also EU\)$", orgs.Output);
    }
}
