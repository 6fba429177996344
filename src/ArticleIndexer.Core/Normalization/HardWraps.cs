namespace ArticleIndexer.Core.Normalization;

/// <summary>
/// Joins the lines of hard-wrapped text back into paragraphs. Wire copy, e-mail and old archives break every line at a
/// fixed width (Reuters-21578 at about 65 characters, a new paragraph indented); later stages read a line as a
/// paragraph and a line start as a sentence start, so "Treasury Secretary James" / "Baker said" would be two sentences
/// and the cleaned article a column of fragments.
/// <para>
/// A file is hard-wrapped when its lines have a ceiling (nine in ten are at most a width between 50 and 100
/// characters, and hardly any goes past it) and its long lines run on into a next line that starts in lower case. Then
/// a line break is a wrap, and becomes a space, when the next line's first word would not have fitted on the line
/// (or nearly, and the line runs on into it), the next line starts at the left edge or at the line's own indentation
/// (an indented line starts a paragraph), is not a list item after a sentence nor a sign-off after one ("REUTER"), and
/// the line is not an all-capitals headline over a line that is not. Text with a paragraph per line (the seeds, saved
/// web pages) has no ceiling and is left as it is.
/// </para>
/// </summary>
public static class HardWraps
{
    private const int MinLines = 6;
    private const int MinWidth = 50;
    private const int MaxWidth = 100;

    /// <summary><paramref name="text"/> with its wrapped lines joined; the same string when it is not hard-wrapped.</summary>
    public static string Join(string text)
    {
        if (text.IndexOf('\n') < 0 && text.IndexOf('\r') < 0)
        {
            return text;
        }

        var lines = Split(text);
        var width = Width(lines);
        if (width == 0)
        {
            return text;
        }

        var indentStartsParagraphs = IndentStartsParagraphs(lines);
        var joins = new bool[lines.Count];
        var any = false;
        var first = true;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            joins[i] = IsWrap(lines[i], lines[i + 1], width, first, indentStartsParagraphs);
            any |= joins[i];
            first &= lines[i].IsBlank;
        }

