using System.Text;
using System.Text.RegularExpressions;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Metadata;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Titles;

/// <summary>The article split into its headline (if any) and its body.</summary>
/// <param name="Title">The headline, or null.</param>
/// <param name="Body">The kept lines after the headline, one paragraph each, separated by a blank line.</param>
/// <param name="TitleFrom">Where the headline came from ("line 56: headline line, 2 lines above the lead"), or null.</param>
public readonly record struct TitledText(string? Title, string Body, string? TitleFrom = null)
{
    /// <summary>Kept lines the title stage took out of the body as the page's header (a label above the headline, the
    /// headline written twice), with why; empty when none.</summary>
    public IReadOnlyList<StrippedLine> Moved { get; init; } = [];
}

/// <summary>
/// Finds the headline of a text file among its lines, kept or dropped by the cleaner: a page saved as text shows its
/// headline as a line of its own, but behind tens of lines of menus, and the cleaner drops it with them more often
/// than not. Every line near where the article begins (up to <see cref="LinesBefore"/> lines above its lead and
/// <see cref="LinesAfter"/> below it) that could be a headline is weighed (<see cref="HeadlineScore"/>): its length
/// and capitals, a byline or date line under it, the same words in the article, the line written again elsewhere
/// on the page (a breadcrumb, a page title), how far it is from the lead. Never a headline: a date, byline or
/// other labelled line, a line the cleaner dropped as furniture (a menu label, a cookie notice...), a line other
/// articles repeat, a list item, a line ending like a sentence. A headline taken from the kept lines leaves the body.
/// </summary>
public sealed partial class TitleFinder
{
    /// <summary>A headline has at most this many words. Defaults to 20.</summary>
    public const int MaxWords = 20;

    /// <summary>A headline has at most this many characters. Defaults to 200.</summary>
    public const int MaxLength = 200;

    /// <summary>Non-blank lines above the lead where a headline is looked for. Defaults to 150 (menus run to a
    /// median of 37-56 lines on the dev pages, and some to hundreds).</summary>
    public const int LinesBefore = 150;

    /// <summary>Non-blank lines below the lead where a headline is looked for, when the cleaner kept a promotion
    /// above the article and took it for the lead. Defaults to 30.</summary>
    public const int LinesAfter = 30;

    /// <summary>The fewest words of the kept line taken as the article's lead.</summary>
    public const int LeadWords = 8;

    // The fewest lines above the lead for the headline to be looked for below it too.
    private const int MenuLines = 10;

    // A headline candidate has 2 to this many words (titles of more than 20 words are rare but real).
    private const int CandidateMaxWords = 25;

    // Lines dropped as these are never the headline: their rule says what they are.
    private static readonly HashSet<string> NotHeadlines = new(StringComparer.Ordinal)
    {
        BoilerplateRules.Dateline, BoilerplateRules.Byline, BoilerplateRules.PhotoCredit, BoilerplateRules.CookieNotice,
        BoilerplateRules.Copyright, BoilerplateRules.Newsletter, BoilerplateRules.SocialFollow, BoilerplateRules.FormField,
        BoilerplateRules.CommentCount, BoilerplateRules.PriceOrCounter, BoilerplateRules.Advertisement,
        BoilerplateRules.Paywall, BoilerplateRules.AuthorBioRule, BoilerplateRules.Disclosure, BoilerplateRules.Disclaimer,
        BoilerplateRules.CallToActionRule, BoilerplateRules.UiLabel, BoilerplateRules.MoreOn, BoilerplateRules.Teaser,
    };

