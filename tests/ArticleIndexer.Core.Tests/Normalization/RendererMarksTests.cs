using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Tests.Normalization;

/// <summary>The marks text browsers and converters draw into a page's text (lines taken from w3m, lynx and html2text
/// dumps of extraction-dev pages), and the text no such tool made, which must come back as it was.</summary>
public class RendererMarksTests
{
    private readonly TextNormalizer normalizer = new();

    [Theory]
    [InlineData("     * Qualifications", "• Qualifications")] // lynx, first level
    [InlineData("          + Wellness Coalition", "• Wellness Coalition")] // lynx, second level
    [InlineData("               o Brett in beer and wine: Is the farmyard funk desirable or not?", "• Brett in beer and wine: Is the farmyard funk desirable or not?")]
    [InlineData("                # Senior_Finance_Guide", "• Senior_Finance_Guide")] // html2text, third level (no other html2text marks here)
    [InlineData("  • Coverage for preexisting conditions", "• Coverage for preexisting conditions")] // w3m
    [InlineData("      □ Our History", "• Our History")] // w3m, second level
    [InlineData("          ☆ Gym in Ewing, NJ", "• Gym in Ewing, NJ")] // w3m, third level
    public void Normalize_DrawsEveryToolsBullet_AsOne(string line, string expected)
    {
        Assert.Equal(expected, normalizer.Normalize(line).Text);
    }

    [Theory]
    [InlineData("o Brasil venceu a Copa.")] // a word at the left edge, not a bullet
    [InlineData("+ Follow")]
    [InlineData("# of users")]
    [InlineData("* indicates required")]
    public void Normalize_LeavesAWordAtTheLeftEdge_ThatOnlyLooksLikeABullet(string line)
    {
        Assert.Equal(line, normalizer.Normalize(line).Text);
    }

    [Fact]
    public void Normalize_TakesOutLynxsLinkNumbers_WhenTheTextEndsWithItsListOfLinks()
    {
        var dump = "   Learn more in our [1]Cookie Policy.\n   You can update your choices in your [2]settings.\n\n" +
                   "References\n\n   1. https://www.linkedin.com/legal/cookie-policy\n   2. https://www.linkedin.com/settings\n";

        var text = normalizer.Normalize(dump).Text;

        Assert.StartsWith("Learn more in our Cookie Policy.\nYou can update your choices in your settings.\n", text);
        Assert.Contains("1. https://www.linkedin.com/legal/cookie-policy", text); // the list is the stripper's to drop
    }

    [Fact]
    public void Normalize_KeepsBracketedNumbers_InATextWithoutLynxsList()
    {
        const string line = "The first study [1] and the second [2] agree.";

        Assert.Equal(line, normalizer.Normalize(line).Text);
    }

    [Theory]
    [InlineData("(BUTTON) Accept (BUTTON) Reject", "Accept Reject")] // lynx (extraction-dev 0003)
    [InlineData("   ____________________ (BUTTON) Search", "Search")]
    [InlineData("[IMG] Chef Andrew King", "Chef Andrew King")]
    [InlineData("[                    ]Search", "Search")] // w3m's text field
    [InlineData("[Unknown INPUT type]Sign up", "Sign up")] // html2text's e-mail field (in 397 of extraction-dev's 400 pages)
    [InlineData("[Image] Chef Andrew King", "Chef Andrew King")] // html2text's image without alt text
    [InlineData("[svg] Share on Facebook", "Share on Facebook")] // w3m's image without alt text, by its type
    [InlineData("Name: [ ] Remember me", "Name: [ ] Remember me")] // a checkbox stays: it is not a field to fill
    [InlineData("The form_field_name and __init__ stay.", "The form_field_name and __init__ stay.")]
    public void Normalize_TakesOutTheFormControlsATextBrowserDraws_AndKeepsTheirLabels(string line, string expected)
    {
        Assert.Equal(expected, normalizer.Normalize(line).Text);
    }

    [Fact]
    public void Normalize_KeepsTextLynxMarkedAsInserted()
    {
        Assert.Equal("Prices rose by 4% last year.", normalizer.Normalize("Prices rose by [INS: 4% :INS] last year.").Text);
    }

    [Fact]
    public void Normalize_TakesOutHtml2TextsMarks_InAText_Html2TextMade()
    {
        var dump = "***** Top Nutrition Trends for Fall 2025 *****\n" +
                   "SeniorLiving.org is supported by commissions.\nRead our Editorial_Guidelines\n" +
                   "**** Why Trust Us? ****\n    * Our_Top_Picks\n          o _How_It_Works\n" +
                   "See https://example.com/some_page_name for more.";

        var text = normalizer.Normalize(dump).Text;

        Assert.Equal(
            "Top Nutrition Trends for Fall 2025\nSeniorLiving.org is supported by commissions.\nRead our Editorial Guidelines\n" +
            "Why Trust Us?\n• Our Top Picks\n• How It Works\nSee https://example.com/some_page_name for more.", text);
    }

    [Fact]
    public void Normalize_KeepsUnderscoresInCode_InAText_Html2TextDidNotMake()
    {
        const string text = "Set MAX_SIZE and call read_all_lines() on the snake_case names; __init__ runs first.";

        Assert.Equal(text, normalizer.Normalize(text).Text);
    }

    [Fact]
    public void Remove_GivesTheSameString_WhenTheTextHasNoMarks()
    {
        const string text = "Paragraph one.\n\nParagraph two, with a [bracket] and a_b.";

        Assert.Same(text, RendererMarks.Remove(text));
    }

    [Fact]
    public void Normalize_TwiceChangesNothing_OnADumpWithEveryKindOfMark()
    {
        var dump = "***** Title *****\n**** Section ****\n   See our [1]policy and _Read_More_.\n     * [2]Home\n          + About\n\n" +
                   "References\n\n   1. https://example.com/policy\n   2. https://example.com/\n";

        var once = normalizer.Normalize(dump).Text;

        Assert.Equal(once, normalizer.Normalize(once).Text);
    }
}
