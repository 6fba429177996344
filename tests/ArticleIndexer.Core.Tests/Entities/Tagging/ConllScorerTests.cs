using ArticleIndexer.Core.Entities.Tagging;

namespace ArticleIndexer.Core.Tests.Entities.Tagging;

public class ConllScorerTests
{
    [Fact]
    public void Chunks_ReadsIob1AndIob2AsTheSameSpans()
    {
        string[] iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC"];
        string[] iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC"];

        Assert.Equal(ConllScorer.Chunks(iob2, [0]), ConllScorer.Chunks(iob1, [0]));
        Assert.Equal([new Chunk(0, 2, "PER"), new Chunk(2, 3, "PER"), new Chunk(4, 5, "LOC")], ConllScorer.Chunks(iob2, [0]));
    }

    [Fact]
    public void Chunks_NeverSpanASentenceBoundary()
    {
        Assert.Equal([new Chunk(0, 1, "ORG"), new Chunk(1, 2, "ORG")], ConllScorer.Chunks(["B-ORG", "I-ORG"], [0, 1]));
    }

    [Fact]
    public void Score_CountsExactSpansOnly_AsConlleval()
    {
        string[] gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"];
        string[] predicted = ["B-PER", "O", "O", "B-LOC", "O", "B-LOC"];

        var score = ConllScorer.Score(gold, predicted, new HashSet<int> { 0 });

        Assert.Equal((3, 3, 1), (score.Overall.Gold, score.Overall.Found, score.Overall.Correct));
        var loc = score.PerType.Single(t => t.Type == "LOC");
        Assert.Equal((50.0, 100.0), (loc.Precision, loc.Recall));
        Assert.Equal(200.0 / 3, loc.F1, 6);
        Assert.Equal(4.0 / 6 * 100, score.TokenAccuracy, 6);
    }

    [Fact]
    public void Score_WithTypes_CountsOnlyThoseTypes_OnBothSides()
    {
        var score = ConllScorer.Score(["B-PER", "B-ORG"], ["B-PER", "B-LOC"], new HashSet<int> { 0 }, new HashSet<string> { "PER" });

        Assert.Equal(["PER"], score.PerType.Select(t => t.Type));
        Assert.Equal(100, score.Overall.F1);
    }

    [Theory]
    [InlineData("a\n", 1)]
    [InlineData("a O\nb B_PER\n", 2)]
    public void TryParse_RefusesAMalformedLine_NamingItsNumber(string text, int line)
    {
        Assert.False(ConllCorpus.TryParse(text.Split('\n'), "f.conll", out _, out var error));
        Assert.StartsWith($"f.conll:{line}: ", error);
    }

    [Fact]
    public void TryParse_SplitsStoriesAtDocStart_AndSentencesAtBlankLines()
    {
        var lines = "-DOCSTART- -X- -X- O\n\nA B-PER\nb O\n\nC O\n-DOCSTART- -X- -X- O\n\nD B-LOC\n".Split('\n');

        Assert.True(ConllCorpus.TryParse(lines, "f", out var corpus, out _));

        Assert.Equal([2, 1], corpus.Documents.Select(d => d.Sentences.Count));
        Assert.Equal(4, corpus.TokenCount);
        Assert.Equal("-DOCSTART- -X- -X- O", corpus.Documents[1].Header);
    }
}
