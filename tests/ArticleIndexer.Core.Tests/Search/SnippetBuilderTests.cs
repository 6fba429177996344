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
}
