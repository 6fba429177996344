using System.Globalization;
using System.Text.RegularExpressions;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Metadata;

/// <summary>
/// Finds what a text file says of itself: the day it was published, from the lines around where its article begins
/// (date lines, bylines, "Published: ..." and wire datelines) and, failing those, a labelled date further off.
/// A date inside a sentence is the date of something else and is never taken, nor are the dates of a list (related
/// stories, a changelog) or those under a wire dateline; "Updated ..." is the update, not the publication, and of two
/// bare dates side by side the later is the update; a day and month without a year takes its year only from a year
/// folder in the file's path (the file's other dates are often of other events) or, when the settings give a window,
/// from the one year of it its weekday fits, never from today; a numeric date that reads both ways ("02/07/2015") is
/// taken only when the file's other numeric dates say which order it uses. A missing date is better than a wrong one.
/// </summary>
public sealed partial class MetadataFinder(MetadataFinderOptions? options = null)
{
    private readonly MetadataFinderOptions options = options ?? new MetadataFinderOptions();

    /// <summary>Lines before the article's first kept line that may hold its date (title, byline, date line, menus).</summary>
    public const int LinesBefore = 60;

    /// <summary>Lines after the article's first kept line that may hold its date (a date line under the lead).</summary>
    public const int LinesAfter = 15;

    /// <summary>Lines after the article's last kept line where a labelled date ("Published 14 March 2016") counts, as
    /// it does anywhere in the article past <see cref="LinesAfter"/>.</summary>
    public const int LinesAtEnd = 15;

    /// <summary>The fewest words of the kept line taken as the article's lead.</summary>
    public const int LeadWords = 8;

    /// <summary>Short dated lines that make a list (related stories, a changelog), whose dates are the items'.</summary>
    public const int ListItems = 3;

    /// <summary>The most lines from one dated line of a list to the next.</summary>
    public const int ListGap = 8;

    /// <summary>A line of this many words or more is prose: a date in it, without a label before it, is another event's.</summary>
    public const int ProseWords = 14;

    private readonly BylineFinder bylines = new();

    /// <summary>What the file says of itself, <paramref name="metadata"/>, and, when it gives no published day and the
    /// settings say so (<see cref="MetadataFinderOptions.FileTimeAsPublished"/>), the day of its modification time
    /// <paramref name="lastWriteUtc"/>, marked as such.</summary>
    public ArticleMetadata WithFileTime(ArticleMetadata metadata, DateTime lastWriteUtc) =>
        options.FileTimeAsPublished && metadata.Published is null && lastWriteUtc.Year > 1601
            ? metadata with { Published = DateOnly.FromDateTime(lastWriteUtc), PublishedFrom = FileTimeRule }
            : metadata;

    /// <summary>Where a day taken from the file's modification time came from.</summary>
    public const string FileTimeRule = "file: its modification time, as the settings ask (FileTimeAsPublished)";

