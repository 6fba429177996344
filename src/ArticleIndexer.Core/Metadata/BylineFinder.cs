using System.Text.RegularExpressions;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Metadata;

/// <summary>Who wrote an article, and where that was read ("line 12: byline"); <see cref="None"/> when the file names
/// nobody.</summary>
public sealed record Byline(IReadOnlyList<ArticleAuthor> Authors, string? From)
{
    /// <summary>No author found.</summary>
    public static Byline None { get; } = new([], null);
}

/// <summary>
/// Finds who wrote a text file from the lines around where its article begins: a labelled byline ("By Jane Smith and
/// John Doe", "Written by ...", "Author: ...", "Words: ...", a label alone with the name on the next line, "Posted on
/// 4 May 2016 by ..."), else a line that is only a name beside the date line ("Jane Smith" over "September 4, 2025"),
/// a name and a role ("Jane Smith, Political Editor") or a name and a date ("Jane Smith | Sept 4, 2025"). A byline
/// is split into names, a role or an agency kept apart. A name inside a sentence ("said Jane Smith") is a person
/// the story quotes and is never taken; nor a menu ("By Industry", "Our Services") nor a date. The nearest to the
/// article's lead wins, a labelled byline before a bare name.
/// </summary>
public sealed partial class BylineFinder
{
    /// <summary>Lines before the article's lead that may hold its byline (headline, byline, date line).</summary>
    public const int LinesBefore = 40;

    /// <summary>Lines after the article's lead that may hold its byline (a byline under the lead).</summary>
    public const int LinesAfter = 8;

    /// <summary>Lines after the article's last kept line where a labelled byline counts ("Written by ..." under the
    /// article, an author box).</summary>
    public const int LinesAtEnd = 30;

    /// <summary>A line of this many words or more is prose: no name alone on it.</summary>
    public const int ProseWords = 16;

    /// <summary>How far, in lines that are not blank, a name may stand from the date line it is beside.</summary>
    public const int NearDate = 2;

    private readonly Lazy<IEntityExtractor> tagger;

    /// <summary>A finder that asks the product's tagger whether a name without a known first name is a person's.</summary>
    public BylineFinder()
        : this(() => new TaggedEntityExtractor())
    {
    }

