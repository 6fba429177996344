using ArticleIndexer.Cli.Tests.Support;
using ArticleIndexer.Operations.History;

namespace ArticleIndexer.Cli.Tests;

/// <summary>Two articles alike but for one word's form: the one with the form typed ranks first, either way round.</summary>
public sealed class ExactFormRankingTests : IDisposable
{
    private const string Text = """
        Harbour council meets on Tuesday

        The harbour council met on Tuesday evening to discuss the new ferry timetable and the repairs to the north pier.
        Members heard that the {0} waiting at the harbour gate would be moved to the old customs shed before winter.
        The chairman said the council would publish its decision next week, after a visit to the pier by engineers.
        Residents asked for better lighting on the promenade and for the public toilets to open earlier in summer.
        """;

    private readonly TempIndex temp = new();

    public ExactFormRankingTests()
    {
        File.WriteAllText(Path.Combine(temp.Seeds, "harbour-a.txt"), string.Format(Text, "traveller").ReplaceLineEndings("\n"));
        File.WriteAllText(Path.Combine(temp.Seeds, "harbour-b.txt"), string.Format(Text, "travellers").ReplaceLineEndings("\n"));
        Assert.Equal(PassStatus.Completed, temp.RunPass().Status);
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("traveller", "harbour-a", "harbour-b")]
    [InlineData("travellers", "harbour-b", "harbour-a")]
    [InlineData("harbour travellers", "harbour-b", "harbour-a")]
    public async Task Search_RanksTheExactFormTyped_AboveItsStemmedForms(string query, string first, string second)
    {
        var run = await temp.RunAsync("search", query, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal([first, second], run.JsonHitIds().Where(id => id.StartsWith("harbour-", StringComparison.Ordinal)));
    }
}