    /// <summary>The metadata of a text file: its <paramref name="text"/> as normalised, what the cleaner kept of it,
    /// and its <paramref name="relativePath"/> (a year folder there can complete a date written without one).</summary>
    public ArticleMetadata Find(NormalizedText text, StrippedText stripped, string relativePath)
    {
        var lines = text.Text.Split('\n');
        if (lines.Length == 0 || stripped.Kept.Count == 0)
        {
            return ArticleMetadata.None;
        }

        // Where the article begins: its lead, the first kept paragraph (a stray menu line kept above it does not move
        // it), and the date lines lie around it, between the headline and the lead or just under the lead.
        var lead = stripped.Kept.Where(k => TextShape.CountWords(k.Text) >= LeadWords).Take(1).ToList();
        var first = (lead.Count > 0 ? lead[0] : stripped.Kept[0]).LineNumber;
        var last = stripped.Kept[^1].LineNumber;
        var order = new Lazy<DateForm?>(() => NumericOrder(lines));
        var candidates = new List<Candidate>();
        var from = Math.Max(1, first - LinesBefore);
        var to = Math.Min(lines.Length, first + LinesAfter);
        for (var number = from; number <= to; number++)
        {
            Read(lines, number, number == first, atEnd: false, candidates);
        }

        // Further off, above the window, in the article and after its end, only a labelled date ("Published Apr 26,
        // 2023"), after those of the window.
        for (var number = 1; number < from; number++)
        {
            Read(lines, number, false, atEnd: true, candidates);
        }

        for (var number = to + 1; number <= Math.Min(lines.Length, last + LinesAtEnd); number++)
        {
            Read(lines, number, false, atEnd: true, candidates);
        }

        // Dates of a list (related stories, a changelog, a sidebar of posts) are the items' dates, not the article's.
        var listed = ListedLines(lines, Math.Max(1, from - ListGap), Math.Min(lines.Length, Math.Max(to, Math.Min(lines.Length, last + LinesAtEnd)) + ListGap));
        candidates.RemoveAll(c => listed.Contains(c.Line));
        candidates = PreferTheEarlierOfAPair(candidates);

        // Wire copy: its dateline ("PHILADELPHIA, March 18 - Qtrly div 96 cts") says when it was filed, and the dates
        // under it are the story's ("Record March 31, 1987", "NOTE: Effective September 25, 1987"), not the day it
        // was published.
        if (WireDatelineLine(lines, from, to) is { } wire)
        {
            candidates.RemoveAll(c => c.Rank == 1 && c.Line > wire);
        }

        DateOnly? published = null, updated = null;
        string? publishedFrom = null, updatedFrom = null;
        // The nearest to where the article begins: its headline, then the byline or date line under it.
        foreach (var candidate in candidates.OrderBy(c => c.Rank).ThenBy(c => Math.Abs(c.Line - first)).ThenBy(c => c.Line < first))
        {
            if (Resolve(candidate, relativePath, order, options) is not ({ } date, var how))
            {
                continue;
            }

            var where = $"line {candidate.Line}: {candidate.Rule}{how}";
            if (candidate.Updated)
            {
                if (updated is null)
                {
                    (updated, updatedFrom) = (date, where);
                }
            }
            else if (published is null)
            {
                (published, publishedFrom) = (date, where);
            }
        }

        // An update before the publication is a misreading of one of them: keep the publication.
        if (published is { } p && updated is { } u && u < p)
        {
            (updated, updatedFrom) = (null, null);
        }

        // A file that shows only when it was updated does not say when it was published: taking the update for the
        // publication would be right on about 60 % of such dev pages and wrong on the rest (docs/metadata.md).

        var site = SiteFinder.Find(lines, first);
        var byline = bylines.Find(lines, first, last);
        return new ArticleMetadata(published, publishedFrom, updated, updatedFrom)
        {
            Authors = byline.Authors,
            AuthorsFrom = byline.Authors.Count == 0 ? null : byline.From,
            Site = site?.Name,
            SiteFrom = site?.From,
        };
    }

    // The first line from `from` to `to` that opens with a wire dateline: a place in capitals, a comma, a date and a dash.
    private static int? WireDatelineLine(string[] lines, int from, int to)
    {
        for (var number = from; number <= to; number++)
        {
            var line = lines[number - 1];
            if (line.Length < 8 || line.Length > 400 || !char.IsUpper(line.TrimStart()[0]) || !line.AsSpan(0, Math.Min(line.Length, 60)).ContainsAnyInRange('0', '9'))
            {
                continue;
            }

            if (DateMentions.Find(line) is [var date, ..] && date.Offset <= 40 && WirePlace().IsMatch(line[..date.Offset])
                && Dateline().IsMatch(line[(date.Offset + date.Length)..]))
            {
                return number;
            }
        }

        return null;
    }

    // Lines that hold dates of a list: ListItems or more short dated lines, each within ListGap lines of the next, with
    // at least two different dates among them ("December 19, 2025" / a teaser / "by Geoff Harris" / "December 17,
    // 2025" / ...). An article's own date line repeated ("Oct 10, 2025" at the top and the foot) is not a list.
    private static HashSet<int> ListedLines(string[] lines, int from, int to)
    {
        var dated = new List<(int Line, DateOnly Date)>();
        for (var number = from; number <= to; number++)
        {
            var line = lines[number - 1];
            if (line.Length == 0 || line.Length > 400 || !line.AsSpan().ContainsAnyInRange('0', '9'))
            {
                continue;
            }

            // A short line, or an item that begins with its date ("2021-08-09 Emphasizing ... tool choice steps.").
            if (DateMentions.Find(line).FirstOrDefault(d => d.Date is not null) is { Date: { } date } mention
                && (mention.Offset <= 2 || TextShape.CountWords(line) < ProseWords))
            {
                dated.Add((number, date));
            }
        }

        var listed = new HashSet<int>();
        for (int start = 0, end; start < dated.Count; start = end)
        {
            for (end = start + 1; end < dated.Count && dated[end].Line - dated[end - 1].Line <= ListGap; end++)
            {
            }

            var run = dated.GetRange(start, end - start);
            if (run.Count >= ListItems && run.Select(d => d.Date).Distinct().Count() >= 2)
            {
                listed.UnionWith(run.Select(d => d.Line));
            }
        }

        return listed;
    }

