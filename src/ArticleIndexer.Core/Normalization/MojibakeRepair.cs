using System.Text;
using ArticleIndexer.Core.Reading;

namespace ArticleIndexer.Core.Normalization;

/// <summary>
/// Repairs UTF-8 text that was once decoded as Windows-1252 (<c>â€™</c> for <c>’</c>, <c>Ã©</c> for <c>é</c>,
/// <c>Â£</c> for <c>£</c>) or as ISO-8859-1, whose bytes 0x80-0x9F are the invisible C1 controls (<c>doesnâ\u0080\u0099t</c>
/// for <c>doesn’t</c>: extraction-more 4912, and 10 more dev pages). A run is replaced only when its bytes form one valid
/// UTF-8 sequence, so real accented text such as "voilà…" is left alone. Text encoded wrongly twice is repaired twice.
/// </summary>
internal static class MojibakeRepair
{
    private static readonly Dictionary<char, byte> Cp1252Bytes = BuildReverseMap();
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string Repair(string text, out int repairs)
    {
        repairs = 0;
        for (var round = 0; round < 2; round++)
        {
            var repaired = RepairOnce(text, out var count);
            if (count == 0)
            {
                break;
            }

            repairs += count;
            text = repaired;
        }

        return text;
    }

    private static string RepairOnce(string text, out int count)
    {
        count = 0;
        if (!MayContainMojibake(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        var i = 0;
        while (i < text.Length)
        {
            var length = SequenceLength(text[i]);
            if (length > 0 && i + length <= text.Length && TryBytes(text.AsSpan(i, length), bytes[..length]))
            {
                try
                {
                    builder.Append(StrictUtf8.GetString(bytes[..length]));
                    count++;
                    i += length;
                    continue;
                }
                catch (DecoderFallbackException)
                {
                    // Not a UTF-8 sequence after all: keep the characters as they are.
                }
            }

            builder.Append(text[i]);
            i++;
        }

        return builder.ToString();
    }

    private static bool MayContainMojibake(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u00C2' and <= '\u00F4')
            {
                return true;
            }
        }

        return false;
    }

    // The Windows-1252 characters of UTF-8 lead bytes: Â..ß start 2-byte sequences, à..ï 3-byte, ð..ô 4-byte.
    private static int SequenceLength(char c) => c switch
    {
        >= '\u00C2' and <= '\u00DF' => 2,
        >= '\u00E0' and <= '\u00EF' => 3,
        >= '\u00F0' and <= '\u00F4' => 4,
        _ => 0,
    };

    private static bool TryBytes(ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        bytes[0] = (byte)chars[0];
        for (var k = 1; k < chars.Length; k++)
        {
            if (!Cp1252Bytes.TryGetValue(chars[k], out var b) || b < 0x80 || b > 0xBF)
            {
                return false;
            }

            bytes[k] = b;
        }

        return true;
    }

    private static Dictionary<char, byte> BuildReverseMap()
    {
        var map = new Dictionary<char, byte>();
        var encoding = EncodingDetector.Windows1252;
        for (var b = 0x80; b <= 0xFF; b++)
        {
            var decoded = encoding.GetString([(byte)b]);
            if (decoded.Length == 1)
            {
                map.TryAdd(decoded[0], (byte)b);
            }
        }

        // ISO-8859-1 decodes 0x80-0x9F as the C1 controls of the same numbers, which no text holds on purpose.
        for (var c = '\u0080'; c <= '\u009F'; c++)
        {
            map.TryAdd(c, (byte)c);
        }

        return map;
    }
}