    // Short words that say little of what an article is about, left out when a headline's words are looked for in it.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "this", "that", "with", "from", "your", "what", "when", "where", "which", "have", "will", "about", "more",
        "their", "there", "they", "them", "than", "then", "into", "over", "also", "been", "were", "best", "most",
        "these", "those", "here",
    };

    /// <summary>Splits <paramref name="text"/> into title and body, as the only article seen.</summary>
    public TitledText Find(StrippedText text) => Find(text, LineRepeats.Empty);

    /// <summary>Splits <paramref name="text"/> into title and body. A line that <paramref name="repeats"/> finds in
    /// other articles is site furniture, not a headline.</summary>
    public TitledText Find(StrippedText text, LineRepeats repeats)
    {
        var kept = text.Kept;
        if (kept.Count == 0)
        {
            return new TitledText(null, string.Empty);
        }

        var lines = PageLine.All(text);
        var lead = Lead(lines);
        var best = -1;
        var bestScore = double.NegativeInfinity;
        var page = lead < 0 ? null : new Page(lines, lead);
        // Below the lead only under a page's menus (a promotion the cleaner kept above the article): in a file
        // that opens with its article, or with a few lines of residue, the lines below the lead are the article's.
        var last = lead < MenuLines ? lead : lead + LinesAfter;
        for (var i = lead < 0 ? lines.Count : Math.Max(0, lead - LinesBefore); i < lines.Count && i <= last; i++)
        {
            if (i == lead || !CanBeHeadline(lines[i], repeats))
            {
                continue;
            }

            var score = HeadlineScore(page!, i);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        if (best < 0)
        {
            // No lead to look around (a list, a table): the first kept line when it looks like a headline.
            var first = kept[0].Text;
            var isTitle = kept.Count > 1 && LooksLikeHeadline(first);
            var bodyLines = kept.Skip(isTitle ? 1 : 0).Select(line => line.Text);
            return new TitledText(isTitle ? first : null, string.Join("\n\n", bodyLines), isTitle ? $"line {kept[0].LineNumber}: first line" : null);
        }

        var title = lines[best];
        var leadNumber = lines[lead].Number;
        var distance = best < lead ? $"{Lines(lead - best)} above the lead" : $"{Lines(best - lead)} below the lead";
        var from = $"line {title.Number}: headline line, {distance}";

        // The body is the article under its headline. The headline leaves it, and so does the same line written again
        // above the lead (a page's headline and its share title). So do the kept lines above a headline found above
        // the lead (menu labels the cleaner let through: the article begins with its headline), and a first kept line
        // in a headline's shape above the lead (a section label, a kicker), as when the title was the first kept line.
        var folded = Fold(title.Text);
        var body = new List<string>(kept.Count);
        var moved = new List<StrippedLine>();
        foreach (var line in kept)
        {
            if (line.LineNumber == title.Number)
            {
                continue;
            }

            var beforeLead = line.LineNumber < leadNumber;
            if (beforeLead && Fold(line.Text) == folded)
            {
                moved.Add(new StrippedLine(line.LineNumber, line.Text, BoilerplateRules.BeforeArticle, "the headline again"));
            }
            else if (best < lead && line.LineNumber < title.Number)
            {
                moved.Add(new StrippedLine(line.LineNumber, line.Text, BoilerplateRules.BeforeArticle, "above the headline"));
            }
            else if (beforeLead && line.LineNumber == kept[0].LineNumber && LooksLikeHeadline(line.Text))
            {
                moved.Add(new StrippedLine(line.LineNumber, line.Text, BoilerplateRules.BeforeArticle, "a label over the article"));
            }
            else
            {
                body.Add(line.Text);
            }
        }

        return new TitledText(title.Text, string.Join("\n\n", body), from) { Moved = moved };
    }

    /// <summary>The first kept line when it is short, starts like a sentence, does not end one, and is no wire
    /// dateline: headlines carry no terminal punctuation; a first paragraph does. The cleaner uses it too.</summary>
    internal static bool LooksLikeHeadline(string line) =>
        line.Length <= MaxLength
        && TextShape.CountWords(line) <= MaxWords
        && (char.IsUpper(line[0]) || char.IsDigit(line[0]) || line[0] is '"' or '“' or '‘' or '\'')
        && !TextShape.EndsSentence(line)
        && line[^1] is not (',' or ';' or ':' or '-' or '–' or '—')
        && !TextShape.OpensStory(line);

    /// <summary>
    /// How much line <paramref name="i"/> looks like the headline of <paramref name="page"/>. The weights were fitted
    /// on extraction-dev's renderings (the page's visible text, lynx, w3m) and checked on extraction-more; each term
    /// is a habit of headlines:
    /// 4 to 20 words (2 or 3 count less, over 14 a little less); words in capitals (Title Case); a byline or date line
    /// within the 3 lines under it (or one just above it); a short label just above it (a section, a breadcrumb);
    /// its words in the article, and often; the line written again on the page (a share title, a breadcrumb ending
    /// in it, the page title a renderer prints first); and near the lead, most of all above it.
    /// </summary>
    internal static double HeadlineScore(Page page, int i)
    {
        var lines = page.Lines;
        var text = lines[i].Text;
        var words = TextShape.CountWords(text);
        var score = 0.0;
        score += words is >= 4 and <= MaxWords ? 2.85 : words is 2 or 3 ? 0.75 : 0;
        score += words > 14 ? -0.75 : 0;
        score += 1.45 * CapitalShare(text);
        var below = Enumerable.Range(i + 1, 3).Where(j => j < lines.Count).ToList();
        score += below.Any(j => page.IsBylineOrDate(j)) ? 1.65 : 0;
        score += below.Count > 0 && page.IsBylineOrDate(below[0]) ? 0.15 : 0;
        score += i > 0 && page.IsBylineOrDate(i - 1) ? 0.6 : 0;
        score += i > 0 && TextShape.CountWords(lines[i - 1].Text) <= 3 ? 0.5 : 0;
        score += text.EndsWith('?') ? 0.25 : 0;

        var (again, within, top) = page.WrittenAgain(i);
        score += again ? 0.6 : 0;
        score += within ? 0.9 : 0;
        score += top ? 0.75 : 0;

        var (share, strength, often) = page.InArticle(text);
        score += 2.5 * share + 0.85 * strength + 0.2 * often;

        var distance = Math.Abs(i - page.Lead);
        score += i > page.Lead ? -2.6 - 0.1 * distance
            : distance <= 20 ? -0.07 * distance
            : -0.07 * 20 - 0.3 * Math.Log(distance);
        return score;
    }

    // A line that may be the headline: a headline's shape, no list item ("• Home & Garden" is a menu), no date or
    // byline, not dropped as furniture, not repeated across articles.
    private static bool CanBeHeadline(PageLine line, LineRepeats repeats)
    {
        var text = line.Text;
        var words = TextShape.CountWords(text);
        if (words is < 2 or > CandidateMaxWords || text.Length > MaxLength || text[^1] is '.' or ':' or ';' or ',')
        {
            return false;
        }

        var start = text.AsSpan().TrimStart("•*-–·#>» ");
        if (start.Length == 0 || !(char.IsUpper(start[0]) || char.IsDigit(start[0]) || start[0] is '"' or '“' or '‘' or '\'' or '¿' or '¡'))
        {
            return false;
        }

        return (line.Rule is null || !NotHeadlines.Contains(line.Rule))
            && !IsListItem(text) && !IsBylineOrDate(text) && !Labelled().IsMatch(text) && repeats.ArticlesContaining(text) < 2;
    }

    // A byline, a date line or a reading time: what stands under a headline, and is none.
    internal static bool IsBylineOrDate(string text) =>
        ByOrDateLabel().IsMatch(text) || ReadingTime().IsMatch(text) || DateMentions.Find(text).Any(d => d.Year is not null);

    private static bool IsListItem(string text) =>
        text.Length > 1 && (TextShape.IsBulletSign(text[0]) || text[0] is '*' or '-') && text[1] == ' ';

    // The share of the words of four letters or more that start with a capital.
    private static double CapitalShare(string text)
    {
        int words = 0, capitals = 0;
        foreach (Match word in LongWord().Matches(text))
        {
            words++;
            capitals += char.IsUpper(word.Value[0]) ? 1 : 0;
        }

        return words == 0 ? 0 : (double)capitals / words;
    }

    // Where the article begins: its first kept paragraph of prose (8 words or more, ending a sentence, or 25 words or
    // more), else its first kept line of 8 words, else its first kept line. -1: nothing kept.
    private static int Lead(List<PageLine> lines)
    {
        var firstLong = -1;
        var firstKept = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].Kept)
            {
                continue;
            }

            firstKept = firstKept < 0 ? i : firstKept;
            var words = TextShape.CountWords(lines[i].Text);
            if (words >= LeadWords)
            {
                if (TextShape.EndsSentence(lines[i].Text) || words >= 25)
                {
                    return i;
                }

                firstLong = firstLong < 0 ? i : firstLong;
            }
        }

        return firstLong >= 0 ? firstLong : firstKept;
    }

    /// <summary>A line for comparing with another as the scorer and a reader do: lower case, no quotes, dashes,
    /// bars and colons as spaces, single spaces.</summary>
    internal static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (c is '‘' or '’' or '“' or '”' or '"' or '\'' or '`')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '-' or '–' or '—' or '|' or ':' || (c >= '\u2010' && c <= '\u2015'))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^[•*·|\- ]*(?:by\b|by:|written by|posted|published|updated|last updated|author)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByOrDateLabel();

    [GeneratedRegex(@"^[•*·|\- ]*(?:reviewed|fact.checked|edited|photo|image|credit|source:|share\b|filed under|tags?:|categor(?:y|ies):)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"\b\d+\s*(?:min|minute)s?\s+read\b|\b\d+\s+(?:hours?|days?|weeks?)\s+ago\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadingTime();

    [GeneratedRegex(@"[^\W\d_][\w'’]{3,}")]
    private static partial Regex LongWord();

    [GeneratedRegex(@"[^\W\d_]{4,}")]
    private static partial Regex ContentWord();

    /// <summary>A non-blank line of the file, kept or dropped.</summary>
    internal sealed record PageLine(int Number, string Text, string? Rule)
    {
        public bool Kept => Rule is null;

        // Kept and dropped lines in file order: every non-blank line of the file.
        public static List<PageLine> All(StrippedText text)
        {
            var lines = new List<PageLine>(text.Kept.Count + text.Dropped.Count);
            lines.AddRange(text.Kept.Select(k => new PageLine(k.LineNumber, k.Text, null)));
            lines.AddRange(text.Dropped.Select(d => new PageLine(d.LineNumber, d.Text, d.Rule)));
            lines.Sort((a, b) => a.Number.CompareTo(b.Number));
            return lines;
        }
    }

    /// <summary>What the headline score asks of the whole file, worked out once.</summary>
    internal sealed class Page
    {
        private readonly Dictionary<string, int> articleWords = new(StringComparer.Ordinal);
        private readonly string[] folded;
        private readonly bool?[] bylineOrDate;
        private readonly string top;

        public Page(List<PageLine> lines, int lead)
        {
            Lines = lines;
            Lead = lead;
            folded = lines.Select(l => Fold(l.Text)).ToArray();
            bylineOrDate = new bool?[lines.Count];
            top = string.Join(' ', folded.Take(3));
            for (var i = lead; i < lines.Count; i++)
            {
                if (lines[i].Kept)
                {
                    foreach (var word in Words(lines[i].Text))
                    {
                        articleWords[word] = articleWords.GetValueOrDefault(word) + 1;
                    }
                }
            }
        }

        public List<PageLine> Lines { get; }

        public int Lead { get; }

        // A line the cleaner dropped as a byline or date line, or that reads as one.
        public bool IsBylineOrDate(int i) => bylineOrDate[i] ??=
            Lines[i].Rule is BoilerplateRules.Byline or BoilerplateRules.Dateline || TitleFinder.IsBylineOrDate(Lines[i].Text);

        // Whether line i is written again: as another whole line, inside a line not much longer (a breadcrumb, "Title |
        // Site"), and among the first three lines (a page title the renderer printed first).
        public (bool Again, bool Within, bool Top) WrittenAgain(int i)
        {
            var text = folded[i];
            bool again = false, within = false;
            for (var j = 0; j < folded.Length && !(again && within); j++)
            {
                if (j == i)
                {
                    continue;
                }

                if (folded[j] == text)
                {
                    again = true;
                }
                else if (folded[j].Length < 3 * text.Length + 40 && folded[j].Contains(text, StringComparison.Ordinal))
                {
                    within = true;
                }
            }

            return (again, within, i >= 3 && top.Contains(text, StringComparison.Ordinal));
        }

        // How much of the line the article under the lead writes: the share of its words found there, how often on
        // average (log, capped), and how many of them twice or more (up to 5).
        public (double Share, double Strength, int Often) InArticle(string text)
        {
            var words = Words(text).ToList();
            if (words.Count == 0)
            {
                return (0, 0, 0);
            }

            var counts = words.Select(w => articleWords.GetValueOrDefault(w)).ToList();
            var share = (double)counts.Count(c => c > 0) / words.Count;
            var strength = counts.Sum(c => Math.Min(Math.Log(1 + c), 2.5)) / words.Count;
            var often = Math.Min(words.Distinct(StringComparer.Ordinal).Count(w => articleWords.GetValueOrDefault(w) >= 2), 5);
            return (share, strength, often);
        }

        private static IEnumerable<string> Words(string text) =>
            ContentWord().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => !Common.Contains(w));
    }

    private static string Lines(int count) => count == 1 ? "1 line" : $"{count} lines";
}