    // A date line right under another ("8/1/2025" then "8/27/2025"): the later is the update, the earlier the
    // publication, as on one line.
    private static List<Candidate> PreferTheEarlierOfAPair(List<Candidate> candidates)
    {
        var result = new List<Candidate>(candidates);
        for (var i = 0; i < result.Count; i++)
        {
            var c = result[i];
            if (c is not { Rank: 1, Updated: false, Date.Date: { } date })
            {
                continue;
            }

            if (result.Any(o => o is { Rank: 1, Updated: false } && Math.Abs(o.Line - c.Line) == 1 && o.Date.Date is { } other && other < date))
            {
                result[i] = c with { Updated = true, Rule = "the later of two date lines" };
            }
        }

        return result;
    }

    // A date the line writes and what the line says of it. Rank: a labelled date first, then a bare date line or a
    // byline's date, then a wire dateline in the lead, then a labelled date after the article.
    private sealed record Candidate(int Line, DateMention Date, string Rule, bool Updated, int Rank);

    private static void Read(string[] lines, int number, bool lead, bool atEnd, List<Candidate> candidates)
    {
        var line = lines[number - 1];
        if (line.Length == 0 || line.Length > 400)
        {
            return;
        }

        var words = TextShape.CountWords(line);
        var dates = DateMentions.Find(line);
        if (dates.Count >= 3)
        {
            return; // a table's row ("02/28/87 01/31/87 02/28/86")
        }

        // A line in capitals (a wire headline, "YEAR ENDED DEC 31 1986") is read in lower case for the sentence tests.
        var shape = line.AsSpan().ContainsAnyInRange('a', 'z') ? line : line.ToLowerInvariant();
        var found = candidates.Count;
        foreach (var date in dates)
        {
            // A label counts at the start of a line ("Published: ...", "By Jane Smith | Updated ..."), not inside a
            // sentence ("The study, published January 24 in ...").
            // A label alone on the line above ("Published", a blank line, "July 8, 2025") labels the date too.
            var before = shape[..date.Offset];
            if (date.Offset == 0 && LabelAbove(lines, number) is { } above)
            {
                before = above;
            }

            // A meta line of parts ("By Jane Smith, Garden Editor | Dec 30, 2025 | Indoor Plants") is as short as
            // the part that holds the date.
            var (segmentStart, segmentEnd) = Segment(shape, date);
            var segmentWords = segmentEnd - segmentStart == line.Length ? words : TextShape.CountWords(shape[segmentStart..segmentEnd]);
            var updatedAt = UpdatedLabel().Match(before);
            var publishedAt = PublishedLabel().Match(before);
            var labelAt = updatedAt.Success ? updatedAt : publishedAt;
            var updated = updatedAt.Success;
            var labelled = labelAt.Success && (segmentWords < ProseWords || labelAt.Index <= 2) && !InSentence(before[..labelAt.Index]);
            if (lead && words >= ProseWords)
            {
                // The lead's own sentence: only a wire dateline at its start ("LONDON, July 2 (Reuters) -").
                if (date.Offset <= 40 && Dateline().IsMatch(line[(date.Offset + date.Length)..]))
                {
                    candidates.Add(new Candidate(number, date, "wire dateline", false, 2));
                }

                continue;
            }

            if (atEnd)
            {
                if (labelled)
                {
                    candidates.Add(new Candidate(number, date, updated ? "updated label" : "published label", updated, 3));
                }

                continue;
            }

            if (labelled)
            {
                candidates.Add(new Candidate(number, date, updated ? "updated label" : "published label", updated, 0));
            }
            else if (segmentWords < ProseWords && words < 2 * ProseWords && date.Year is not null && !Figures().IsMatch(line)
                && !InSentence(before[segmentStart..]) && !RunsOn(shape[..segmentEnd], date) && !Continues(lines, number, line))
            {
                // A bare day and month ("Open until July 31") is an event's more often than the article's, and a row
                // of figures ("1/1/2013 +13.1%") is a table's.
                var rule = Byline().IsMatch(line) ? "byline" : "date line";
                if (candidates.Count > found && candidates[^1] is { Rank: 1, Updated: false, Date.Date: { } other } first)
                {
                    // Two bare dates on a line ("May 21, 2025April 24, 2025 by The Ritualist"): the later is the
                    // update, the earlier the publication.
                    if (date.Date < other)
                    {
                        candidates[^1] = first with { Updated = true, Rule = "the later of two dates" };
                        candidates.Add(new Candidate(number, date, "the earlier of two dates", false, 1));
                    }
                    else if (date.Date > other)
                    {
                        candidates.Add(new Candidate(number, date, "the later of two dates", true, 1));
                    }

                    break;
                }

                candidates.Add(new Candidate(number, date, rule, false, 1));
                if (dates.Count == 2 && candidates.Count == found + 1)
                {
                    continue; // read the second date too: the earlier of two bare dates is the publication
                }
            }

            break; // a line's first date is the one it is about ("14 March 2016, updated 15 March" is labelled apart)
        }
    }

