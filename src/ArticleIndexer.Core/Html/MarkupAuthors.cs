using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ArticleIndexer.Core.Metadata;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// Splits a byline the markup gives ("By Jane Smith and John Doe", "Danielle DeSiato, Donna Enzmann, and Natalie
/// Nguyen", "Shelby Loos, DVM", "Luke Kim December 17, 2025") into names, each with the role the byline gives after
/// it, and finds the byline elements of a page (<c>rel="author"</c>, <c>itemprop="author"</c>, a class or id with
/// "byline" or "author"). The label ("By", "Written by"), dates, reading times and what follows a separator are
/// cut; a user handle ("andrew.keaveney"), an address, the site's own name and words like "Staff" are no names.
/// </summary>
internal static partial class MarkupAuthors
{
    // Words that are a byline's role or credential, never a name's part.
    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "editor", "editors", "writer", "reporter", "correspondent", "columnist", "contributor", "contributing", "analyst",
        "director", "founder", "co-founder", "ceo", "cto", "cfo", "president", "manager", "chief", "producer", "staff",
        "senior", "journalist", "author", "md", "phd", "dvm", "rn", "rd", "cfp", "mba", "faclm", "lcsw", "do", "jr", "sr",
        "intern", "host", "grader", "journalism", "photographer", "expert", "specialist", "strategist", "officer", "head", "lead", "professor",
    };

    // Names a byline element holds that are no one's name.
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "staff", "staff writer", "admin", "administrator", "author", "authors", "editor", "editorial", "guest", "share",
        "follow", "home", "blog", "news", "about", "about the author", "more", "read more", "contributor", "written by",
        "posted by", "by", "the author", "anonymous", "unknown", "user",
    };

    /// <summary>The authors a byline names, in its order; empty when it names none. A <paramref name="declared"/>
    /// byline is the page's own statement of its author (JSON-LD, a meta tag): a user name ("aawoods") or an
    /// organisation ("Center for Drug Evaluation and Research") counts there as the page gives it, and "|" parts the
    /// name from its affiliation; a byline read from the page's elements must look like people's names (a user name
    /// only after "By").</summary>
    public static List<ArticleAuthor> Parse(string? byline, bool declared = false) => Read(byline, declared).Authors;

    /// <summary>A byline read: its authors and its text as the page writes it, label, dates and what follows the
    /// names cut ("Jane Smith and John Doe, Political Editor").</summary>
    internal sealed record Byline(List<ArticleAuthor> Authors, string Text);

    /// <summary>Reads <paramref name="byline"/> as <see cref="Parse"/> does, with the text the names were read from.</summary>
    internal static Byline Read(string? byline, bool declared = false)
    {
        var authors = new List<ArticleAuthor>();
        if (string.IsNullOrWhiteSpace(byline) || byline.Length > 300 || byline.Contains("://", StringComparison.Ordinal))
        {
            return new Byline(authors, string.Empty);
        }

        var text = Spaces().Replace(byline, " ").Trim();
        var labelled = Label().IsMatch(text);
        if (labelled)
        {
            text = Label().Replace(text, string.Empty);
        }
        else if (InnerLabel().Match(text) is { Success: true } inner)
        {
            // "Updated January 08, 2026 Written by Meghan Neville": the names follow the label.
            (text, labelled) = (text[(inner.Index + inner.Length)..], true);
        }

        // "Dec 17, 2025 | Julian K. Arni": a date before the names.
        if (DateMentions.Find(text) is [{ Offset: <= 2 } lead, ..])
        {
            text = text[(lead.Offset + lead.Length)..].TrimStart(' ', '|', '•', '·', '-', '–', '—', ',', ':');
        }

        var cut = text.Length;
        if (DateMentions.Find(text) is { Count: > 0 } dates)
        {
            cut = Math.Min(cut, dates[0].Offset);
        }

        string? affiliation = null;
        if (declared && text.IndexOf(" | ", StringComparison.Ordinal) is > 0 and var bar && bar < cut)
        {
            affiliation = text[(bar + 3)..cut].Trim();
            cut = bar;
        }

        if ((declared ? DeclaredStop() : Stop()).Match(text) is { Success: true } stop)
        {
            cut = Math.Min(cut, stop.Index);
        }

        text = text[..cut].Trim().TrimEnd(',', '-', '–', '—', ':', '.', '|').Trim();
        var written = affiliation is null ? text : text + ", " + affiliation;
        var parts = Joiner().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (declared && parts.Count > 0
            && (NameAndRole(parts[0], true) is null || !parts.All(p => NameAndRole(p, true) is not null || IsRole(p) || Credential().IsMatch(p))))
        {
            // Parts that are no names ("Center for Drug Evaluation and Research"): the page's author is the whole.
            if (NameAndRole(text, true, whole: true) is ({ } whole, _))
            {
                authors.Add(new ArticleAuthor(whole, affiliation));
            }

            return new Byline(authors, written);
        }

        foreach (var raw in parts)
        {
            var part = Label().Replace(raw.Trim('.', ',', ';', ':').Trim(), string.Empty);
            if (part.Length == 0)
            {
                continue;
            }

            if (authors.Count > 0 && (IsRole(part) || Credential().IsMatch(part)))
            {
                var last = authors[^1];
                authors[^1] = last with { Role = last.Role is null ? part : last.Role + ", " + part };
            }
            else if (NameAndRole(part, declared || labelled) is ({ } name, var role))
            {
                authors.Add(new ArticleAuthor(name, role));
            }
            else if (authors.Count > 0)
            {
                break;
            }
        }

        if (affiliation is not null && authors.Count > 0)
        {
            var last = authors[^1];
            authors[^1] = last with { Role = last.Role is null ? affiliation : last.Role + ", " + affiliation };
        }

        return new Byline(authors.DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList(), written);
    }

    /// <summary>The bylines of <paramref name="document"/>'s elements in document order, each with how it was found:
    /// <c>rel="author"</c>, <c>itemprop="author"</c>, a class or id naming a byline or an author, a link to an author's
    /// page (<c>/author/jane-smith</c>), an element after a label alone ("Written by", "By") or after a text ending in
    /// "by"; outside navigation, footers, asides and comments.</summary>
    public static IEnumerable<(string Text, string How)> Bylines(IDocument document)
    {
        if (document.Body is null)
        {
            yield break;
        }

        foreach (var element in document.Body.Descendants<IElement>())
        {
            if (element.TagName is "SCRIPT" or "STYLE" or "NOSCRIPT" or "TEMPLATE" or "SVG" or "IMG" or "META" or "LINK" or "BUTTON")
            {
                continue;
            }

            var names = ((element.GetAttribute("class") ?? string.Empty) + " " + (element.Id ?? string.Empty)).ToLowerInvariant();
            var how = (element.GetAttribute("rel") ?? string.Empty).Contains("author", StringComparison.OrdinalIgnoreCase) ? "rel=author"
                : (element.GetAttribute("itemprop") ?? string.Empty).Contains("author", StringComparison.OrdinalIgnoreCase) ? "itemprop=author"
                : names.Contains("byline", StringComparison.Ordinal) || names.Contains("author", StringComparison.Ordinal) ? "byline element"
                : element.TagName == "A" && AuthorPage().IsMatch(element.GetAttribute("href") ?? string.Empty) ? "link to an author's page"
                : null;
            if (how is not null)
            {
                if (!InFurniture(element))
                {
                    yield return (Text(element), how);
                }

                continue;
            }

            // <p>Written by</p><p>Jane Smith</p>: the label's parent holds the byline.
            if (element.Children.Length == 0 && LabelOnly().IsMatch(element.TextContent.Trim()) && element.ParentElement is { } parent
                && !InFurniture(element))
            {
                yield return (Text(parent), "byline label");
                continue;
            }

            // "... by <a>Jane Smith</a>": a text ending in "by" before the element, a capitalised name in it ("by
            // email" is no byline).
            if (element.PreviousSibling is IText before && EndsInBy().IsMatch(before.Data) && !InFurniture(element)
                && element.TextContent.TrimStart() is { Length: > 0 } named && char.IsUpper(named[0]))
            {
                yield return ("By " + Text(element), "byline label");
            }
        }
    }

    /// <summary>The text of <paramref name="element"/> with its parts apart: text in different elements is joined by
    /// " | " (so a name glued to a date or a role in the next element stays apart), a label ("By") or a joiner
    /// ("and", ",") by a space.</summary>
    public static string Text(IElement element)
    {
        var parts = new List<string>();
        foreach (var node in element.Descendants<IText>())
        {
            if (node.ParentElement?.TagName is "SCRIPT" or "STYLE")
            {
                continue;
            }

            var text = Spaces().Replace(node.Data, " ").Trim();
            if (text.Length > 0)
            {
                parts.Add(text);
            }
        }

        var joined = new System.Text.StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                var glue = LabelOnly().IsMatch(parts[i - 1]) || JoinerOnly().IsMatch(parts[i - 1]) || JoinerOnly().IsMatch(parts[i])
                           || parts[i - 1].EndsWith(',') || parts[i].StartsWith(',');
                joined.Append(glue ? " " : " | ");
            }

            joined.Append(parts[i]);
        }

        return joined.ToString();
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name the same thing, case, spaces and punctuation
    /// aside ("The Paper" and "the paper", "USA TODAY" and "USA Today").</summary>
    public static bool Same(string a, string b) => Key(a).Length > 0 && Key(a) == Key(b);

    private static string Key(string value) => new(value.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static bool InFurniture(IElement element)
    {
        for (var node = element.ParentElement; node is not null; node = node.ParentElement)
        {
            if (node.TagName is "NAV" or "FOOTER" or "ASIDE")
            {
                return true;
            }

            var names = ((node.GetAttribute("class") ?? string.Empty) + " " + (node.Id ?? string.Empty)).ToLowerInvariant();
            if (names.Contains("comment", StringComparison.Ordinal) || names.Contains("related", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // "Jane Smith" -> (Jane Smith, null); "Harry Rabinowitz Tech Reporter" -> no name (a role word after a name is cut
    // by the caller's separators only); "Mayank Gupta" -> name. Null when `part` reads as no person's or desk's name.
    private static (string Name, string? Role)? NameAndRole(string part, bool declared, bool whole = false)
    {
        if (NotNames.Contains(part) || part.Length > (whole ? 80 : 60) || part.Contains('@') || part.Contains('{') || part.Count(c => c == '.') >= 2 && !part.Contains(' '))
        {
            // "page.head.extra.author": a template's placeholder.
            return null;
        }

        if (!declared && part.Any(char.IsDigit))
        {
            return null;
        }

        var tokens = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is 0 || tokens.Length > (whole ? 10 : 6))
        {
            return null;
        }

        if (whole)
        {
            return char.IsLetter(part[0]) && char.IsUpper(part[0]) ? (part, null) : null;
        }

        if (tokens.Length == 1 && part.Length <= 3 && part.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            // "NB", "CM": the initials of an avatar.
            return null;
        }

        if (tokens.Length == 1 && (Handle().IsMatch(part) || part.All(c => !char.IsLetter(c) || char.IsLower(c))))
        {
            // "aawoods", "q_admin": a user name. The page's own statement of its author may be one; a byline element
            // holding one is more often a login or a comment's.
            return declared && !part.Contains('.') ? (part, null) : null;
        }

        if (declared && tokens.All(t => t.All(c => !char.IsLetter(c) || char.IsLower(c))))
        {
            // "annette thurmon": a declared name written in lower case.
            return (part, null);
        }

        var roleAt = Array.FindIndex(tokens, t => RoleWords.Contains(t.Replace(".", string.Empty).Trim(',')));
        if (roleAt == 0)
        {
            return null;
        }

        var nameTokens = roleAt > 0 ? tokens[..roleAt] : tokens;
        if (!nameTokens.All(t => char.IsUpper(t[0]) || Particle().IsMatch(t) || (t.Length > 1 && !char.IsLetter(t[0]) && char.IsUpper(t[1]))))
        {
            return null;
        }

        var name = string.Join(' ', nameTokens);
        return NotNames.Contains(name) ? null : (name, roleAt > 0 ? string.Join(' ', tokens[roleAt..]) : null);
    }

    private static bool IsRole(string part)
    {
        var tokens = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length <= 8 && tokens.Any(t => RoleWords.Contains(t.Replace(".", string.Empty).Trim(',')) || t is "of" or "at" or "for");
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    // The byline's label at its start: "By", "By:", "ByJane" (glued), "Written by", "Posted by", "Author:", "Words:".
    [GeneratedRegex(@"^(?:(?:written|posted|words|text|story|reported|published)\s+by\s*:?\s*|by\s*:\s*|by\s+|by(?=\p{Lu})|authors?\s*:\s*|words\s*:\s*|von\s+|par\s+|por\s+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    // "/author/jane-smith", "/authors/jane-smith/": a link to an author's page.
    [GeneratedRegex(@"/(?:author|authors|writers?|contributors?)/[\w.%-]+/?(?:[?#]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorPage();

    [GeneratedRegex(@"(?:^|\s)(?:(?:written|posted|article|story|words|text)\s+)?by\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsInBy();

    [GeneratedRegex(@"\b(?:(?:written|posted|reported)\s+)?by\s*:?\s*(?=\p{Lu})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InnerLabel();

    [GeneratedRegex(@"^(?:(?:written|posted|words|text|story|article)\s+by|by|authors?|author\(s\)|written by:?)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelOnly();

    [GeneratedRegex(@"^(?:and|&|,|;)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JoinerOnly();

    // Where the names end: a separator, a date label, a reviewer, a reading time, "on <date>", "in <section>".
    [GeneratedRegex(@"\s*(?:\||•|·|/|\s[-–—]\s|\s(?:on|in)\s|\b(?:Updated|Published|Posted|Reviewed|Medically|Fact[- ]?checked|Edited|Last\s+updated|Follow|Read\s+more|Share|Email)\b|\b\d+\s*min)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Stop();

    // For the page's declared author, only a date label or a reviewer ends the names: "Human in the Loop" is one name.
    [GeneratedRegex(@"\s*(?:•|·|\s[-–—]\s|\b(?:Updated|Published|Posted|Reviewed|Medically|Fact[- ]?checked|Edited|Last\s+updated)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredStop();

    [GeneratedRegex(@",\s*and\s+|,\s*|\s+and\s+|\s*&\s*|;\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Joiner();

    [GeneratedRegex(@"^(?:van|von|der|den|de|del|della|di|da|du|dos|das|le|la|bin|al|el|y|the|ter|ten|st\.?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Particle();

    // "MD", "M.D. FACLM", "DVM": letters in capitals, with or without full stops.
    [GeneratedRegex(@"^(?:\p{Lu}[\p{Lu}.]{0,6})(?:\s+\p{Lu}[\p{Lu}.]{0,6})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Credential();

    [GeneratedRegex(@"[._]\p{L}|^\p{Ll}+\d", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
