using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Reading;

public class ArticleReaderTests
{
    [Theory]
    [InlineData(new byte[0], SkipReason.Empty)]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0A }, SkipReason.Blank)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D }, SkipReason.Binary)]
    public void Read_SkipsWithAReason_WhenTheFileHasNoText(byte[] bytes, SkipReason expected)
    {
        using var temp = new TempFolder();
        var path = temp.Combine("bad.txt");
        File.WriteAllBytes(path, bytes);

        var result = new ArticleReader().Read(new ArticleFile(path, "bad.txt", bytes.Length, DateTime.UtcNow));

        Assert.False(result.IsRead);
        Assert.Equal(expected, result.Skip);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    [Fact]
    public void Read_SkipsAsVanished_WhenTheFileVanished()
    {
        var result = new ArticleReader().Read(Some.File("no/such/file.txt"));

        Assert.Equal(SkipReason.Vanished, result.Skip);
    }

    [Fact]
    public void Read_SkipsAsTooLarge_WhenOverTheCap()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("big.txt");
        File.WriteAllText(path, new string('a', 2000));

        var result = new ArticleReader(maxBytes: 1000).Read(new ArticleFile(path, "big.txt", 2000, DateTime.UtcNow));

        Assert.Equal(SkipReason.TooLarge, result.Skip);
    }

    [Theory]
    [InlineData(Seeds.Kent)]
    [InlineData(Seeds.BusinessStandard)]
    [InlineData(Seeds.Headline)]
    public void Read_DecodesEverySeedAsUtf8_WithAStableHash(string id)
    {
        var first = new ArticleReader().Read(Seeds.File(id));
        var second = new ArticleReader().Read(Seeds.File(id));

        Assert.Equal("utf-8", first.Decoded!.Value.EncodingName);
        Assert.Equal(64, first.ContentHash!.Length);
        Assert.Equal(first.ContentHash, second.ContentHash);
    }
}