    // The part of a meta line that holds the date: between separators ("|", "•", "·", " - ") around it.
    private static (int Start, int End) Segment(string line, DateMention date)
    {
        var start = line.AsSpan(0, date.Offset).LastIndexOfAny(Separators) + 1;
        var after = line.AsSpan(date.Offset + date.Length).IndexOfAny(Separators);
        var end = after < 0 ? line.Length : date.Offset + date.Length + after;
        return (start, end);
    }

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create("|•·⋅–—");

    // A date a sentence leads to: the word before it is a lower-case word ("through December 31, 1986", "after Sept
    // 26, 1987"), where a byline or a date line has a name, a separator or nothing.
    private static bool InSentence(string before)
    {
        var end = before.TrimEnd().TrimEnd(',', ';').TrimEnd();
        var start = end.Length;
        while (start > 0 && char.IsLetter(end[start - 1]))
        {
            start--;
        }

        if (start == end.Length || !char.IsLower(end[start]))
        {
            return false;
        }

        // "on" after nothing or a name is a byline's ("on Dec 17, 2025", "By George Michaelson on 19 Dec 2025").
        return !(end[start..] == "on" && OnlyNames().IsMatch(end[..start]));
    }

    // A date a sentence goes on from ("Dec 31, 1986 when it had net tangible assets"): more than a few words after it,
    // or a lower-case word next that is not a date line's ("at 10:04 am", "by Jane Smith", "12 min read").
    private static bool RunsOn(string line, DateMention date)
    {
        var rest = line[(date.Offset + date.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length > 6)
        {
            return true;
        }

        var next = rest.Length == 0 ? "" : rest[0].TrimStart(',', '.', ';').TrimEnd(',', '.', ';');
        // A word, not a time glued to the date ("2022-11-23T08:10", read in lower case as "t08:10").
        return next.Length > 1 && char.IsLower(next[0]) && char.IsLetter(next[1]) && !DateLineWords.Contains(next);
    }

    private static readonly HashSet<string> DateLineWords = new(["at", "by", "in", "am", "pm", "a.m", "p.m", "min", "mins", "updated", "read", "ago"], StringComparer.Ordinal);

    // The end of a wrapped sentence ("April 29, 1986." under a line that stops mid-sentence), not a date line.
    private static bool Continues(string[] lines, int number, string line)
    {
        if (number < 2 || !line.TrimEnd().EndsWith('.') || lines[number - 2].TrimEnd() is not { Length: > 0 } above)
        {
            return false;
        }

        return char.IsLower(above[^1]) || above[^1] == ',';
    }

    // The line above `number`, past blank lines (two at most), when it is a label alone: "Published", "Updated on:".
    private static string? LabelAbove(string[] lines, int number)
    {
        for (int at = number - 1, blanks = 0; at >= 1 && blanks <= 2; at--)
        {
            var above = lines[at - 1].Trim();
            if (above.Length == 0)
            {
                blanks++;
                continue;
            }

            return LabelLine().IsMatch(above) ? above : null;
        }

        return null;
    }

    private static (DateOnly? Date, string How) Resolve(Candidate candidate, string relativePath, Lazy<DateForm?> numericOrder, MetadataFinderOptions options)
    {
        var date = candidate.Date;
        if (date.Form == DateForm.NumericEither)
        {
            if (numericOrder.Value is not { } order)
            {
                return (null, "");
            }

            date = order == DateForm.NumericMonthFirst ? date.MonthFirst : date;
        }

        if (date.Year is not null)
        {
            return date.WeekdayFits ? (date.Date, "") : (null, "");
        }

        // No year: a year folder of the path. Not the file's other dates: those are often of other events (wire copy's
        // "due March 30, 1990", "ended December 31, 1986"), and a year taken from one would be a wrong date.
        if (YearFolder().Match(relativePath.Replace('\\', '/')) is { Success: true } folder)
        {
            var year = int.Parse(folder.Groups["y"].Value, CultureInfo.InvariantCulture);
            var dated = date with { Year = year };
            return DateMentions.IsDate(year, date.Month, date.Day) && dated.WeekdayFits ? (dated.Date, " (year from the path)") : (null, "");
        }

        // A weekday ("Thursday (2 July)") that fits one year alone of the settings' window.
        if (date.Weekday is not null && options is { WeekdayYearFrom: { } start, WeekdayYearTo: { } end }
            && MetadataFinderOptions.IsWeekdayWindow(start, end))
        {
            var fits = Enumerable.Range(start, end - start + 1)
                .Where(y => DateMentions.IsDate(y, date.Month, date.Day) && (date with { Year = y }).WeekdayFits).Take(2).ToList();
            if (fits.Count == 1)
            {
                return ((date with { Year = fits[0] }).Date, $" (year from the weekday, in {start}-{end})");
            }
        }

        return (null, "");
    }

    // Which order the file's numeric dates use (NumericDayFirst or NumericMonthFirst); null when none says, or they disagree.
    private static DateForm? NumericOrder(string[] lines)
    {
        int dayFirst = 0, monthFirst = 0;
        foreach (var line in lines)
        {
            if (!MayHoldANumericDate(line))
            {
                continue;
            }

            foreach (var mention in DateMentions.Find(line))
            {
                dayFirst += mention.Form == DateForm.NumericDayFirst ? 1 : 0;
                monthFirst += mention.Form == DateForm.NumericMonthFirst ? 1 : 0;
            }
        }

        return dayFirst > 0 && monthFirst == 0 ? DateForm.NumericDayFirst
            : monthFirst > 0 && dayFirst == 0 ? DateForm.NumericMonthFirst
            : null;
    }

    // A cheap test before the patterns, so a file of many lines costs a scan of its characters: a digit, a separator
    // and a digit.
    private static bool MayHoldANumericDate(string line)
    {
        for (var i = line.IndexOfAny(['/', '.', '-']); i > 0 && i + 1 < line.Length; i = line.IndexOfAny(['/', '.', '-'], i + 1))
        {
            if (char.IsAsciiDigit(line[i - 1]) && char.IsAsciiDigit(line[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    // Also glued to a date before it ("DECEMBER 22, 2022Updated: ...").
    [GeneratedRegex(@"(?:\b|(?<=\d))(?:updated?|modified|last\s+(?:updated?|modified|reviewed|published)|edited|reviewed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedLabel();

    [GeneratedRegex(@"\b(?:published|posted|released|issued|dated|submitted|first\s+published|originally\s+published)\b|^\W*date\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedLabel();

    [GeneratedRegex(@"^(?:(?:first|last|originally)\s+)?(?:published|posted|updated?|modified|date|released)(?:\s+(?:on|at))?\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelLine();

    // What may stand before a byline's "on": nothing, separators, a label and names ("By George Michaelson").
    [GeneratedRegex(@"^[\W_]*(?:(?i:by|posted\s+by|written\s+by)\s+|\p{Lu}\S*\s+)*[\W_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyNames();

    // A percentage: a row of figures ("1/1/2013 +13.1%"), not a template's "%t min read".
    [GeneratedRegex(@"\d\s?%", RegexOptions.CultureInvariant)]
    private static partial Regex Figures();

    [GeneratedRegex(@"^\s*(?i:by|written\s+by|words:?|author:?)\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    // What stands before a wire dateline's date: a place in capitals and a comma ("ROSEMONT, ILL.,", "NEW YORK,").
    [GeneratedRegex(@"^\s*\p{Lu}[\p{Lu}\s.,'&-]*,\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex WirePlace();

    // What follows a wire dateline's date: "(Reuters) -", " - ", "—".
    [GeneratedRegex(@"^\s*(?:\([^)]{2,40}\)\s*)?[-–—]", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    // A year folder: "2015/07/calais.txt", "archive/2015/".
    [GeneratedRegex(@"(?:^|/)(?<y>(?:19|20)\d{2})/", RegexOptions.CultureInvariant)]
    private static partial Regex YearFolder();
}
