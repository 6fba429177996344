using System.Text;
using ArticleIndexer.Core.Html;

namespace ArticleIndexer.Core.Tests.Html;

public class HtmlCharsetTests
{
    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    public void Decode_UsesTheMetaCharset_ForALegacyPage()
    {
        var bytes = Latin1("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 cr\u00e8me</p></body></html>");

        var decoded = HtmlCharset.Decode(bytes);

        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Contains("Café crème", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UsesTheHttpEquivCharset()
    {
        var bytes = Latin1("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\u0093Quoted\u0094</p>");

        var decoded = HtmlCharset.Decode(bytes);

        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Contains("“Quoted”", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ReadsAnotherCodePage_TheMetaNames()
    {
        var cyrillic = Encoding.GetEncoding("windows-1251");
        var bytes = cyrillic.GetBytes("<meta charset='windows-1251'><p>Привет, мир</p>");

        var decoded = HtmlCharset.Decode(bytes);

        Assert.Equal("windows-1251", decoded.EncodingName);
        Assert.Contains("Привет, мир", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_LetsAByteOrderMarkWin_OverTheMeta()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Café</p>")).ToArray();

        var decoded = HtmlCharset.Decode(bytes);

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains("Café", decoded.Text, StringComparison.Ordinal);
        Assert.False(decoded.Text.StartsWith('\uFEFF'));
    }

    [Fact]
    public void Decode_ReadsUtf8_WhenALegacyDeclarationOutlivedAReEncoding()
    {
        var bytes = Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Café — “quoted”</p>");

        var decoded = HtmlCharset.Decode(bytes);

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains("Café — “quoted”", decoded.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x3C, 0x70, 0x3E, 0x43, 0x61, 0x66, 0xC3, 0xA9 }, "utf-8", "<p>Café")]
    [InlineData(new byte[] { 0x3C, 0x70, 0x3E, 0x43, 0x61, 0x66, 0xE9 }, "windows-1252", "<p>Café")]
    public void Decode_WithoutADeclaration_TriesUtf8ThenWindows1252(byte[] bytes, string encoding, string text)
    {
        var decoded = HtmlCharset.Decode(bytes);

        Assert.Equal((encoding, text), (decoded.EncodingName, decoded.Text));
    }

    [Theory]
    [InlineData("<meta charset=\"UTF-8\">", "UTF-8")]
    [InlineData("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=Shift_JIS'>", "Shift_JIS")]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>", "ISO-8859-15")]
    [InlineData("<meta name=\"description\" content=\"charset=koi8-r is not a declaration\">", null)]
    [InlineData("<p>no declaration</p>", null)]
    public void Declared_FindsTheCharsetThePageDeclares(string head, string? expected) =>
        Assert.Equal(expected, HtmlCharset.Declared(Encoding.ASCII.GetBytes(head)));

    [Fact]
    public void Decode_FallsBack_WhenTheDeclaredCharsetIsUnknown()
    {
        var decoded = HtmlCharset.Decode(Encoding.UTF8.GetBytes("<meta charset=\"x-no-such-charset\"><p>Café</p>"));

        Assert.Equal("utf-8", decoded.EncodingName);
    }
}
