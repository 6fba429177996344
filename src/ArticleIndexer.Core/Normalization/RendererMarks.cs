using System.Text;
using System.Text.RegularExpressions;

namespace ArticleIndexer.Core.Normalization;

/// <summary>
/// Takes out of a page's text what the tool that turned the page into text drew, and the page never said, so that
/// later stages see the same text whichever tool made it:
/// <list type="bullet">
/// <item>list bullets, drawn differently by every tool (lynx <c>*</c> <c>+</c> <c>o</c> <c>#</c> by depth, w3m
/// <c>•</c> <c>□</c> <c>☆</c>, html2text <c>*</c> <c>o</c> <c>#</c>), become one bullet, <c>•</c>; a letter or a sign
/// that means something else at the left edge (<c>o</c>, <c>+</c>, <c>#</c>, <c>@</c>, and <c>*</c> of "* indicates
/// required") only in an indented line, as those tools draw lists;</item>
/// <item>lynx's link numbers (<c>[12]Cookie Policy</c>), when the text ends with lynx's list of the links they number
/// (<c>References</c>, then <c>12. https://…</c>); the list itself is left to the boilerplate stage, which names it;</item>
/// <item>lynx's marks of inserted and deleted text (<c>[INS: … :INS]</c>), around text that stays;</item>
/// <item>the form controls and placeholders text browsers draw where the page has a widget: lynx's
/// <c>(BUTTON)</c>, <c>[IMG]</c>, <c>[INLINE]</c>, <c>[LINK]</c>, <c>[EMBED]</c>, w3m's image without alt text
/// (<c>[svg]</c>, <c>[gif]</c>), a text field drawn as a run of
/// underscores, w3m's text field drawn as brackets around spaces, html2text's <c>[Unknown INPUT type]</c>; a button's
/// label stays, as the page shows it;</item>
/// <item>html2text's marks, in a text it made (headings drawn as <c>***** Title *****</c>, two or more of them, or
/// link text written with underscores for spaces, <c>Read_our_Editorial_Guidelines</c>, ten times or more): the
/// stars around headings, and the underscores of link text (never in an address or a path).</item>
/// </list>
/// Every change is within a line, and a text no such tool made comes back as it was.
/// </summary>
public static partial class RendererMarks
{
    /// <summary>Headings drawn with stars that make a text html2text's.</summary>
    internal const int Html2TextHeadings = 2;

    /// <summary>Link texts written with underscores that make a text html2text's without such headings.</summary>
    internal const int Html2TextLinks = 10;

    /// <summary>The line over lynx's list of links.</summary>
    internal const string LinkListHeading = "References";

    /// <summary>A line of lynx's list of links after its number: <c>. https://www.example.com/page</c>,
    /// <c>. mailto:desk@example.com</c> (a regular expression).</summary>
    internal const string LinkListAddress = @"\. [a-z][a-z0-9+.-]*:\S*";

    /// <summary><paramref name="text"/> without the marks of the tool that made it; the same string when it has none.</summary>
    public static string Remove(string text)
    {
        var references = LynxReferences(text);
        var html2Text = IsHtml2Text(text);
        var builder = (StringBuilder?)null;
        var start = 0;
        var lineNumber = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            // A line ends at "\n"; a "\r" before it (the normaliser makes every line end "\n" later) stays where it is.
            var line = text.AsSpan(start, end - start);
            var cr = line.EndsWith("\r") ? 1 : 0;
            var changed = RemoveFromLine(line[..^cr], lineNumber < references.ListLine ? references.Highest : 0, html2Text);
            changed = changed is not null && cr == 1 ? changed + "\r" : changed;
            if (changed is not null && builder is null)
            {
                builder = new StringBuilder(text.Length);
                builder.Append(text, 0, start);
            }

            if (builder is not null)
            {
                if (changed is not null)
                {
                    builder.Append(changed);
                }
                else
                {
                    builder.Append(line);
                }

                if (end < text.Length)
                {
                    builder.Append('\n');
                }
            }

            lineNumber++;
            start = end + 1;
        }

