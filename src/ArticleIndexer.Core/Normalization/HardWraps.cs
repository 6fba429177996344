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

    // Text browsers dump at any width they are given (w3m -cols 132, lynx -width=132); a paragraph-per-line text
    // never has a ceiling this low that hardly any line passes.
    private const int MaxWidth = 200;

    // A word this long is an address or a path, not a word a wrap would move to the next line.
    private const int LongWord = 40;

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

        var style = Indentation(lines, width);
        var joins = new bool[lines.Count];
        var any = false;
        var first = true;
        var column = -1;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            // A list item's wrapped lines line up with its text, not with its marker ("  • Coverage for" /
            // "    conditions"): the column they continue at is the item's, carried along its lines.
            column = i > 0 && joins[i - 1] ? column : lines[i].IsListItem ? lines[i].TextColumn : -1;
            joins[i] = IsWrap(lines[i], lines[i + 1], width, first, style, column);
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
                    // A word a wrapping tool broke at its hyphen ("long-" / "term") is one word again.
                    if (!(line.EndsWithWordHyphen && char.IsLower(lines[i + 1].FirstChar)))
                    {
                        builder.Append(' ');
                    }

                    // The next line's indentation is the wrap's, not the text's.
                    var next = lines[i + 1];
                    lines[i + 1] = next with { Start = next.Start + next.Indent, Length = next.Length - next.Indent, Indent = 0, Width = next.Width - next.Indent };
                }
                else
                {
                    builder.Append(text, line.Start + line.Length, line.EndLength);
                }
            }
        }

        return builder.ToString();
    }

    // The wrap width when the text is hard-wrapped, else 0: the 90th percentile of the lengths of the lines that could
    // have been broken (a long address or a rule of dashes has no space to break at, and wrapping tools leave it
    // whole), when at most 3 % of them go past it by more than a tenth, and when at least a fifth of the lines at
    // least 70 % of that long run on into a line starting in lower case (not more: on a page of short paragraphs, many
    // long lines end one).
    private static int Width(List<Line> lines)
    {
        var lengths = new List<int>(lines.Count);
        foreach (var line in lines)
        {
            if (!line.IsBlank && !line.IsUnbreakable && !line.IsTableRow)
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
            if (lines[i].IsBlank || lines[i].IsUnbreakable || lines[i].IsTableRow || lines[i].Width < width * 7 / 10)
            {
                continue;
            }

            longLines++;
            if (i + 1 < lines.Count && !lines[i + 1].IsBlank && char.IsLower(lines[i + 1].FirstChar))
            {
                runOns++;
            }
        }

        return runOns >= 3 && runOns * 5 >= longLines ? width : 0;
    }

    // How a paragraph's lines are indented: wire copy indents a paragraph's first line and goes on at the left edge
    // (a long indented line that ends no sentence followed by one at the edge, at least twice; then an indented line
    // starts a paragraph); text
    // browsers indent whole blocks (lynx puts paragraphs three columns in, headings at the edge: a long line that ends
    // no sentence going on at its own indentation in lower case, at least twice and more often than the other; then a
    // line at another column is something new); e-mail and most dumps indent nothing.
    private static Style Indentation(List<Line> lines, int width)
    {
        int firstLine = 0, block = 0;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var (line, next) = (lines[i], lines[i + 1]);
            if (line.IsBlank || next.IsBlank || line.Indent == 0)
            {
                continue;
            }

            if (next.Indent == 0 && line.Width >= width * 7 / 10 && !line.EndsSentence)
            {
                firstLine++;
            }
            else if (next.Indent == line.Indent && line.Width >= width * 7 / 10 && !line.EndsSentence && char.IsLower(next.FirstChar))
            {
                block++;
            }
        }

        return firstLine >= 2 && firstLine >= block ? Style.FirstLineIndented
            : block >= 2 ? Style.BlocksIndented
            : Style.Flat;
    }

    private enum Style
    {
        /// <summary>Lines start at the left edge; an indented line goes on only at the same indentation.</summary>
        Flat,

        /// <summary>Wire copy: a paragraph's first line is indented, its other lines start at the edge.</summary>
        FirstLineIndented,

        /// <summary>Text browsers: whole blocks are indented; a line goes on only at its block's column.</summary>
        BlocksIndented,
    }

    // `column` is the text column of the list item `line` is part of, or -1.
    private static bool IsWrap(Line line, Line next, int width, bool firstLine, Style style, int column)
    {
        if (line.IsBlank || next.IsBlank || line.IsTableRow || next.IsTableRow || !line.HasWords || !next.HasWords
            || line.IsStarredHeading || next.IsStarredHeading)
        {
            return false; // a drawn rule ("=====", "━━━━") or heading ("***** Related *****") stands between blocks
        }

        // A wrapped line goes on at the paragraph's left edge, at the block's indentation where whole blocks are
        // indented, or at the text of a list item; any other indentation starts something new (a paragraph, Reuters'
        // " Reuter" sign-off, a nested list).
        var continues = next.Indent == column || style switch
        {
            Style.FirstLineIndented => next.Indent == 0,
            Style.BlocksIndented => next.Indent == line.Indent,
            _ => next.Indent == 0 || next.Indent == line.Indent,
        };
        if (!continues || (next.IsListItem && next.Indent > 0))
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
    // Its text column is where its words start: past the indentation, and past the marker of a list item.
    private readonly record struct Line(int Start, int Length, int EndLength, int Indent, int Width, char FirstChar,
        int FirstWordLength, bool IsListItem, bool IsAllCapitals, bool EndsSentence, bool EndsWithColon, int TextColumn,
        bool EndsWithWordHyphen, int LastWordLength, bool HasWords)
    {
        public bool IsBlank => Width == Indent;

        public bool IsOneWord => FirstWordLength == Width - Indent;

        /// <summary>A line a wrapping tool could not have broken to fit: one word, or ending in a word as long as a
        /// line (an address in lynx's list of links), which it leaves whole however long.</summary>
        public bool IsUnbreakable => IsOneWord || LastWordLength >= LongWord;

        /// <summary>A row of a table as text browsers lay one out (cells apart by runs of spaces or tabs, or
        /// box-drawing lines), or preformatted text indented by a tab. It may be as wide as it likes, and it never runs
        /// on into the next line.</summary>
        public bool IsTableRow { get; init; }

        /// <summary>A heading drawn between stars, as html2text draws them (<c>***** Related stories *****</c>, with
        /// no blank line around it) and Markdown's bold lines: a block of its own.</summary>
        public bool IsStarredHeading { get; init; }

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
            bool letters = false, lower = false, digits = false;
            foreach (var c in content)
            {
                letters |= char.IsLetter(c);
                lower |= char.IsLower(c);
                digits |= char.IsDigit(c);
            }

            var marker = ListMarkerLength(content, indent > 0);
            var lastSpace = content.LastIndexOfAny(' ', '\t');
            return new Line(start, length, endLength, indent, width, content.IsEmpty ? '\0' : content[0], firstWordLength,
                marker > 0, letters && !lower, content.Length > 0 && TextShape.EndsSentence(content),
                content.Length > 0 && content[^1] == ':', indent + marker,
                content.Length >= 2 && content[^1] == '-' && char.IsLetter(content[^2]), content.Length - lastSpace - 1, letters || digits)
            {
                IsTableRow = content.Contains("   ", StringComparison.Ordinal) || content.Contains('\t')
                    || content.ContainsAnyInRange('\u2500', '\u257F') || span[..indent].Contains('\t'),
                IsStarredHeading = content.Length > 4 && content.StartsWith("**", StringComparison.Ordinal)
                    && content.EndsWith("**", StringComparison.Ordinal),
            };
        }

        // The length of a list item's marker with the spaces after it ("• ", "1. ", "+ " of a nested lynx list), or 0.
        // Letters and signs that are words elsewhere ("o", "+", "#") are markers only in an indented line, as text
        // browsers draw nested lists.
        private static int ListMarkerLength(ReadOnlySpan<char> content, bool indented)
        {
            var length = 0;
            if (content.Length >= 2 && content[1] == ' '
                && (content[0] is '-' or '*' or '–' || TextShape.IsBulletSign(content[0])
                    || (indented && TextShape.IsIndentedBullet(content[0]))))
            {
                length = 1;
            }
            else
            {
                var digits = 0;
                while (digits < content.Length && digits < 3 && char.IsAsciiDigit(content[digits]))
                {
                    digits++;
                }

                if (digits > 0 && digits + 1 < content.Length && content[digits] is '.' or ')' && content[digits + 1] == ' ')
                {
                    length = digits + 1;
                }
            }

            if (length == 0)
            {
                return 0;
            }

            while (length < content.Length && content[length] == ' ')
            {
                length++;
            }

            return length < content.Length ? length : 0;
        }
    }
}
