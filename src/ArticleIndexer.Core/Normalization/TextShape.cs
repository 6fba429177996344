using System.Text.RegularExpressions;

namespace ArticleIndexer.Core.Normalization;

/// <summary>Small questions about the shape of a line of text, shared by the boilerplate and title stages.</summary>
public static partial class TextShape
{
    /// <summary>True when <paramref name="line"/> ends a sentence: <c>. ! ? …</c>, possibly followed by closing quotes or brackets.</summary>
    public static bool EndsSentence(ReadOnlySpan<char> line)
    {
        var end = line.Length - 1;
        while (end >= 0 && line[end] is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or ' ')
        {
            end--;
        }

        return end >= 0 && line[end] is '.' or '!' or '?' or '…';
    }

    /// <summary>The number of space-separated words in <paramref name="line"/>.</summary>
    public static int CountWords(string line)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }

    /// <summary>
    /// True when <paramref name="line"/> opens a story with a wire dateline: a place, then the day or the agency, then
    /// a dash ("LOS ANGELES, March 16 - Shr profit nine cts", "BROOKLYN, N.Y., March 16 - Shr", "WASHINGTON (AP) —
    /// The"). What follows it is the story, even before its first paragraph of prose (a wire earnings report is a
    /// table, then a note), and the line itself is no headline.
    /// </summary>
    public static bool OpensStory(string line) => WireDateline().IsMatch(line);

    /// <summary>True for a sign that text tools draw as a list bullet and text never starts a line with otherwise
    /// (<c>•</c>, w3m's <c>□ ☆ ○ ■</c>, <c>▪ ► ▸</c>...).</summary>
    internal static bool IsBulletSign(char c) =>
        c is '•' or '·' or '◦' or '▪' or '■' or '□' or '○' or '☆' or '★' or '‣' or '►' or '▸';

    /// <summary>True for a letter or sign that is a list bullet only in an indented line, as text browsers draw nested
    /// lists (lynx <c>o + # @</c>), and a word or a sign elsewhere ("o Brasil", "# of users").</summary>
    internal static bool IsIndentedBullet(char c) => c is 'o' or '+' or '#' or '@';

    /// <summary>The length of the place a wire dateline opens <paramref name="line"/> with ("HARTFORD, Conn." of
    /// "HARTFORD, Conn., March 3 - ..."), or 0 when the line opens with no dateline.</summary>
    public static int DatelinePlaceLength(ReadOnlySpan<char> line)
    {
        foreach (var match in WireDateline().EnumerateMatches(line))
        {
            var cut = match.Length;
            while (cut > 0 && line[cut - 1] is '-' or '–' or '—' or ' ' or ',')
            {
                cut--;
            }

            return cut;
        }

        return 0;
    }

    // The place, then (looked at, not taken) the day or the agency and the dash: a match is the dateline's place.
    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’&/ -]{1,40}?(?:, \p{Lu}[\p{L}.'’ -]{1,25}?)?(?=(?:, (?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}| ?\([\p{L}.' ]{2,30}\))\s?[-–—]{1,2}\s\S)", RegexOptions.CultureInvariant)]
    private static partial Regex WireDateline();
}
