using ArticleIndexer.Core.Entities.Tagging;

namespace ArticleIndexer.Core.Tests.Entities.Tagging;

public class FeatureExtractorTests
{
    private readonly FeatureExtractor extractor = new(TaggerLexicon.Default);

    private static TaggerDocument Document(params string[][] sentences) => new(sentences);

    [Fact]
    public void Extract_GivesEveryTokenItsOwnFeatures_InOrder()
    {
        var document = Document(["Theresa", "May", "said"], ["It", "rained", "."]);

        var features = extractor.Extract(document, null);

        Assert.Equal(document.Tokens.Length + 1, features.Offsets.Length);
        Assert.All(Enumerable.Range(0, document.Tokens.Length), i => Assert.True(features.Of(i).Length >= 15));
        Assert.DoesNotContain(0u, features.Keys.ToArray());
    }

    [Fact]
    public void Extract_IsTheSame_ForTheSameDocument()
    {
        var document = Document(["Dover", "and", "Deal", "MP", "spoke", "."]);

        Assert.Equal(extractor.Extract(document, null).Keys.ToArray(), extractor.Extract(document, null).Keys.ToArray());
    }

    [Fact]
    public void Extract_ReadsCurlyQuotesAndDashesAsCoNllsAscii()
    {
        var curly = extractor.Extract(Document(["May", "’s", "plan", "—", "“", "now", "”"]), null);
        var ascii = extractor.Extract(Document(["May", "'s", "plan", "-", "\"", "now", "\""]), null);

        Assert.Equal(ascii.Keys, curly.Keys);
    }

    [Fact]
    public void Extract_SeesTheGazetteer_ACityDiffersFromAnUnknownWordOfTheSameShape()
    {
        var city = extractor.Extract(Document(["in", "Calais", "today"]), null).Of(1).ToArray();
        var unknown = extractor.Extract(Document(["in", "Qwzlkx", "today"]), null).Of(1).ToArray();

        Assert.True(city.Length > unknown.Length, "a gazetteer place has place features");
    }

    [Fact]
    public void Extract_DependsOnTheRestOfTheDocument_ForTheSecondPass()
    {
        var document = Document(["Peter", "Blackburn", "won", "."], ["Blackburn", "lost", "."]);
        var labels = new NerLabel[document.Tokens.Length];
        labels[0] = NerLabel.BPer;
        labels[1] = NerLabel.IPer;

        var withPerson = extractor.Extract(document, labels).Of(4).ToArray();
        var withNothing = extractor.Extract(document, new NerLabel[document.Tokens.Length]).Of(4).ToArray();

        Assert.NotEqual(withNothing, withPerson);
    }

    [Theory]
    [InlineData("O", NerLabel.O)]
    [InlineData("B-PER", NerLabel.BPer)]
    [InlineData("I-MISC", NerLabel.IMisc)]
    public void Labels_RoundTripThroughTheirTags(string tag, NerLabel label)
    {
        Assert.Equal(label, NerLabels.FromTag(tag));
        Assert.Equal(tag, label.ToTag());
    }
}
