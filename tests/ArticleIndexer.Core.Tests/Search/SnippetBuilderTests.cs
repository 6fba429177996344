using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Search;

namespace ArticleIndexer.Core.Tests.Search;

public class SnippetBuilderTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = ArticleAnalyzers.Create();

    [Fact]
    public void Build_JoinsParagraphsWithOneSpace_AndKeepsMarksOnTheWords()
    {
        const string body = "The port closed.\n\nMigrants waited at the fences.";

        var snippet = SnippetBuilder.Build(Analyzer, ArticleFields.Body, body, new HashSet<string> { "migrant" });

        Assert.Equal("The port closed. [Migrants] waited at the fences.", snippet.Render("[", "]"));
    }

    [Fact]
    public void Build_CentresOnThePassageWithTheMostDistinctTerms()
    {
        var body = string.Join(" ", Enumerable.Repeat("Filler words about nothing in particular.", 20))
                   + " Dover and Calais agreed." + string.Join(" ", Enumerable.Repeat(" More filler text here.", 20));

        var snippet = SnippetBuilder.Build(Analyzer, ArticleFields.Body, body, new HashSet<string> { "dover", "calai" });

        Assert.StartsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.Contains("[Dover] and [Calais] agreed.", snippet.Render("[", "]"), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StartsAtTheBeginning_WhenNothingMatches()
    {
        var snippet = SnippetBuilder.Build(Analyzer, ArticleFields.Body, "Short body.", new HashSet<string>());

        Assert.Equal("Short body.", snippet.Text);
        Assert.Empty(snippet.Highlights);
    }

    [Fact]
    public void Build_AddsASecondPassage_InTextOrder_WhenMatchesLieFarApart()
    {
        var filler = string.Join(" ", Enumerable.Repeat("Filler words about nothing in particular.", 12));
        var body = "Dover closed its port. " + filler + " Later the ferries from Calais sailed again. " + filler;

        var snippet = SnippetBuilder.Build(Analyzer, ArticleFields.Body, body, new HashSet<string> { "dover", "calai" });

        var rendered = snippet.Render("[", "]");
        Assert.StartsWith("[Dover] closed its port.", rendered, StringComparison.Ordinal);
        Assert.Contains("ferries from [Calais] sailed again.", rendered, StringComparison.Ordinal);
        Assert.True(rendered.IndexOf("[Dover]", StringComparison.Ordinal) < rendered.IndexOf("[Calais]", StringComparison.Ordinal));
        Assert.Equal(["Dover", "Calais"], snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)));
        Assert.True(snippet.Text.Length <= (SnippetBuilder.Length * 2) + 4);
    }

    [Fact]
    public void Build_KeepsOnePassage_WhenEveryMatchFitsInIt()
    {
        var filler = string.Join(" ", Enumerable.Repeat("Filler words about nothing in particular.", 12));

        var snippet = SnippetBuilder.Build(Analyzer, ArticleFields.Body, filler + " Dover and Calais agreed. " + filler, new HashSet<string> { "dover", "calai" });

        Assert.DoesNotContain("… …", snippet.Text, StringComparison.Ordinal);
        Assert.Equal(2, snippet.Highlights.Count);
    }
}