        if (!any)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            builder.Append(text, line.Start, line.Length);
            if (line.EndLength > 0)
            {
                if (joins[i])
                {
                    builder.Append(' ');
                }
                else
                {
                    builder.Append(text, line.Start + line.Length, line.EndLength);
                }
            }
        }

        return builder.ToString();
    }

    // The wrap width when the text is hard-wrapped, else 0: the 90th percentile of the non-blank lines' lengths, when
    // at most 3 % of them go past it by more than a tenth, and when at least a quarter of the lines at least 70 % of
    // that long run on into a line starting in lower case.
    private static int Width(List<Line> lines)
    {
        var lengths = new List<int>(lines.Count);
        foreach (var line in lines)
        {
            if (!line.IsBlank)
            {
                lengths.Add(line.Width);
            }
        }

        if (lengths.Count < MinLines)
        {
            return 0;
        }

        lengths.Sort();
        var width = lengths[(int)(0.9 * (lengths.Count - 1))];
        if (width is < MinWidth or > MaxWidth)
        {
            return 0;
        }

        var over = lengths.Count(length => length > width + width / 10);
        if (over > Math.Max(1, lengths.Count * 3 / 100))
        {
            return 0;
        }

        int longLines = 0, runOns = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBlank || lines[i].Width < width * 7 / 10)
            {
                continue;
            }

            longLines++;
            if (i + 1 < lines.Count && !lines[i + 1].IsBlank && char.IsLower(lines[i + 1].FirstChar))
            {
                runOns++;
            }
        }

        return runOns >= 3 && runOns * 4 >= longLines ? width : 0;
    }

    // Whether an indented line starts a paragraph (wire copy: an indented first line, the rest at the left edge) rather
    // than a whole block being indented: indented lines go on at the left edge at least twice.
    private static bool IndentStartsParagraphs(List<Line> lines)
    {
        var count = 0;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (lines[i].Indent > 0 && !lines[i].IsBlank && !lines[i + 1].IsBlank && lines[i + 1].Indent == 0 && ++count == 2)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWrap(Line line, Line next, int width, bool firstLine, bool indentStartsParagraphs)
    {
        // A wrapped line goes on at the paragraph's left edge, or at the block's indentation where whole blocks are
        // indented; any other indentation starts something new (a paragraph, Reuters' " Reuter" sign-off).
        if (line.IsBlank || next.IsBlank || (next.Indent > 0 && (indentStartsParagraphs || next.Indent != line.Indent)))
        {
            return false;
        }

        // A list item starts a line after a sentence, a colon or another item; a dash or "1." that a wrap brought to
        // the start of a line ("LOS ANGELES, March 16" / "- Shares of") goes on with the sentence before it.
        if (next.IsListItem && (line.IsListItem || line.EndsSentence || line.EndsWithColon))
        {
            return false;
        }

        if (line.IsAllCapitals && !next.IsAllCapitals)
        {
            return false; // a headline over its story
        }

        if (line.EndsSentence && (next.IsAllCapitals || next.IsOneWord))
        {
            return false; // a sign-off or a heading after a sentence: "... the sources said." / "REUTER"
        }

        // Wrapping tools break a little short of the width the lines reach, so a line whose next word would have
        // fitted by up to 15 % of it is still wrapped when it runs on: no sentence ends there, or the next line
        // starts in lower case. Past that, the line ended on purpose. The first line may be a headline in any case,
        // so it needs the strict test.
        var reach = line.Width + 1 + next.FirstWordLength;
        return reach > width
            || (!firstLine && reach > width * 85 / 100 && (!line.EndsSentence || char.IsLower(next.FirstChar)));
    }

    private static List<Line> Split(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length)
            {
                lines.Add(Line.Read(text, start, i - start, 0));
                break;
            }

            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
            {
                var endLength = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                lines.Add(Line.Read(text, start, i - start, endLength));
                i += endLength - 1;
                start = i + 1;
            }
        }

        return lines;
    }

    // One physical line: where it starts, its length and that of its line end, and the few facts the decision reads.
    private readonly record struct Line(int Start, int Length, int EndLength, int Indent, int Width, char FirstChar,
        int FirstWordLength, bool IsListItem, bool IsAllCapitals, bool EndsSentence, bool EndsWithColon)
    {
        public bool IsBlank => Width == Indent;

        public bool IsOneWord => FirstWordLength == Width - Indent;

        public static Line Read(string text, int start, int length, int endLength)
        {
            var span = text.AsSpan(start, length);
            var indent = 0;
            while (indent < span.Length && char.IsWhiteSpace(span[indent]))
            {
                indent++;
            }

            var width = span.Length;
            while (width > indent && char.IsWhiteSpace(span[width - 1]))
            {
                width--;
            }

            var content = span[indent..width];
            var firstWord = content.IndexOfAny(' ', '\t');
            var firstWordLength = firstWord < 0 ? content.Length : firstWord;
            bool letters = false, lower = false;
            foreach (var c in content)
            {
                letters |= char.IsLetter(c);
                lower |= char.IsLower(c);
            }

            return new Line(start, length, endLength, indent, width, content.IsEmpty ? '\0' : content[0], firstWordLength,
                StartsListItem(content), letters && !lower, content.Length > 0 && TextShape.EndsSentence(content),
                content.Length > 0 && content[^1] == ':');
        }

        private static bool StartsListItem(ReadOnlySpan<char> content)
        {
            if (content.Length >= 2 && content[0] is '-' or '*' or '•' or '–' or '·' && content[1] == ' ')
            {
                return true;
            }

            var digits = 0;
            while (digits < content.Length && digits < 3 && char.IsAsciiDigit(content[digits]))
            {
                digits++;
            }

            return digits > 0 && digits + 1 < content.Length && content[digits] is '.' or ')' && content[digits + 1] == ' ';
        }
    }
}
