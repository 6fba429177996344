using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Normalization;

public class TextNormalizerTests
{
    private readonly TextNormalizer normalizer = new();

    [Theory]
    [InlineData("a\r\nb\rc\n", "a\nb\nc\n")]
    [InlineData("too   many \t spaces  ", "too many spaces")]
    [InlineData("no\u00A0break\u2009thin", "no break thin")]
    [InlineData("bell\u0007 and\u0000 nul", "bell and nul")]
    [InlineData("zero\u200Bwidth soft\u00ADhyphen", "zerowidth softhyphen")]
    [InlineData("  indented\n   line  ", "indented\nline")]
    [InlineData("Cafe\u0301", "Café")]
    public void Normalize_MakesOneCanonicalForm(string input, string expected) =>
        Assert.Equal(expected, normalizer.Normalize(input).Text);

    [Theory]
    [InlineData("Itâ€™s", "It’s")]
    [InlineData("cafÃ©", "café")]
    [InlineData("Â£12 million", "£12 million")]
    [InlineData("â€œquotedâ€\u009D", "“quoted”")]
    [InlineData("dashâ€”here", "dash—here")]
    [InlineData("pet insurance doesnâ\u0080\u0099t have to be", "pet insurance doesn’t have to be")] // decoded as ISO-8859-1 (extraction-more 4912)
    [InlineData("a caf\u00C3\u00A9 and â\u0080\u009Cquotesâ\u0080\u009D", "a café and “quotes”")]
    public void Normalize_RepairsMojibake(string input, string expected)
    {
        var result = normalizer.Normalize(input);

        Assert.Equal(expected, result.Text);
        Assert.True(result.MojibakeRepairs > 0);
    }

    [Theory]
    [InlineData("voilà… déjà vu")]
    [InlineData("Ça va? À bientôt, Éric")]
    [InlineData("Straße, naïve, façade")]
    public void Normalize_LeavesRealAccentedTextAlone(string input)
    {
        var result = normalizer.Normalize(input);

        Assert.Equal(input, result.Text);
        Assert.Equal(0, result.MojibakeRepairs);
    }

    [Theory]
    [MemberData(nameof(Seeds.Ids), MemberType = typeof(Seeds))]
    public void Normalize_TwiceChangesNothing_OnEverySeed(string id)
    {
        var raw = File.ReadAllText(Seeds.File(id).FullPath);

        var once = normalizer.Normalize(raw).Text;
        var twice = normalizer.Normalize(once).Text;

        Assert.Equal(once, twice);
    }
}
