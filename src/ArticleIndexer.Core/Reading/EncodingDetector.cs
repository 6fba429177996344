using System.Text;
using System.Text.Unicode;

namespace ArticleIndexer.Core.Reading;

/// <summary>The text of a file and the encoding it was decoded with.</summary>
/// <param name="Text">The decoded text, without a byte-order mark.</param>
/// <param name="EncodingName">A WHATWG-style label: <c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>utf-32le</c>, <c>utf-32be</c> or <c>windows-1252</c>.</param>
public readonly record struct DecodedText(string Text, string EncodingName)
{
    /// <summary>True when the encoding was guessed from the bytes rather than read from a byte-order mark or found to be
    /// valid UTF-8: UTF-16 without a mark, and the Windows-1252 fallback. Readers say so in a note.</summary>
    public bool Guessed { get; init; }
}

/// <summary>
/// Decides how a file's bytes are text: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; otherwise bytes that are
/// valid UTF-8 are UTF-8; bytes with the zero high bytes of UTF-16 text in every other position are UTF-16 without a
/// mark; anything else is read as Windows-1252, which maps every byte to a character (and decodes Latin-1 text the same,
/// as the two differ only in C1 control codes no text uses).
/// </summary>
public static class EncodingDetector
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static EncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252, registered from the code-pages provider.</summary>
    public static Encoding Windows1252 { get; } = GetWindows1252();

    /// <summary>Decodes <paramref name="bytes"/> with the detected encoding.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes[3..]), "utf-8");
        }

        // UTF-32 LE's mark starts with UTF-16 LE's, so it is tested first.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new DecodedText(new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(bytes[4..]), "utf-32le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new DecodedText(new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(bytes[4..]), "utf-32be");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        }

        if (LooksLikeUtf16(bytes, out var bigEndian))
        {
            return bigEndian
                ? new DecodedText(Encoding.BigEndianUnicode.GetString(bytes), "utf-16be") { Guessed = true }
                : new DecodedText(Encoding.Unicode.GetString(bytes), "utf-16le") { Guessed = true };
        }

        if (Utf8.IsValid(bytes))
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8");
        }

        return new DecodedText(Windows1252.GetString(bytes), "windows-1252") { Guessed = true };
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: text in Latin script has a zero high byte in nearly every code unit, so one
    /// of the two byte positions is mostly zero and the other almost never. Looks at the first 64 KiB; needs at least
    /// 16 code units, so a short binary fragment is not taken for text.
    /// </summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..(Math.Min(bytes.Length, 64 * 1024) & ~1)];
        var units = sample.Length / 2;
        if (units < 16)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        // At least 70 % of the units have a zero byte on one side, and at most 2 % on the other (NUL characters).
        if (oddZeros * 10 >= units * 7 && evenZeros * 50 <= units)
        {
            return true;
        }

        if (evenZeros * 10 >= units * 7 && oddZeros * 50 <= units)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
