using System.Text;
using ArticleIndexer.Core.Reading;

namespace ArticleIndexer.Core.Tests.Reading;

public class EncodingDetectorTests
{
    private const string Sample = "Café “Calais” — £12 million";

    public static TheoryData<string, byte[]> Encoded => new()
    {
        { "utf-8", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)] },
        { "utf-8", Encoding.UTF8.GetBytes(Sample) },
        { "utf-16le", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)] },
        { "utf-16be", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)] },
        { "utf-32le", [0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes(Sample)] },
        { "utf-32be", [0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes(Sample)] },
        { "windows-1252", EncodingDetector.Windows1252.GetBytes(Sample) },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Decode_RecoversTheText_AndNamesTheEncoding(string expectedEncoding, byte[] bytes)
    {
        var decoded = EncodingDetector.Decode(bytes);

        Assert.Equal(expectedEncoding, decoded.EncodingName);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Decode_FallsBackToWindows1252_WhenBytesAreNotUtf8()
    {
        var decoded = EncodingDetector.Decode([0x63, 0x61, 0x66, 0xE9]); // "café" in Latin-1

        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Equal("café", decoded.Text);
    }
}
