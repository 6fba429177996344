using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class ShowCommandTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public async Task Show_PrintsTheTitleFirst_ThenIdPathAndEncoding()
    {
        var run = await index.RunAsync("show", Seeds.Flow003);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Equal("France, Britain agree to stop migrant flow", lines[0]);
        Assert.Contains($"  id          {Seeds.Flow003}", lines);
        Assert.Contains($"  path        {Seeds.Flow003}.txt", lines);
        Assert.Contains(lines, l => l.StartsWith("  encoding    ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  indexed at  ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_WithStripped_ListsTheStrippedLinesWithTheirRules()
    {
        var run = await index.RunAsync("show", Seeds.Flow003, "--stripped");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"(?m)^  line \d+ \[ui-label\] ", run.Output);
        Assert.Matches(@"(?m)^  line \d+ \[advertisement\] Advertisement$", run.Output);
        Assert.Matches(@"(?m)^  line \d+ \[truncated-trailing-line\] ", run.Output);
    }

    [Fact]
    public async Task Show_WithoutStripped_GivesOnlyTheCountOfStrippedLines()
    {
        var run = await index.RunAsync("show", Seeds.Flow003);

        Assert.Matches(@"(?m)^Stripped lines \(\d+; list them with --stripped\)$", run.Output);
        Assert.DoesNotContain("[advertisement]", run.Output);
    }

    [Fact]
    public async Task Show_PrintsTheCleanedTextWithoutBoilerplate()
    {
        var run = await index.RunAsync("show", Seeds.Flow003);

        Assert.Contains("Britain and France were to announce a new", run.Output);
        Assert.DoesNotMatch(@"(?m)^Advertisement$", run.Output);
    }

    [Fact]
    public async Task Show_GroupsEntitiesByKindWithMentionCounts()
    {
        var run = await index.RunAsync("show", Seeds.Flow003);

        Assert.Matches(@"(?m)^Persons \(\d+\)$", run.Output);
        Assert.Matches(@"(?m)^Places \(\d+\)$", run.Output);
        Assert.Matches(@"(?m)^Organisations \(\d+\)$", run.Output);
        Assert.Matches(@"(?m)^  Theresa May \(\d+ mentions?", run.Output);
        Assert.Matches(@"(?m)^  Bernard Cazeneuve \(\d+ mentions?; also Cazeneuve", run.Output);
    }

    [Fact]
    public async Task Show_SaysWhichMentionsAreInPhotoCaptions()
    {
        var run = await index.RunAsync("show", Seeds.Command004);

        Assert.Contains("  Bernard Cazeneuve (2 mentions, 2 in photo captions; French Interior Minister)", run.Output, StringComparison.Ordinal);
        Assert.Contains("  Theresa May (3 mentions, 2 in photo captions; Home Secretary)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_AcceptsTheFileNameWithItsExtension()
    {
        var run = await index.RunAsync("show", Seeds.Flow003 + ".txt");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("France, Britain agree to stop migrant flow\n", run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Show_OfAnUnknownId_ExitsWithOneAndSaysSoOnOneLine()
    {
        var run = await index.RunAsync("show", "nope");

        Assert.Equal(ExitCodes.NoResults, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(["articles: no article with id 'nope' in the index."], run.ErrorLines);
    }

    [Fact]
    public async Task Show_WithJson_WritesTheStoredArticleWithStrippedLinesAndEntities()
    {
        var run = await index.RunAsync("show", Seeds.Flow003, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = run.Json();
        var article = json.RootElement;
        Assert.Equal(Seeds.Flow003, article.GetProperty("id").GetString());
        Assert.Equal("France, Britain agree to stop migrant flow", article.GetProperty("title").GetString());
        var rules = article.GetProperty("stripped").EnumerateArray().Select(l => l.GetProperty("rule").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "ui-label", "advertisement", "truncated-trailing-line" }, rules);
        var persons = article.GetProperty("entities").GetProperty("entities").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "person")
            .Select(e => e.GetProperty("canonical").GetString());
        Assert.Contains("Theresa May", persons);
    }
}
