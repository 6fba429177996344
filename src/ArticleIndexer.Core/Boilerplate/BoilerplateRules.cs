using System.Text.RegularExpressions;
using ArticleIndexer.Core.Normalization;

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

    /// <summary>A cookie or consent notice: "We use cookies to improve your experience", "Accept all".</summary>
    public const string CookieNotice = "cookie-notice";

    /// <summary>A newsletter or sign-up offer: "Sign up for our newsletter", "Enter your email address".</summary>
    public const string Newsletter = "newsletter";

    /// <summary>An invitation to follow the site elsewhere: "Follow us on Instagram", "Visit us on Facebook".</summary>
    public const string SocialFollow = "social-follow";

    /// <summary>A copyright or legal footer line: "© 2025 Scratch Culinary. All rights reserved."</summary>
    public const string Copyright = "copyright";

    /// <summary>A byline or reviewer line: "By Rick Steves", "Reviewed by: Brian Stormont, CFP®".</summary>
    public const string Byline = "byline";

    /// <summary>A line that is only a date, a time, a reading time or a view count: "Updated on July 9, 2025", "5 min read".</summary>
    public const string Dateline = "dateline";

    /// <summary>A comment counter or prompt: "11 comments", "No Comments", "Leave a comment".</summary>
    public const string CommentCount = "comment-count";

    /// <summary>Navigation: "Skip to content", breadcrumbs and menus joined by separators ("Home | News | Sport").</summary>
    public const string Navigation = "navigation";

    /// <summary>A form field or form instruction: "Email Address *", "* indicates required".</summary>
    public const string FormField = "form-field";

    /// <summary>A teaser for another story, cut off with an ellipsis: "THE SALVATION ARMY continued its ... December 1...".</summary>
    public const string Teaser = "teaser";

    /// <summary>A cue that the article has ended and related links, comments or an author box follow: "Related articles", "Leave a Reply".</summary>
    public const string EndCue = "end-cue";

    /// <summary>A line after an <see cref="EndCue"/> when less prose follows the cue than came before it.</summary>
    public const string AfterEndCue = "after-end-cue";

    /// <summary>A pointer to another page: "See also: A Brief History of Photography", "&gt;&gt; Check Out: Best PoE Cameras".</summary>
    public const string CrossLink = "cross-link";

    /// <summary>A button label: "Learn more", "Get started", "Create Free Profile".</summary>
    public const string CallToActionRule = "call-to-action";

    /// <summary>A note about the author: "Jorge Jimenez is a writer at Housecall Pro, where ...".</summary>
    public const string AuthorBioRule = "author-bio";

    /// <summary>An affiliate, sponsorship or editorial disclosure: "Purchases made through our links may earn us a commission."</summary>
    public const string Disclosure = "disclosure";

    /// <summary>Text whose words are glued together, as a scraper leaves table cells and widgets:
    /// "Obsidian is Freemium and ProprietaryNotion is also Freemium". No reader reads it as a sentence.</summary>
    public const string GluedText = "glued-text";

    /// <summary>A legal or medical disclaimer near the end: "This article is for informational purposes only".</summary>
    public const string Disclaimer = "disclaimer";

    /// <summary>A note about the writer in the last lines: "Karina Cohen is the owner of CR Maids ...".</summary>
    public const string TailBio = "author-note";

    /// <summary>A bibliographic reference in the last lines: "Prentice J, Dobson K. A review of ... 2013;54(4)".</summary>
    public const string Reference = "reference";

    /// <summary>Prose in a block of its own, far from the article's text and much smaller: a footer's "About us",
    /// a cookie explanation, a list of teasers.</summary>
    public const string SeparateBlock = "separate-block";

    /// <summary>A line found in many articles of the archive (a site's furniture); see <see cref="LineRepeats"/>.</summary>
    public const string Repeated = "repeated";

    /// <summary>A line that is not prose (a menu entry, a label, a date) above the article's first paragraph, and not its heading.</summary>
    public const string BeforeArticle = "before-article";

    /// <summary>A line that is not prose below the article's last paragraph: footer links, tags, widgets.</summary>
    public const string AfterArticle = "after-article";

    /// <summary>The list of link addresses a text browser appends to a page ("References", then "12.
    /// https://www.example.com/page"; "Visible links:", "Hidden links:"), as <c>lynx -dump</c> writes it.</summary>
    public const string LinkList = "link-list";

    /// <summary>A paragraph of at least <see cref="CopyMinWords"/> words the text already kept: the article shown twice
    /// (a print and a screen version, a hidden copy), a pull quote repeating a sentence. Decided after the model.</summary>
    public const string Copy = "copy";

    /// <summary>See <see cref="Copy"/>: shorter lines ("Read more", a date, a name) repeat in articles.</summary>
    internal const int CopyMinWords = 8;

    /// <summary>The page model (over a web page's blocks and their markup) judged the line not to be article text.</summary>
    public const string PageModel = "page-model";

    /// <summary>The line model (<see cref="BoostedTrees"/>) judged the line not to be article text.</summary>
    public const string LineModel = "line-model";

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
    internal static string Label(string line)
    {
        var end = line.Length;
        var open = line.EndsWith(')') ? line.LastIndexOf('(') : -1;
        if (open >= 0 && open < end - 2 && line.AsSpan(open + 1, end - open - 2).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            // A count in brackets: "Comments (12)", "Share: (3)".
            end = open;
            while (end > 0 && line[end - 1] is ' ' or ':')
            {
                end--;
            }
        }
        else
        {
            // Trailing separators: "Share:", "Menu »".
            while (end > 0 && line[end - 1] is ' ' or ':' or '|' or '»' or '›' or '>' or '•')
            {
                end--;
            }
        }

        return line[..end].Trim();
    }

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

    /// <summary>The rule that drops <paramref name="line"/> wherever it stands, or null when no line rule applies.</summary>
    internal static string? Classify(string line, LineFeatures features)
    {
        if (TemplatePlaceholder().IsMatch(line))
        {
            return Template;
        }

        if (line.Length <= 60)
        {
            var label = Label(line);
            if (AdvertisementLabels.Contains(label))
            {
                return Advertisement;
            }

            if (line.Length <= 40 && UiLabels.Contains(label))
            {
                return UiLabel;
            }
        }

        if (MoreOnLine().IsMatch(line))
        {
            return MoreOn;
        }

        if (MayEndInCredit(line) && CreditTail().IsMatch(line))
        {
            return PhotoCredit;
        }

        if (line.Length <= 30 && (features.Digits > 0 || features.Words <= 2) && PriceOrCounterLine().IsMatch(line))
        {
            return PriceOrCounter;
        }

        if (line.Length <= 40 && LoadingLine().IsMatch(line))
        {
            return UiLabel;
        }

        if (features.Words <= 30 && CrossLinkLine().IsMatch(line))
        {
            return CrossLink;
        }

        if (features.Words <= 6 && CallToAction().IsMatch(line))
        {
            return CallToActionRule;
        }

        if (features.Words <= 12 && SocialCue().IsMatch(line))
        {
            return SocialFollow;
        }

        if (features.Words is >= 6 and <= 90 && AuthorBio().IsMatch(line))
        {
            return AuthorBioRule;
        }

        if (features.Words <= 90 && ContainsAny(line, DisclosureWords) && DisclosureCue().IsMatch(line))
        {
            return Disclosure;
        }

        if (IsGlued(line, features))
        {
            return GluedText;
        }

        var words = features.Words;
        if (words <= 40 && ContainsAny(line, CookieWords) && CookieCue().IsMatch(line))
        {
            return CookieNotice;
        }

        if (words <= 30 && ContainsAny(line, NewsletterWords) && NewsletterCue().IsMatch(line))
        {
            return Newsletter;
        }

        if (words <= 30 && ContainsAny(line, CopyrightWords) && CopyrightCue().IsMatch(line))
        {
            return Copyright;
        }

        if (words <= 12 && char.IsLetter(line[0]) && !features.EndsSentence && BylineLine().IsMatch(line))
        {
            return Byline;
        }

        if (words <= 6 && CommentLine().IsMatch(line))
        {
            return CommentCount;
        }

        if (words <= 12 && FormLine().IsMatch(line))
        {
            return FormField;
        }

        if (features.Words <= 5 && SkipLink().IsMatch(line))
        {
            return Navigation;
        }

        if (line[0] is >= '0' and <= '9' or 'V' or 'H' && LinkListLine().IsMatch(line))
        {
            return LinkList;
        }

        return null;
    }

    /// <summary>True for the heading of a text browser's list of links ("References"), which
    /// <see cref="LinkList"/> lines follow.</summary>
    internal static bool IsLinkListHeading(string line) => line == RendererMarks.LinkListHeading;

    /// <summary>True for line rules whose lines are never article text, so the line model does not keep them: a
    /// caption ending in its credit (of at most <see cref="SureCaptionWords"/> words: a longer line is a paragraph a
    /// wrap joined to a caption, and the model judges it), an advertising marker, a widget label, a cookie notice, a
    /// template placeholder, a text browser's list of links.</summary>
    internal static bool IsSure(string? rule, LineFeatures features) =>
        rule is Advertisement or UiLabel or CookieNotice or Template or LinkList
        || (rule is PhotoCredit && features.Words <= SureCaptionWords);

    /// <summary>See <see cref="IsSure"/>.</summary>
    internal const int SureCaptionWords = 30;

    /// <summary>True for rules that drop furniture found inside articles (a caption, an "Advertisement" label, a link
    /// to another story), as opposed to the page's own furniture (menus, footers, notices) that surrounds them.</summary>
    internal static bool IsInline(string? rule) => rule is PhotoCredit or Advertisement or UiLabel or CrossLink or Teaser
        or CallToActionRule or MoreOn or Template or PriceOrCounter or Repeated or GluedText;

    /// <summary>
    /// The reason to give a line that is not prose when its place drops it (above the first or below the last
    /// paragraph), or null. Unlike <see cref="Classify"/> these shapes also occur inside articles: a table of dates,
    /// a command line with slashes, a price list. So they never drop a line on their own.
    /// </summary>
    internal static string? SoftRule(string line, LineFeatures features)
    {
        if (features.Words <= 10 && (features.Digits > 0 || features.Words <= 2) && DateLine().IsMatch(line))
        {
            return Dateline;
        }

        if (IsNavigation(line, features))
        {
            return Navigation;
        }

        if (line.Length <= 30 && (features.Digits > 0 || features.Letters == 0) && (BarePrice().IsMatch(line) || RatingLine().IsMatch(line)))
        {
            return PriceOrCounter;
        }

        return null;
    }

    /// <summary>
    /// The rule for a line among the last lines of the file (the tail, where sites put the author's note, the
    /// disclaimer and the references), or null. These are prose, so they are only judged there.
    /// </summary>
    internal static string? TailRule(string line, LineFeatures features)
    {
        if (features.Words <= 120 && DisclaimerCue().IsMatch(line))
        {
            return Disclaimer;
        }

        if (features.Words is >= 8 and <= 150 && TailBioLine().IsMatch(line))
        {
            return TailBio;
        }

        if (features.Words <= 80 && ReferenceLine().IsMatch(line))
        {
            return Reference;
        }

        return null;
    }

    // Words glued at a case change ("ProprietaryNotion", "Cost$17,747"), three times or more and in one word of
    // seven: camel-case names ("iPhone", "McDonald") stay below that.
    private static bool IsGlued(string line, LineFeatures features)
    {
        var glued = 0;
        for (var i = 1; i < line.Length; i++)
        {
            if (char.IsUpper(line[i]) && (char.IsLower(line[i - 1]) || char.IsDigit(line[i - 1]) || line[i - 1] is '%' or ')'))
            {
                glued++;
            }
        }

        return glued >= 3 && glued * 7 >= features.Words;
    }

    /// <summary>True when <paramref name="line"/> could be a story teaser: eight words or more cut off with an ellipsis.
    /// One such line is a sentence trailing off; two close together are a list of other stories.</summary>
    internal static bool IsTeaserLike(string line, LineFeatures features) =>
        features.Words >= 8 && line.Length > 3
        && ((line.EndsWith("...", StringComparison.Ordinal) && char.IsLetter(line[^4])) || (line[^1] == '…' && char.IsLetter(line[^2])));

    /// <summary>True when <paramref name="line"/> may hold a paywall cue: the regular expression runs only then.</summary>
    internal static bool IsPaywallCue(string line) => ContainsAny(line, PaywallWords) && PaywallCue().IsMatch(line);

    // The expressions below are tried on every line; these words, one of which each match must contain, keep the
    // cost of a line of prose to a few vectorised searches (see the Strip benchmark).
    private static readonly string[] PaywallWords = ["subscri", "reached", "free ", "already", " in to", "continue reading", "unlock", "exclusive", "available to", "members", "become a"];
    private static readonly string[] DisclosureWords = ["affiliate", "commission", "compensation", "promotion", "disclosure", "editor", "independently", "sponsored", "produced", "developed", "paid for", "created", "branded", "comments are closed", "exclusive to", "follow", "through"];
    private static readonly string[] CookieWords = ["cookie", "consent", "privacy", "continuing to"];
    private static readonly string[] NewsletterWords = ["newsletter", "sign up", "subscribe", "mail", "inbox", "join"];
    private static readonly string[] CopyrightWords = ["©", "(c)", "copyright", "rights reserved", "terms of", "privacy policy"];
    private static readonly string[] AgencyWords = ["getty", "shutterstock", "istock", "alamy", "afp", "ap photo", "reuters", "pa media", "pa wire", "epa", "unsplash", "pexels", "pixabay", "adobe stock", "bloomberg"];

    private static bool ContainsAny(string line, string[] words)
    {
        foreach (var word in words)
        {
            if (line.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A credit needs a colon, a ©, a "by", "via", "courtesy" or an agency's name near the end of the line.
    private static bool MayEndInCredit(string line)
    {
        var tail = line.Length <= 80 ? line : line[^80..];
        return tail.Contains(':') || tail.Contains('©') || tail.Contains(" by", StringComparison.OrdinalIgnoreCase)
            || tail.Contains(" via", StringComparison.OrdinalIgnoreCase)
            || tail.Contains("courtesy", StringComparison.OrdinalIgnoreCase) || ContainsAny(tail, AgencyWords);
    }

    /// <summary>True when <paramref name="line"/> announces the end of the article: a short label such as "Related articles".</summary>
    internal static bool IsEndCue(string line, LineFeatures features) =>
        features.Words is > 0 and <= 8 && !features.EndsSentence && EndCueLine().IsMatch(line);

    // "Skip to content", "Home » News » Politics", "About | Contact | Privacy".
    private static bool IsNavigation(string line, LineFeatures features)
    {
        return features.Separators >= 2 && !features.EndsSentence && features.Words <= 4 * (features.Separators + 1)
            && features.StopWordDensity < 0.3 && SeparatedItems().IsMatch(line);
    }


    [GeneratedRegex(@"^(?:More|More stories|Read more|More news|More articles|Most read) (?:on|from|at) \S[^.!?]{0,60}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex MoreOnLine();

    // "... centre. Credit: Reuters", "Photo: AFP / Getty Images", "Image credit: ITV News".
    [GeneratedRegex(@"(?:^|[.!?""”’)\]]\s+|\s[-–—|;]\s|;\s)\(?(?:(?:(?:Photo(?:graph)?s?|Picture|Image|Pic|Illustration|Video|Main image|Top image)(?: (?:credit|courtesy|source))?|Credits?|Courtesy|Image source|Photo source)\s*[:©]|(?:Photo(?:graph)?s?|Picture|Image|Pic|Illustration|Video)(?: credit)? (?:by|courtesy of|via)\s*:?|Courtesy of)\s*['‘""“]?[\p{L}\p{N}&'’/.,\-@ ]{1,60}['’""”]?\)?\.?$|(?:^|[.!?""”’)\]]\s+|\s[-–—|;/]\s)(?:\(|\[)?(?:Getty Images|Getty|Shutterstock|iStock(?:photo)?|Alamy|AFP|AP Photo|Reuters|PA Media|PA Wire|EPA|Unsplash|Pexels|Pixabay|Adobe Stock|Bloomberg)(?:\s?(?:/|via)\s?[\p{L} .]{1,30})?(?:\)|\])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex CreditTail();

    [GeneratedRegex(@"reached (?:your|the) (?:limit|maximum)|free (?:articles?|stories) (?:left|remaining|this month)|\bsubscribe (?:now|today|to (?:read|continue|unlock|get)|for (?:unlimited|full|just|only))|already (?:a )?(?:subscribed|subscriber|a member|have an account)\??\s*(?:log|sign) ?in|subscription plans|to continue reading,? (?:please )?(?:subscribe|log in|sign in|register)|(?:log|sign) in to (?:continue|read)|this (?:article|story|content) is (?:for|available to|exclusive to) (?:subscribers|members)|become a (?:subscriber|member) (?:to|for)|unlock (?:this|full) (?:article|story)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PaywallCue();

    [GeneratedRegex(@"\{\{[^{}]*\}\}|\{%[^{}]*%\}|\$\{[A-Za-z_][\w.]*\}", RegexOptions.CultureInvariant)]
    internal static partial Regex TemplatePlaceholder();

    [GeneratedRegex(@"^(?:\p{Sc}\s?\d[\d.,]*\s?(?:/|per\s|a\s)\s?(?:day|week|month|mo|year|yr|annum)|\d[\d.,]*\s?\p{Sc}\s?(?:/|per\s|a\s)\s?(?:day|week|month|mo|year|yr|annum)|\d{1,3}\s(?:days?|weeks?|months?|years?)|(?:per|a|/)\s?(?:day|week|month|year))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PriceOrCounterLine();

    [GeneratedRegex(@"^(?:\p{Sc}\s?\d[\d.,]*|\d[\d.,]*\s?\p{Sc})$", RegexOptions.CultureInvariant)]
    private static partial Regex BarePrice();

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)?\s*(?:/|out of)\s*(?:5|10|100)(?:\s*stars?)?|\d+(?:\.\d+)?\s*stars?|[★☆✩✪⭐]+|\d+(?:\.\d+)?%|\d+(?:[.,]\d+)?k?\s*(?:ratings?|reviews?|votes?))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RatingLine();

    [GeneratedRegex(@"^loading(?: [\w_\-]+)?(?:\.\.\.|…)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoadingLine();

    [GeneratedRegex(@"^(?:>>?\s*|»\s*|→\s*)?(?:see also|read also|also read|read more|read next|related|related article|related story|related reading|more|check out|compare|recommended|recommended reading|don['’]t miss|must read|further reading|also see|suggested reading|you might also like|you may also like|watch|listen|previously)\s*:|^(?:>>|»|→)\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrossLinkLine();

    [GeneratedRegex(@"^(?:learn more|read more|find out more|shop now|buy now|order now|book now|get started|get started (?:now|today|free)|start (?:free|now|today|your free trial)|try (?:it )?(?:for )?free|free trial|sign up(?: now| today| free| for free)?|subscribe(?: now| today| here)?|donate(?: now| today| here)?|contact us|get (?:a|your) (?:free )?(?:quote|demo|copy|estimate)|request a (?:free )?(?:demo|quote|consultation)|download (?:now|the app|our app)|create (?:a )?free (?:account|profile)|join (?:now|today|for free|free)|view (?:all|more|details|deal|offer|profile)|see (?:all|more|details|deal|price|prices|plans)|check (?:price|prices|availability)|click here|get the app|get the deal|see deal|view deal|shop the story)[.!]?\s*(?:→|›|»|>)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallToAction();

    [GeneratedRegex(@"^(?:about the author:?\s*)?(?:[\p{Lu}][\p{L}.'’\-]+(?: [\p{Lu}][\p{L}.'’\-]*){0,3}),? (?:is|was|has been|serves as|works as) (?:a|an|the|our)\s(?:[\p{L}\-]+,? ){0,5}(?:writer|editor|journalist|reporter|contributor|author|analyst|correspondent|columnist|photographer|blogger|freelancer|content (?:writer|creator|strategist|manager)|copywriter)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorBio();

    [GeneratedRegex(@"\b(?:contains?|uses?|may contain|includes?|use) (?:some )?affiliate links\b|\bthrough (?:our|these|the|links on this) (?:\w+ )?links?,? (?:we|I) (?:may )?(?:earn|receive|get)|\bearns? (?:us )?(?:a )?(?:small )?commission|\bmay (?:receive|earn) (?:financial )?(?:compensation|a commission)|\bpaid promotion\b|\badvertiser disclosure\b|\b(?:editorial|editor['’]s) (?:note|disclosure|independence)\s*:|\bindependently (?:selected|chosen) by (?:our )?editors\b|\bproducts are chosen independently\b|\b(?:this|the) (?:article|story|post|content) (?:was|is) (?:sponsored|produced|developed|paid for|created) (?:by|in partnership|with)|\bbranded content team\b|\bcomments are closed\b|\bexclusive to [\p{L}+]+ (?:subscribers|members)\b|\bfollow (?:me|us) on (?:facebook|twitter|x|instagram|pinterest|linkedin|youtube|tiktok)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisclosureCue();

    [GeneratedRegex(@"^(?:disclaimer|legal disclaimer|medical disclaimer|important information|important disclosures?)\s*:|\bfor (?:general )?(?:informational|educational|information) purposes only\b|\bnot (?:a substitute for|intended (?:as|to be|to provide)) (?:professional |personalized )?(?:medical|legal|financial|tax|investment)? ?advice\b|\bdoes not (?:provide|constitute) (?:tax, legal|legal|financial|investment|medical) (?:or \w+ )?advice\b|\b(?:is|are) subject to (?:\w+ ){0,2}risks?\b|\bpast performance (?:is|does) not\b|\bregistered investment advis[eo]r\b|\bmay be edited after it\b|\bviews expressed\b.{0,80}\b(?:their own|author['’]?s? own|do not (?:necessarily )?reflect)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisclaimerCue();

    [GeneratedRegex(@"^(?:about the author:?\s*)?[\p{Lu}][\p{L}.'’\-]+(?: [\p{Lu}][\p{L}.'’\-]*){0,3},? (?:(?:is|was|has been) (?:a|an|the|our)\b.{0,80}\b(?:writer|editor|journalist|reporter|contributor|author|analyst|correspondent|columnist|photographer|blogger|freelancer|founder|co-founder|owner|director|CEO|CTO|president|advis[eo]r|expert|specialist|consultant|strategist|researcher|professor|student|intern|coach|editor-in-chief)|has (?:written|been writing|covered)|holds (?:a|an) (?:\w+ ){0,3}(?:degree|MBA|PhD|master|bachelor)|writes (?:about|for)|joined (?:the )?[\p{Lu}])", RegexOptions.CultureInvariant)]
    private static partial Regex TailBioLine();

    [GeneratedRegex(@"^(?:\[?\d{1,3}[.\])]\s+)?(?:[\p{Lu}][\p{L}'’\-]+,? (?:[\p{Lu}]\.?){1,3},? ){2,}|\bdoi:\s?10\.|https?://doi\.org/|\bretrieved (?:from|on)\b|^\d{1,3}\.\s.{5,200}\((?:\d{4}|n\.d\.)\)\.", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceLine();

    [GeneratedRegex(@"\b(?:we use cookies|this (?:web)?site uses cookies|uses cookies to|accept (?:all )?cookies|cookie (?:settings|preferences|policy)|by continuing to (?:use|browse)|manage (?:your )?consent|we value your privacy)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CookieCue();

    [GeneratedRegex(@"(?:^(?:sign up|subscribe) (?:for|to) (?:the|our|my)|\b(?:sign up|subscribe) (?:for|to) (?:our|my)) (?:\w+ ){0,2}(?:newsletters?|emails?|mailing list|channel|podcast)|\b(?:join (?:our|the) (?:\w+ )?(?:newsletter|mailing list)|(?:enter|your) e-?mail(?: address)? (?:here|below|to)|delivered (?:straight )?to your inbox|get (?:the latest|our best).{0,40}(?:inbox|email)|newsletter sign[ -]?up|^newsletter$|^sign up(?: now| today)?[.!]?$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewsletterCue();

    [GeneratedRegex(@"^(?:follow|like|visit|find|join|connect with) (?:us|me|\w+) on (?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|pinterest|threads|bluesky|mastodon|whatsapp|telegram|social media)\b|^(?:follow|like|visit|find) (?:us|me)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialCue();

    [GeneratedRegex(@"©\s*(?:\d{4}|[\p{Lu}])|\(c\) ?(?:19|20)\d\d|\bcopyright (?:©|\(c\)|(?:19|20)\d\d)|all rights reserved|\bterms of (?:service|use)\b.*\bprivacy\b|\bprivacy policy\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightCue();

    [GeneratedRegex(@"^(?i:by|written by|reviewed by|edited by|fact[- ]checked by|medically reviewed by|posted by|author|authored by|words by|reporting by|story by)\b\s*:?\s*[\p{Lu}][\p{L}.'’\-]*(?:,? (?:and |& )?[\p{Lu}][\p{L}.'’\-]*){0,5}(?:, [\p{L}®.]+(?: [\p{L}®.]+){0,3})?$|^(?i:by|written by|reviewed by|edited by|fact[- ]checked by|posted by)$", RegexOptions.CultureInvariant)]
    private static partial Regex BylineLine();

    [GeneratedRegex(@"^(?:(?:last |originally )?(?:updated|published|posted|modified|reviewed|edited)(?: on| at)?:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4})(?:\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{2,4})?)?(?:\s*[|•·,-]?\s*\d+\s*min(?:ute)?s?(?: read)?)?$|^\d{1,2}[:.]\d{2}\s*(?:am|pm)?$|^(?:reading time:?\s*)?\d+\s*min(?:ute)?s?(?: read| to read)?$|^[\d,.]+k?\s+(?:views|reads|shares|likes)$|^(?:updated|published|posted):?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(?:\d+\s*comments?|comments?\s*\(?\d+\)?|no comments?(?: yet)?|leave a (?:comment|reply)|add (?:a )?comment|post a comment|be the first to comment|\d+\s*(?:replies|responses))[.!:]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentLine();

    [GeneratedRegex(@"^(?:[\p{L} ]{2,30}\s?\*|\*\s*(?:indicates|denotes) (?:a )?required(?: fields?)?|this field is (?:for validation purposes|hidden when viewing the form|required).*|required fields are marked.*|(?:first|last|full) name|e-?mail(?: address)?|phone(?: number)?|submit|search(?: for)?:?|search \.\.\.|type (?:and press enter|your search).*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormLine();

    [GeneratedRegex(@"^(?:skip to (?:main )?(?:content|navigation|main|footer)|jump to (?:navigation|content|recipe)|toggle (?:navigation|menu)|open menu|close menu|main menu|table of contents?|on this page:?|in this article:?|breadcrumbs?|you are here:?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SkipLink();

    // "12. https://www.example.com/page", "3. mailto:desk@example.com", "Visible links:", "Hidden links:".
    [GeneratedRegex(@"^(?:\d{1,5}" + RendererMarks.LinkListAddress + @"|(?:Visible|Hidden) links:)$", RegexOptions.CultureInvariant)]
    private static partial Regex LinkListLine();

    [GeneratedRegex(@"^[^|•·»›>/◦▪]{1,40}(?:[|•·»›>/◦▪][^|•·»›>/◦▪]{1,40}){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatedItems();

    [GeneratedRegex(@"^(?:related(?: articles?| posts?| stories| content| news| reading| links| topics| guides)?|more (?:related )?(?:articles|stories|posts|news)(?: like this)?|you (?:might|may) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| articles| stories| reading)?|read (?:next|more|also|this next)|see also|also (?:read|in the news|on \p{L}+)|latest (?:news|articles|posts|stories)|most (?:popular|read|viewed|shared)|trending(?: now| stories| articles)?|popular (?:posts|articles|stories)|(?:\d+ )?comments?|leave a (?:reply|comment)|join the (?:conversation|discussion)|about the authors?|about (?:the )?writer|share this(?: article| post| story)?|tags?|filed under|categories|explore more|keep reading|don['’]t miss|what to read next|more to explore(?:r)?|newsletter|subscribe)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndCueLine();

}
