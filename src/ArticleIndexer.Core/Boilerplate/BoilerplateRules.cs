using System.Text.RegularExpressions;

namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// The line rules of <see cref="LineBoilerplateStripper"/>: their names (shown by <c>articles show --stripped</c> and
/// stored in the index) and the patterns behind them.
/// </summary>
public static partial class BoilerplateRules
{
    /// <summary>A lone widget label: "Share", "Tweet", "Print", "Comments".</summary>
    public const string UiLabel = "ui-label";

    /// <summary>An advertising marker: "Advertisement", "Sponsored", "Story continues below advertisement".</summary>
    public const string Advertisement = "advertisement";

    /// <summary>A site cross-link: "More on KentOnline", "More from BBC News".</summary>
    public const string MoreOn = "more-on";

    /// <summary>A photo caption ending in its credit ("... Credit: Reuters"), or a line that is only a credit.</summary>
    public const string PhotoCredit = "photo-credit";

    /// <summary>A paywall or subscription cue: "You've reached your limit", "Subscribe now", "Already subscribed? Log in".</summary>
    public const string Paywall = "paywall";

    /// <summary>A line of the offer that follows a paywall cue (plans, prices, perks), up to the next line of prose.</summary>
    public const string PaywallBlock = "paywall-block";

    /// <summary>An unrendered template placeholder such as <c>{{free_limit}}</c>.</summary>
    public const string Template = "template";

    /// <summary>A short line that is only a price or a period: "₹900", "3 Months", "₹300/Month".</summary>
    public const string PriceOrCounter = "price-or-counter";

    /// <summary>The last line stops mid-sentence (a caption cut off by the scraper): "Migrants wait in a migrant camp called".</summary>
    public const string TruncatedTrailingLine = "truncated-trailing-line";

    private static readonly HashSet<string> UiLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "share this", "share this article", "share this story", "share article", "share on facebook",
        "share on twitter", "share on whatsapp", "share via email", "tweet", "email", "e-mail", "print", "print this",
        "comments", "comment", "save", "save article", "copy link", "link copied", "follow", "follow us", "read more",
        "listen", "listen to this article", "show comments", "view comments", "facebook", "twitter", "whatsapp",
        "linkedin", "reddit", "pinterest", "close", "menu", "home", "back to top", "gift this article",
    };

    private static readonly HashSet<string> AdvertisementLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "advertisement", "advertising", "advert", "ad", "ads", "sponsored", "sponsored content", "promoted",
        "paid content", "paid post", "story continues below advertisement", "article continues below advertisement",
        "advertisement - scroll to continue", "scroll to continue with content", "skip advertisement",
        "continue reading below", "continue reading the main story", "supported by",
    };

    /// <summary>The label with trailing punctuation and counts removed: "Share:" and "Comments (12)" become "share", "comments".</summary>
    internal static string Label(string line) => LabelNoise().Replace(line, string.Empty).Trim();

    /// <summary>
    /// The caption of a <see cref="PhotoCredit"/> line without its credit ("Theresa May at Calais." from
    /// "Theresa May at Calais. Credit: Reuters"); null for other lines or a bare credit.
    /// The caption is not article text, but the people and places in the photo are what the article is about.
    /// </summary>
    public static string? Caption(StrippedLine line)
    {
        if (line.Rule != PhotoCredit)
        {
            return null;
        }

        var credit = CreditTail().Match(line.Text);
        var caption = line.Text[..(credit.Index + (credit.Value.Length - credit.Value.TrimStart('.', '!', '?', '"', '”', '’', ')', ']').Length))].Trim();
        return caption.Length == 0 ? null : caption;
    }

    internal static bool IsUiLabel(string line) => line.Length <= 40 && UiLabels.Contains(Label(line));

    internal static bool IsAdvertisement(string line) => line.Length <= 60 && AdvertisementLabels.Contains(Label(line));

    [GeneratedRegex(@"^(?:More|More stories|Read more|More news|More articles|Most read) (?:on|from|at) \S[^.!?]{0,60}$", RegexOptions.IgnoreCase)]
    internal static partial Regex MoreOnLine();

    // "... centre. Credit: Reuters", "Photo: AFP / Getty Images", "Image credit: ITV News".
    [GeneratedRegex(@"(?:^|[.!?""”’)\]]\s+|\s[-–—|]\s)(?:Photo|Photograph|Picture|Image|Pic)?\s*(?:Credits?|Courtesy|Photo|Photograph|Picture|Image)\s*:\s*[\p{L}\p{N}&'’/.,\- ]{1,60}$", RegexOptions.IgnoreCase)]
    internal static partial Regex CreditTail();

    [GeneratedRegex(@"reached (?:your|the) (?:limit|maximum)|free (?:articles?|stories) (?:left|remaining|this month)|\bsubscribe (?:now|today|to (?:read|continue|unlock|get)|for (?:unlimited|full|just|only))|already (?:a )?(?:subscribed|subscriber|a member|have an account)\??\s*(?:log|sign) ?in|subscription plans|to continue reading,? (?:please )?(?:subscribe|log in|sign in|register)|(?:log|sign) in to (?:continue|read)|this (?:article|story|content) is (?:for|available to|exclusive to) (?:subscribers|members)|become a (?:subscriber|member) (?:to|for)|unlock (?:this|full) (?:article|story)", RegexOptions.IgnoreCase)]
    internal static partial Regex PaywallCue();

    [GeneratedRegex(@"\{\{[^{}]*\}\}|\{%[^{}]*%\}|\$\{[A-Za-z_][\w.]*\}")]
    internal static partial Regex TemplatePlaceholder();

    [GeneratedRegex(@"^(?:\p{Sc}\s?\d[\d.,]*(?:\s?(?:/|per\s)\s?\w+)?|\d[\d.,]*\s?\p{Sc}(?:\s?(?:/|per\s)\s?\w+)?|\d{1,3}\s(?:days?|weeks?|months?|years?)|(?:per|a|/)\s?(?:day|week|month|year))$", RegexOptions.IgnoreCase)]
    internal static partial Regex PriceOrCounterLine();

    [GeneratedRegex(@"[\s:]*\(\d+\)$|[\s:|»›>•]+$")]
    private static partial Regex LabelNoise();
}
