using System.Globalization;
using System.Text;

namespace ArticleIndexer.Core.Normalization;

/// <summary>Text after normalisation, with a count of what was repaired.</summary>
/// <param name="Text">NFC text with <c>\n</c> line ends, no control characters, single spaces, no trailing spaces.</param>
/// <param name="MojibakeRepairs">How many mis-decoded UTF-8 sequences (<c>â€™</c>, <c>Ã©</c>) were put back.</param>
public readonly record struct NormalizedText(string Text, int MojibakeRepairs);

/// <summary>
/// Puts decoded text into one canonical form so that later stages and the index see the same text for the same
/// words: mojibake repaired, Unicode NFC, hard-wrapped lines joined into paragraphs (<see cref="HardWraps"/>), the marks
/// of the tool that made the text taken out (<see cref="RendererMarks"/>), <c>\n</c> line ends, control and invisible format characters removed, every run of spaces (including no-break and
/// other Unicode spaces) made one space, lines trimmed.
/// Normalising twice gives the same text as normalising once.
/// </summary>
public sealed class TextNormalizer
{
    /// <summary>Normalises <paramref name="text"/>.</summary>
    public NormalizedText Normalize(string text)
    {
        var repaired = MojibakeRepair.Repair(text, out var repairs);
        var composed = repaired.IsNormalized(NormalizationForm.FormC) ? repaired : repaired.Normalize(NormalizationForm.FormC);
        return new NormalizedText(CleanWhitespace(RendererMarks.Remove(HardWraps.Join(composed))), repairs);
    }

    private static string CleanWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append('\n');
                pendingSpace = false;
                lineStart = true;
                continue;
            }

            if (c == '\t' || char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
            {
                pendingSpace = !lineStart;
                continue;
            }

            if (char.IsControl(c) || IsInvisibleFormat(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            lineStart = false;
        }

        return builder.ToString();
    }

    // Zero-width space, soft hyphen, word joiner, byte-order mark: invisible, and they split words in the index.
    private static bool IsInvisibleFormat(char c) => c is '\u200B' or '\u00AD' or '\u2060' or '\uFEFF';
}
