using ArticleIndexer.Cli.Tests.Support;
using ArticleIndexer.Operations.History;

namespace ArticleIndexer.Cli.Tests;

/// <summary>Text files dated by what they say ("Published: 14 March 2016"): found by --from/--to, sorted by --sort date,
/// counted in the months facet and shown with where the date was read; a text file without a date stays undated. Its
/// byline's author is found by --author, counted in the authors facet, and shown with the role apart.</summary>
public sealed class TextMetadataCommandTests : IDisposable
{
    private const string March = """
        Flood barriers go up along the Medway

        By Jane Smith, Political Editor

        Published: 14 March 2016

        Workers began putting up flood barriers along the River Medway at Maidstone on Monday, officials said in a statement.

        The barriers will stay in place until the end of the month, the Environment Agency said.
        """;

    private const string July = """
        Ferry strike ends at the port of Calais

        Posted on July 3, 2015

        The strike that closed the port of Calais for two days ended on Friday, officials at the port said on Friday evening.

        Lorries queued for miles on the motorway into Kent, the police said.
        """;

    private const string Undated = """
        New lifeboat station opens at Dungeness

        A new lifeboat station opened at Dungeness on the Kent coast on Saturday, officials of the charity said to reporters.

        The crew have trained for a year, the charity said, and the boat is the fastest of its class.
        """;

    private readonly TempIndex temp = new();

    public TextMetadataCommandTests()
    {
        var texts = Path.Combine(temp.Seeds, "texts");
        Directory.CreateDirectory(texts);
        File.WriteAllText(Path.Combine(texts, "march.txt"), March);
        File.WriteAllText(Path.Combine(texts, "july.txt"), July);
        File.WriteAllText(Path.Combine(texts, "undated.txt"), Undated);
        Assert.Equal(PassStatus.Completed, temp.RunPass().Status);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Search_InTheMonthOfItsPublishedLine_FindsTheTextFile_AndCountsTheUndated()
    {
        var run = await temp.RunAsync("search", "officials", "--from", "2016-03-01", "--to", "2016-03-31", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(["texts/march"], run.JsonHitIds());
        using var json = run.Json();
        Assert.Equal("2016-03-14", json.RootElement.GetProperty("hits")[0].GetProperty("date").GetString());
        // The undated text file and the two seeds that say "officials" (no seed gives its date).
        Assert.Equal(3, json.RootElement.GetProperty("undated").GetInt32());
    }

    [Fact]
    public async Task Search_SortedByDate_PutsTheTextFilesInTheOrderOfTheirDates_AndTheUndatedLast()
    {
        var run = await temp.RunAsync("search", "officials", "--sort", "date", "--json");

        var ids = run.JsonHitIds();
        Assert.Equal(["texts/march", "texts/july"], ids.Take(2));
        Assert.Equal(5, ids.Count);
        var text = await temp.RunAsync("search", "officials", "--sort", "date");
        Assert.Contains("  2015-07-03", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Facets_CountTheDatedArticlesPerYearAndMonth_OldestFirst()
    {
        var run = await temp.RunAsync("search", "officials", "--json");

        using var json = run.Json();
        var facets = json.RootElement.GetProperty("facets");
        string Counts(string facet) => string.Join(", ", facets.GetProperty(facet).EnumerateArray()
            .Select(m => $"{m.GetProperty("name").GetString()} ({m.GetProperty("articles").GetInt32()})"));
        Assert.Equal("2015-07 (1), 2016-03 (1)", Counts("months"));
        Assert.Equal("2015 (1), 2016 (1)", Counts("years"));
        var text = await temp.RunAsync("search", "officials");
        Assert.Contains("months   2015-07 (1), 2016-03 (1)", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_GivesTheDate_WithTheLineAndRuleItWasReadFrom()
    {
        var run = await temp.RunAsync("show", "texts/march", "--json");

        using var json = run.Json();
        var metadata = json.RootElement.GetProperty("metadata");
        Assert.Equal("2016-03-14", metadata.GetProperty("published").GetString());
        Assert.StartsWith("line 5: ", metadata.GetProperty("publishedFrom").GetString(), StringComparison.Ordinal);
        var text = await temp.RunAsync("show", "texts/march");
        Assert.Contains("  date        2016-03-14  (line 5: ", text.Output, StringComparison.Ordinal);
        Assert.Contains("  by          Jane Smith (Political Editor)  (line 3: ", text.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jane Smith")]
    [InlineData("smith")]
    [InlineData("Jane")]
    public async Task Search_ByAuthor_FindsTheTextFileOfTheByline(string author)
    {
        var run = await temp.RunAsync("search", "--author", author, "--json");

        Assert.Equal(["texts/march"], run.JsonHitIds());
        using var json = run.Json();
        Assert.Equal("Jane Smith", json.RootElement.GetProperty("hits")[0].GetProperty("authors")[0].GetString());
        var authors = json.RootElement.GetProperty("facets").GetProperty("authors");
        Assert.Equal("Jane Smith", authors[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Search_ByAnotherAuthor_FindsNothing()
    {
        var run = await temp.RunAsync("search", "--author", "Political Editor");

        Assert.Equal(ExitCodes.NoResults, run.ExitCode);
    }

    [Fact]
    public async Task Show_GivesTheAuthor_WithTheRoleApart()
    {
        var run = await temp.RunAsync("show", "texts/march", "--json");

        using var json = run.Json();
        var metadata = json.RootElement.GetProperty("metadata");
        Assert.Equal(["Jane Smith"], metadata.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Political Editor", metadata.GetProperty("roles").GetProperty("Jane Smith").GetString());
    }

    [Fact]
    public async Task Show_OfAnUndatedTextFile_SaysNoDate()
    {
        var run = await temp.RunAsync("show", "texts/undated", "--json");

        using var json = run.Json();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("metadata").GetProperty("published").ValueKind);
    }
}