    /// <summary>A finder that asks the recogniser <paramref name="persons"/> makes whether a name without a known
    /// first name is a person's; it is made on first need.</summary>
    public BylineFinder(Func<IEntityExtractor> persons)
    {
        tagger = new Lazy<IEntityExtractor>(persons, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The authors of the file of <paramref name="lines"/>, whose article's lead is line
    /// <paramref name="lead"/> and last kept line <paramref name="last"/> (1-based).</summary>
    public Byline Find(IReadOnlyList<string> lines, int lead, int last)
    {
        if (lines.Count == 0 || lead < 1 || lead > lines.Count)
        {
            return Byline.None;
        }

        var from = Math.Max(1, lead - LinesBefore);
        var to = Math.Min(lines.Count, lead + LinesAfter);
        var window = new Window(lines, from, to);
        Candidate? best = null;
        for (var number = from; number <= to; number++)
        {
            if (Read(window, number, IsPerson) is { } candidate && (best is null || Cost(candidate, lead) < Cost(best, lead)))
            {
                best = candidate;
            }
        }

        // The name a file opens with, when it is a person's: a personal site's title ("Cory Dransfeldt").
        if (best is null && window.FirstLine() is { } opening && opening >= from && Math.Abs(opening - lead) <= LinesBefore
            && window.Line(opening).Any(char.IsLower) && !window.Line(opening).Contains(',', StringComparison.Ordinal)
            && AuthorNames.Parse(window.Line(opening), NameEvidence.Bare, IsPerson) is { Count: 1 } owner && owner[0].Role is null
            && owner[0].Name.Contains(' ', StringComparison.Ordinal))
        {
            best = new Candidate(opening, owner, "name the file opens with", 0, false);
        }

        // Under the article: a labelled byline only ("Written by ...", "Author:" over the name), the first one; not a
        // related story's "October 28, 2025 by ..." nor a byline inside another line.
        for (var number = to + 1; best is null && number <= Math.Min(lines.Count, Math.Max(last, lead) + LinesAtEnd); number++)
        {
            if (Read(window, number, IsPerson) is { Labelled: true, Rule: "byline" or "byline, name on the next line" } candidate)
            {
                best = candidate with { Rule = candidate.Rule + " after the article" };
            }
        }

        if (best is null)
        {
            return Byline.None;
        }

        // An editor, a reviewer or a photographer named in the window is not the author.
        var others = window.OtherCredits();
        var authors = best.Authors.Where(a => !others.Contains(a.Name)).ToList();
        return authors.Count == 0 ? Byline.None : new Byline(authors, $"line {best.Line}: {best.Rule}");
    }

    private bool IsPerson(string name) =>
        tagger.Value.Extract(name).Mentions.Any(m => m.Kind == EntityKind.Person && m.Offset + m.Text.Length == name.Length && m.Offset <= name.IndexOf(' ', StringComparison.Ordinal));

    // Authors a line gives, and how much less likely they are the article's than a labelled byline with its date, in
    // lines of distance from the lead: the nearest to the lead wins, after these penalties.
    // Tier: a labelled byline or a name beside a date first, then a name and a role with no date, then the name the
    // file opens with (a personal site's).
    private sealed record Candidate(int Line, List<ArticleAuthor> Authors, string Rule, int Penalty, bool Labelled, int Tier = 0);

    /// <summary>Lines of distance a labelled byline without a date near it counts as further from the lead.</summary>
    internal const int UndatedPenalty = 4;

    /// <summary>Lines of distance a name without a label, beside a date, counts as further from the lead.</summary>
    internal const int BarePenalty = 3;

    /// <summary>Lines of distance a name and a role, with no label and no date near, count as further from the lead.</summary>
    internal const int RolePenalty = 8;

    private static int Cost(Candidate candidate, int lead) => (candidate.Tier * 10_000) + Math.Abs(candidate.Line - lead) + candidate.Penalty;

    private static Candidate? Read(Window window, int number, Func<string, bool> isPerson)
    {
        var line = window.Line(number);
        if (line.Length == 0 || line.Length > 300 || TextShape.OpensStory(line))
        {
            return null; // nothing, or a wire story's first line ("WASHINGTON, April 9 - The U.S. ...")
        }

        var prose = TextShape.CountWords(line) >= ProseWords;

        if (Label().Match(line) is { Success: true } label && !Continues(window, number, line))
        {
            var rest = line[label.Length..];
            var rule = "byline";
            var at = number;
            if (rest.Trim().Length == 0 && window.Next(number) is { } next)
            {
                // "By" or "Written by" alone, the name on the next line.
                (rest, rule, at) = (window.Line(next), "byline, name on the next line", next);
            }

            var authors = Names(rest);
            return authors.Count > 0 ? Labelled(window, number, at, authors, rule) : null;
        }

        // Most lines have no "by" at all: the patterns below are for those that have.
        var by = line.Contains("by", StringComparison.OrdinalIgnoreCase);
        if (by && MidBy().Match(line) is { Success: true, Index: > 0 } mid && IsMetaOnly(line[..mid.Index]) && !OtherLabel().IsMatch(line[..mid.Index]))
        {
            // "Published August 7, 2023 by Nicole Burke", "September 1st, 2023 By Emily Norwood".
            var authors = Names(line[(mid.Index + mid.Length)..], strict: prose);
            return authors.Count > 0 ? Labelled(window, number, number, authors, "byline after the date") : null;
        }

        if (by && InnerLabel().Match(line) is { Success: true } inner && !OtherLabel().IsMatch(line[Math.Max(0, inner.Index - 12)..inner.Index]))
        {
            // A byline a renderer put on the line of something else: "Medically reviewed by ... — Written by Jillian
            // Kubala, MS, RD", "AI Coding Agents Tested Written by Maya Perez", "... to Canada. By Lisa Jennings".
            // In a sentence ("letters written by Farris, who has since died"), only names that end the line.
            var authors = Names(line[(inner.Index + inner.Length)..], strict: prose);
            if (authors.Count > 0 && (inner.Value.Contains("ritten", StringComparison.Ordinal) || authors.All(a => a.Name.Contains(' ', StringComparison.Ordinal))))
            {
                return Labelled(window, number, number, authors, "byline inside the line");
            }
        }

        return prose ? null : Bare(window, number, line, isPerson);
    }

    private static Candidate Labelled(Window window, int number, int nameLine, List<ArticleAuthor> authors, string rule) =>
        new(number, authors, rule, DateMentions.Find(window.Line(number)).Count > 0 || window.NearDateLine(nameLine) ? 0 : UndatedPenalty, true);

    // A line without a label: a name alone beside the date line, a name and a role, a name and a date.
    private static Candidate? Bare(Window window, int number, string line, Func<string, bool> isPerson)
    {
        if ((TextShape.EndsSentence(line) && (TextShape.CountWords(line) >= 6 || FullStop().IsMatch(line))) || window.Continues(number))
        {
            // A caption or a sentence ("Dan Lieberman, Albany resident and energy expert, stands with ..."), or the
            // rest of a sentence wrapped onto this line ("... it has named" / "Robert Forsyth president.").
            return null;
        }

        var segments = Separator().Split(Unglue(line)).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (segments.Count == 0 || segments.Count > 4)
        {
            return null;
        }

        // A line in capitals is a wire headline, unless it is a name alone beside the date line ("LEONARDO GARCIA").
        if (!line.Any(char.IsLower))
        {
            return segments.Count == 1 && !line.Contains(',', StringComparison.Ordinal) && window.NearDateLine(number)
                && AuthorNames.Parse(line, NameEvidence.Bare, isPerson) is { Count: 1 } caps && caps[0].Role is null
                ? new Candidate(number, caps, "name beside the date line", BarePenalty, false) : null;
        }

        List<ArticleAuthor>? authors = null;
        var dated = false;
        var inCategory = false;
        string? role = null;
        foreach (var segment in segments)
        {
            if (IsMetaOnly(segment))
            {
                dated |= DateMentions.Find(segment).Count > 0;
            }
            else if (DateIn(segment) is { } at && authors is null && IsMetaOnly(segment[at..]))
            {
                // "Amit Samsukha October 11, 2024", "Patrick Clarke Published 10:19am 19 December 2025", "Matt Eland on
                // Dec. 13, 2025"; not a wire dateline's place ("JACKSON, MISS., May 20").
                var names = AuthorNames.Parse(Connector().Replace(segment[..at], ""), NameEvidence.Bare, isPerson);
                if (names.Count == 0 || !segment[..at].Any(char.IsLower))
                {
                    return null;
                }

                (authors, dated) = (names, true);
            }
            else if (authors is not null && role is null && AuthorNames.IsRole(segment) && !segment.Any(char.IsAsciiDigit) && char.IsUpper(segment[0]))
            {
                role = segment;
            }
            else if (authors is null && AuthorNames.Parse(segment, NameEvidence.Bare, isPerson) is { Count: > 0 } names)
            {
                authors = names;
            }
            else if (authors is null && InCategory().Match(segment) is { Success: true } category
                && AuthorNames.Parse(segment[..category.Index], NameEvidence.Bare, isPerson) is { Count: > 0 } filed)
            {
                authors = filed; // "Mahua Das in Project Management", on a dated line only (below)
                inCategory = true;
            }
            else
            {
                return null; // something else on the line: a menu, a headline, a sentence
            }
        }

        if (authors is null || (inCategory && !dated))
        {
            return null;
        }

        var roleOnLine = role is not null || authors.Any(a => a.Role is not null);

        // The role on the next line: "Chirag Bhardwaj" over "VP - Technology".
        if (role is null && !dated && authors.All(a => a.Role is null) && window.Next(number) is { } next
            && window.Line(next) is { } below && below.Length <= 60 && !below.Any(char.IsAsciiDigit) && char.IsUpper(below[0])
            && AuthorNames.IsRole(below, affiliation: false) && !AuthorNames.IsAgency(below) && authors.All(a => a.Name.Contains(' ', StringComparison.Ordinal)))
        {
            role = below;
        }

        if (role is not null)
        {
            authors = [.. authors.Select(a => a.Role is null ? a with { Role = role } : a)];
        }

        if (dated)
        {
            return new Candidate(number, authors, "name and date line", BarePenalty, false);
        }

        if (window.NearDateLine(number))
        {
            return new Candidate(number, authors, "name beside the date line", BarePenalty, false);
        }

        // A name and a role alone, no date near: a known first name only (menus are full of capitalised pairs).
        return authors.Any(a => a.Role is not null) && (roleOnLine || authors.All(a => AuthorNames.HasKnownFirstName(a.Name)))
            ? new Candidate(number, authors, "name and role", RolePenalty, false, Tier: 1) : null;
    }

    // The names of a byline's text after its label: up to a separator, a date, a label of another kind ("Updated",
    // "Reviewed by") or a word no name has.
    // Strict: the names must end the text, or be followed by a separator or a date only (a byline inside a sentence).
    private static List<ArticleAuthor> Names(string rest, bool strict = false)
    {
        var text = Unglue(rest).Trim().TrimStart(':', '-', '–', '—').Trim();
        if (Label().Match(text) is { Success: true, Length: > 0 } again)
        {
            text = text[again.Length..]; // "Author Posted by Soliant"
        }

        var end = Cut().Match(text) is { Success: true } cut ? cut.Index : text.Length;
        if (DateMentions.Find(text) is { Count: > 0 } dates && dates[0].Offset < end)
        {
            end = dates[0].Offset; // "By Sofia Gonzalez December 2, 2025"
        }

        // One word in lower case is a handle when a separator or a date follows it ("by whova | Apr 21, 2025") or
        // nothing does ("by ibby"); "by clicking", "By focusing on ..." are sentences.
        var names = text[..end];
        var next = text[end..].TrimStart();
        if (strict && (names.Contains(',', StringComparison.Ordinal) || (next.Length > 0 && !IsMetaOnly(Separator().Split(next)[0]))))
        {
            return [];
        }

        var handle = (next.Length == 0 || !char.IsLetter(next[0])) && !HandleEnd().IsMatch(names.TrimEnd());
        var authors = AuthorNames.Parse(names, handle ? NameEvidence.Handle : NameEvidence.Labelled);
        if (authors.Count == 0 || end == text.Length)
        {
            return authors;
        }

        // What follows the names: a role after a separator ("By Jane Smith - Political Editor") is theirs.
        var after = text[end..].TrimStart();
        if (after.Length > 0 && after[0] is '|' or '–' or '—' or '-' or '•' or '·' or '⋅' or '∙' && authors.All(a => a.Role is null))
        {
            var role = Separator().Split(after[1..].Trim())[0].Trim();
            if (role.Length > 0 && AuthorNames.IsRole(role) && !role.Any(char.IsAsciiDigit))
            {
                return [.. authors.Select(a => a with { Role = role })];
            }
        }

        return authors;
    }

    // Where a date (or a label of one) begins in `text`, past a name: "Amit Samsukha October 11, 2024".
    private static int? DateIn(string text)
    {
        var label = DateLabel().Match(text);
        var dates = DateMentions.Find(text);
        int? at = label.Success ? label.Index : null;
        if (dates.Count > 0 && (at is null || dates[0].Offset < at))
        {
            at = dates[0].Offset;
        }

        return at is > 0 ? at : null;
    }

    // Only dates, times, labels of dates and separators: "Published August 7, 2023", "September 1st, 2023",
    // "Updated on 23 Oct 2025 · 5 min read".
    private static bool IsMetaOnly(string text)
    {
        var rest = text;
        foreach (var date in DateMentions.Find(text).OrderByDescending(d => d.Offset))
        {
            rest = rest.Remove(date.Offset, date.Length);
        }

        return MetaWords().Replace(rest, "").Trim().Length == 0;
    }

    // A line that goes on from a sentence above ("... shares were bought" / "by Woolcott and Co Inc."), not a byline.
    private static bool Continues(Window window, int number, string line)
    {
        if (!char.IsLower(line[0]) || number < 2)
        {
            return false;
        }

        var above = window.Raw(number - 1);
        if (above.Length == 0 || TextShape.EndsSentence(above) || !(char.IsLower(above[^1]) || above[^1] == ','))
        {
            return false;
        }

        // A sentence, not a headline: most of its words in lower case.
        var words = above.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 6 && words.Count(w => char.IsLower(w[0])) * 2 > words.Length;
    }

    // Labels glued to the name by a renderer that drops the space between blocks: "By Arricca Elin SanSonePublished:
    // Dec 20, 2023", "Sean Peek, Senior AnalystUpdated Sep 17, 2025".
    private static string Unglue(string text) => GluedLabel().Replace(text, " ");

    /// <summary>The lines of the window, cleaned once: a text tool's bullet and surrounding spaces gone.</summary>
    private sealed class Window(IReadOnlyList<string> lines, int from, int to)
    {
        // The names the window credits with something else than the writing: "Edited by: Keri Stooksbury",
        // "Reviewed by Monika Nemcova", "Updated by Jon Linkov", "Photo by ...".
        public HashSet<string> OtherCredits()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var number = from; number <= to; number++)
            {
                foreach (Match credit in OtherCredit().Matches(Line(number)))
                {
                    var rest = credit.Groups["rest"].Value;
                    if (rest.Length == 0 && Next(number) is { } next)
                    {
                        rest = Line(next);
                    }

                    foreach (var author in Names(rest))
                    {
                        names.Add(author.Name);
                    }
                }
            }

            return names;
        }

        private readonly Dictionary<int, string> cleaned = [];
        private readonly Dictionary<int, bool> dateLines = [];

        public string Raw(int number) => number >= 1 && number <= lines.Count ? lines[number - 1] : "";

        public string Line(int number)
        {
            if (!cleaned.TryGetValue(number, out var line))
            {
                line = Raw(number).Trim().TrimStart('•', '*', '|', '·', '⋅').Trim();
                if (line.Length > 0 && line.Length <= 300)
                {
                    // An image's alt text a text browser wrote beside the name: "Picture of Adam Hamilton Adam Hamilton",
                    // "Matt Eland avatar", "[chirag-150x150.png]".
                    line = AltText().Replace(line, " ").Trim();
                    line = Doubled().Replace(line, "$1");
                }
                cleaned[number] = line;
            }

            return line;
        }

        // The next line that is not blank, two blank lines at most away.
        public int? Next(int number)
        {
            for (var at = number + 1; at <= Math.Min(lines.Count, number + 3); at++)
            {
                if (Line(at).Length > 0)
                {
                    return at;
                }
            }

            return null;
        }

        // Whether the window's text is hard-wrapped (a wire story: "it has named" / "Robert Forsyth president."), so
        // that a line may be the rest of the sentence above it; read once.
        private bool? wrapped;

        public bool Continues(int number)
        {
            wrapped ??= Enumerable.Range(from, to - from + 1).All(n => Raw(n).Length <= 100)
                && Enumerable.Range(from, to - from + 1).Count(n => Raw(n) is { Length: >= 40 } l && !TextShape.EndsSentence(l) && Raw(n + 1).Length > 0) >= 2;
            var above = Raw(number - 1);
            return wrapped.Value && above.Length > 0 && !TextShape.EndsSentence(above) && (char.IsLetterOrDigit(above[^1]) || above[^1] == ',');
        }

        // The first line that is not blank.
        public int? FirstLine()
        {
            for (var at = 1; at <= Math.Min(lines.Count, to); at++)
            {
                if (Line(at).Length > 0)
                {
                    return at;
                }
            }

            return null;
        }

        // A date line (a short line with a full date) within NearDate lines that are not blank.
        public bool NearDateLine(int number)
        {
            foreach (var step in (int[])[-1, 1])
            {
                for (int at = number + step, seen = 0; at >= Math.Max(1, from - NearDate) && at <= Math.Min(lines.Count, to + NearDate) && seen < NearDate; at += step)
                {
                    var line = Line(at);
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    if (IsDateLine(at, line))
                    {
                        return true;
                    }

                    // A label of the date block ("Last Updated:", "Share") is not counted.
                    seen += IsMetaOnly(line) || line.Length <= 6 ? 0 : 1;
                }
            }

            return false;
        }

        private bool IsDateLine(int number, string line)
        {
            if (!dateLines.TryGetValue(number, out var dated))
            {
                // A date line, or a line of the byline's block that is only a day and month or a reading time ("Jun
                // 9", "5 min read").
                dated = line.Length <= 120 && TextShape.CountWords(line) < ProseWords
                    && (DateMentions.Find(line).Any(d => d.Year is not null) || (IsMetaOnly(line) && (DateMentions.Find(line).Count > 0 || ReadingTime().IsMatch(line) || Ago().IsMatch(line))));
                dateLines[number] = dated;
            }

            return dated;
        }
    }