        return builder?.ToString() ?? text;
    }

    // The changed line, or null when nothing in it is a mark. `highestReference`: lynx's link numbers up to this one are
    // marks on this line (0: none are).
    private static string? RemoveFromLine(ReadOnlySpan<char> line, int highestReference, bool html2Text)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t')
        {
            indent++;
        }

        var content = line[indent..];
        var bullet = IsBullet(content, indent > 0);
        var hasReference = highestReference > 0 && content.Contains('[');
        var hasInsertion = content.Contains(":INS]", StringComparison.Ordinal) || content.Contains(":DEL]", StringComparison.Ordinal);
        var html2TextMarks = html2Text && (content.Contains('_') || content.StartsWith("**", StringComparison.Ordinal));
        var hasControl = content.Contains("____", StringComparison.Ordinal) || content.Contains("(BUTTON)", StringComparison.Ordinal)
            || content.Contains("[Unknown INPUT type]", StringComparison.Ordinal)
            || content.Contains("[ ", StringComparison.Ordinal) || (content.Contains('[') && Placeholder().IsMatch(content));
        if (!bullet && !hasReference && !hasInsertion && !html2TextMarks && !hasControl)
        {
            return null;
        }

        var result = line.ToString();
        if (bullet && content[0] != '•')
        {
            result = string.Concat(result.AsSpan(0, indent), "•", result.AsSpan(indent + 1));
        }

        if (hasReference)
        {
            result = LinkNumber().Replace(result, m => int.TryParse(m.ValueSpan[1..^1], out var n) && n <= highestReference ? "" : m.Value);
        }

        if (hasInsertion)
        {
            result = InsertionMark().Replace(result, "$1");
        }

        if (hasControl)
        {
            result = Control().Replace(result, "");
        }

        if (html2TextMarks)
        {
            result = StarredHeading().Replace(result, "$1$3");
            result = UnderscoredLink().Replace(result, m => m.Value.Contains('/') || m.Value.Contains('@') || m.Value.Contains("://")
                ? m.Value
                : m.Value.Replace('_', ' ').Trim());
        }

        return result == line ? null : result;
    }

    /// <summary>True when <paramref name="content"/> (a line without its indentation) starts with a list bullet and
    /// a space, then text. Letters and signs that mean something else at the left edge count only in an indented line.</summary>
    internal static bool IsBullet(ReadOnlySpan<char> content, bool indented) =>
        content.Length >= 3 && content[1] == ' ' && content[2] != ' '
        && (TextShape.IsBulletSign(content[0]) || (indented && (content[0] == '*' || TextShape.IsIndentedBullet(content[0]))));

    // Where lynx's list of links starts (the line "References" over numbered addresses) and the highest number in it;
    // (int.MaxValue, 0) when the text has none.
    private static (int ListLine, int Highest) LynxReferences(string text)
    {
        var heading = ReferencesHeading().Match(text);
        if (!heading.Success)
        {
            return (int.MaxValue, 0);
        }

        var at = heading.Index;
        var highest = 0;
        foreach (Match match in ReferenceLine().Matches(text, at))
        {
            highest = Math.Max(highest, int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (highest == 0)
        {
            return (int.MaxValue, 0);
        }

        var listLine = 0;
        foreach (var c in text.AsSpan(0, at))
        {
            listLine += c == '\n' ? 1 : 0;
        }

        return (listLine, highest);
    }

    private static bool IsHtml2Text(string text)
    {
        if (!text.Contains("** ", StringComparison.Ordinal) && !text.Contains('_'))
        {
            return false;
        }

        var headings = StarredHeading().Count(text);
        if (headings >= Html2TextHeadings)
        {
            return true;
        }

        var links = 0;
        foreach (var match in UnderscoredLink().EnumerateMatches(text))
        {
            var token = text.AsSpan(match.Index, match.Length);
            links += token.Contains('/') || token.Contains('@') || !CapitalisedWord().IsMatch(token) ? 0 : 1;
        }

        return links >= Html2TextLinks || (headings > 0 && links >= Html2TextLinks / 5);
    }

    // A word with a capital and then small letters: link text ("Get_a_Quote"), not code ("MAX_SIZE", "snake_case").
    [GeneratedRegex(@"(?:^|_)\p{Lu}\p{Ll}", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex("^" + LinkListHeading + @"\r?$", RegexOptions.Multiline | RegexOptions.RightToLeft | RegexOptions.CultureInvariant)]
    private static partial Regex ReferencesHeading();

    [GeneratedRegex(@"\[\d{1,5}\]", RegexOptions.CultureInvariant)]
    private static partial Regex LinkNumber();

    // lynx: "(BUTTON)", "[IMG]", "[INLINE]", "[LINK]", "[EMBED]", a text field "____________________"; w3m: a text
    // field "[                    ]", an image without alt text as its type ("[svg]"); html2text: "[Image]",
    // "[Unknown INPUT type]". With the space before it, so "(BUTTON) Sign in" leaves "Sign in".
    [GeneratedRegex(@" ?(?:\((?:BUTTON|SUBMIT|RESET)\)|\[(?:IMG|INLINE|LINK|EMBED|BUTTON|USEMAP|FIG|Image|svg|gif|png|jpe?g|webp)\]|\[Unknown INPUT type\]|(?<![\w])_{4,}(?![\w])|\[ {4,}\])", RegexOptions.CultureInvariant)]
    private static partial Regex Control();

    [GeneratedRegex(@"\[(?:IMG|INLINE|LINK|EMBED|BUTTON|USEMAP|FIG|Image|svg|gif|png|jpe?g|webp)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\[(?:INS|DEL): ?(.*?) ?:(?:INS|DEL)\]", RegexOptions.CultureInvariant)]
    private static partial Regex InsertionMark();

    [GeneratedRegex(@"^[ \t]*(\d{1,5})" + LinkListAddress + @"[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceLine();

    // "***** Title *****", "**** Section ****", "** Contents **": html2text's heading levels.
    [GeneratedRegex(@"^([ \t]*)(\*{2,5}) (\S.*?) \2[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StarredHeading();

    // A word joined to the next by underscores, as html2text writes the text of a link: "Get_a_Quote", "_How_It_Works".
    [GeneratedRegex(@"_*[\p{L}\p{N}][^\s_]*(?:_+[^\s_]+)+_*|_+[\p{L}\p{N}][^\s_]*", RegexOptions.CultureInvariant)]
    private static partial Regex UnderscoredLink();
}
