using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ArticleIndexer.Core.Reading;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// Decodes the bytes of a saved web page. Order, as browsers do it (the WHATWG encoding sniffing algorithm, without
/// the HTTP header a saved file no longer has): a byte-order mark; then the charset the page declares in its first
/// 4,096 bytes (<c>&lt;meta charset&gt;</c>, <c>&lt;meta http-equiv="Content-Type" content="...; charset=..."&gt;</c>,
/// or an XML declaration's <c>encoding</c>); then UTF-8 when the bytes are valid UTF-8; else Windows-1252.
/// One exception to trusting the page: a declared single-byte charset (ISO-8859-x, Windows-125x, ...) is
/// overruled by UTF-8 when the bytes are valid UTF-8 and hold multi-byte sequences. Archivers and proxies often
/// re-encode pages to UTF-8 and leave the old declaration, and real Latin-1 text is practically never valid
/// UTF-8 with multi-byte sequences.
/// </summary>
public static partial class HtmlCharset
{
    /// <summary>How many leading bytes are searched for a declared charset. Defaults to 4,096 (browsers: 1,024;
    /// many pages put the declaration after long comments or scripts).</summary>
    public const int PrescanBytes = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static HtmlCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <see cref="DecodedText.EncodingName"/> is the label of the encoding used
    /// (<c>utf-8</c>, <c>windows-1252</c>, <c>shift_jis</c>, ...).</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (HasByteOrderMark(bytes))
        {
            return EncodingDetector.Decode(bytes);
        }

        var declared = Declared(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        if (declared is not null && Resolve(declared) is { } encoding)
        {
            var isUtf8 = encoding.CodePage == Encoding.UTF8.CodePage;
            if (!isUtf8 && !(encoding.IsSingleByte && Utf8.IsValid(bytes) && HasMultiByte(bytes)))
            {
                return new DecodedText(encoding.GetString(bytes), encoding.WebName);
            }
        }

        return Utf8.IsValid(bytes)
            ? new DecodedText(StrictUtf8.GetString(bytes), "utf-8")
            : new DecodedText(EncodingDetector.Windows1252.GetString(bytes), "windows-1252");
    }

    /// <summary>The charset label the page declares in <paramref name="head"/>, or null.</summary>
    public static string? Declared(ReadOnlySpan<byte> head)
    {
        // Every charset label is ASCII, and so is the markup around it in every ASCII-compatible encoding.
        var text = Encoding.Latin1.GetString(head);
        foreach (Match meta in MetaTag().Matches(text))
        {
            string? charset = null, httpEquiv = null, content = null;
            foreach (Match attribute in Attribute().Matches(meta.Value))
            {
                var value = attribute.Groups[2].Value.Trim('"', '\'').Trim();
                switch (attribute.Groups[1].Value.ToLowerInvariant())
                {
                    case "charset":
                        charset ??= value;
                        break;
                    case "http-equiv":
                        httpEquiv ??= value;
                        break;
                    case "content":
                        content ??= value;
                        break;
                }
            }

            if (charset is { Length: > 0 })
            {
                return charset;
            }

            if (string.Equals(httpEquiv, "content-type", StringComparison.OrdinalIgnoreCase) && content is not null
                && ContentCharset().Match(content) is { Success: true } declared)
            {
                return declared.Groups[1].Value;
            }
        }

        return XmlDeclaration().Match(text) is { Success: true } xml ? xml.Groups[1].Value : null;
    }

    /// <summary>The encoding of a charset label, with the WHATWG's aliases (ISO-8859-1 and ASCII are read as
    /// Windows-1252, as every browser does); null for a label no encoding answers to. A page cannot declare UTF-16
    /// in its own ASCII markup, so UTF-16 labels mean UTF-8.</summary>
    public static Encoding? Resolve(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "x-cp1252" => "windows-1252",
            "utf-16" or "utf-16le" or "utf-16be" or "unicode" or "utf8" => "utf-8",
            "x-sjis" or "sjis" => "shift_jis",
            "gb2312" or "gbk" or "x-gbk" => "gb18030",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool HasByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    private static bool HasMultiByte(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();

    // An attribute of a tag: its name and its value, quoted or not.
    [GeneratedRegex(@"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(""[^""]*""|'[^']*'|[^\s>]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentCharset();

    [GeneratedRegex(@"^\s*<\?xml\b[^>]*\bencoding\s*=\s*[""']([A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclaration();
}