    // A label that credits something else than the writing, before a date's "by": "Updated by Jon Linkov".
    [GeneratedRegex(@"\b(?i:updated|modified|edited|reviewed|checked|photo|photos|photograph|illustration|illustrations|image|images|video|design|designed|produced|translated|narrated|read|powered|sponsored|brought|presented|hosted|made|built|developed|created|supported|funded|backed|inspired|followed|tested|researched|researched|inspected|approved|verified|curated|compiled|selected|chosen|ranked|rated|used|owned|operated|run|led|stand)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OtherLabel();

    // A credit of another kind than the writing, and the name after it.
    [GeneratedRegex(@"(?:^|[|•·]\s*|\.\s+)(?i:(?:(?:medically|expert|legally|clinically)\s+)?reviewed|fact[- ]?checked|edited|updated|photos?|photographs?|photography|illustrations?|images?|video|produced|translated)(?:\s+by)?\s*:\s*(?<rest>.*)$|(?:^|[|•·]\s*|\.\s+)(?i:(?:(?:medically|expert|legally|clinically)\s+)?reviewed|fact[- ]?checked|edited|updated|photos?|photographs?|illustrations?|images?|video|produced|translated)\s+by\s*:?\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherCredit();

    // A byline's label at the start of the line: "By", "By:", "ByNina Pineda", "Written by", "Author:", "Words:".
    [GeneratedRegex(@"^(?:(?i:(?:this\s+(?:post|article|story|piece|guide|page)\s+(?:was|is)\s+)?(?:written|posted|words|text|story|article|reporting|report|submitted|compiled|blog\s+post|guide|analysis|column|opinion|commentary|essay|interview)\s*by(?:by)?|by)(?=[\s:]|$)|By(?=\p{Lu}\p{Ll})|(?i:authors?|words|writer|byline|contributors?|author\s+name|reporter)(?:\s*:|(?=\s+\p{Lu})|$))\s*:?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    // "by" inside a line, after a date or a label of one.
    [GeneratedRegex(@"\b(?i:by)\s*:?\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex MidBy();

    // Where a byline's names end.
    [GeneratedRegex(@"\s*(?:[|•·⋅∙‧/()\[\]<>@]|\s[-–—]\s|[–—]|\s-$|\d|\b(?i:on|updated|published|posted|reviewed|fact[- ]?checked|edited|medically|last|in|at|for|from|follow|contact|email|read|view|more|via|about|photos?|illustrations?|images?)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Cut();

    // What splits a meta line into its parts: "Jane Smith | Sept 4, 2025", "Faith Katunga•Oct 20, 2025".
    [GeneratedRegex(@"\s*(?:[|•·⋅∙‧/]|\s[-–—]\s|[–—])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    // The words of a date line besides its dates: labels, times, reading time, separators.
    [GeneratedRegex(@"\b(?i:(?:(?:first|last|originally)\s+)?(?:published|posted|updated|modified|released|date|on|at|am|pm|read|mins?|minutes?)\b)|(?i:a\.m\.|p\.m\.)|\b(?:[A-Z]{1,2}[SD]T|GMT|UTC|BST|IST|ET|PT|CT)\b|\d+(?i:am|pm|th|st|nd|rd)?|\b(?i:comments?|views?|words|replies|shares|ago|seconds?|hours?|days?|weeks?|months?|years?|share|time)\b|[|•·⋅/,:;.\-–—()@\s]", RegexOptions.CultureInvariant)]
    private static partial Regex MetaWords();

    // A label of a date after a name: "Patrick Clarke Published 10:19am".
    [GeneratedRegex(@"\b(?:(?:First|Last|Originally)\s+)?(?i:published|posted|updated)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"\d+\s*(?i:min(?:ute)?s?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReadingTime();

    [GeneratedRegex(@"\[[^\]]*\.(?:png|jpe?g|gif|webp|svg|avif)\]|(?i:\b(?:picture|photo|image|headshot|portrait)\s+of\s+)|(?i:\s+(?:avatar|headshot|profile\s+(?:pic|picture|image|photo)|author\s+(?:image|photo)))\b|(?i:\bbyline\s+profile\s+image\b)", RegexOptions.CultureInvariant)]
    private static partial Regex AltText();

    // A name written twice, as an image's alt text and as text: "Tim Enwall Tim Enwall".
    [GeneratedRegex(@"^(\p{Lu}\S*(?: \S+){1,3}) \1$", RegexOptions.CultureInvariant)]
    private static partial Regex Doubled();

    // What joins a name to its date: "Matt Eland on Dec. 13, 2025".
    [GeneratedRegex(@"\s+(?i:on|at|published|posted|updated)(?:\s+on)?\s*:?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Connector();

    // A name filed in a category: "Mahua Das in Project Management".
    [GeneratedRegex(@"\s+in\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex InCategory();

    // A line that ends a sentence with a word, not an initial ("Cleveland Regional Transit Authority.", not "Jeff T.").
    [GeneratedRegex(@"\p{L}{3,}\.$", RegexOptions.CultureInvariant)]
    private static partial Regex FullStop();

    // A relative date line: "2 days ago", "Published 6 hours ago".
    [GeneratedRegex(@"\b\d+\s+(?i:minutes?|hours?|days?|weeks?|months?)\s+ago\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ago();

    // A byline label inside a line, after something else: "Written by", or "By" with a capital.
    [GeneratedRegex(@"(?<=\S\s+)(?:(?i:written\s+by)|By)\s*:?\s+(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex InnerLabel();

    // A verb's or an adverb's ending: no handle ("focusing", "submitted", "quickly").
    [GeneratedRegex(@"(?:ing|ed|ly)$", RegexOptions.CultureInvariant)]
    private static partial Regex HandleEnd();

    // A label or a month glued to the word before it: "SanSonePublished:", "ZeldmanNovember 20, 2007".
    [GeneratedRegex(@"(?<=\p{Ll})(?=(?:By|Published|Updated|Posted|Last\s+Updated|Reviewed|Follow|Contributor)\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d)", RegexOptions.CultureInvariant)]
    private static partial Regex GluedLabel();
}
