using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Reading;

public class SourceScannerTests
{
    [Fact]
    public void Discover_FindsTxtFilesRecursively_WithIdsPeopleCanType()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("src", "2015", "july"));
        File.WriteAllText(temp.Combine("src", "b.txt"), "b");
        File.WriteAllText(temp.Combine("src", "a.TXT"), "a");
        File.WriteAllText(temp.Combine("src", "image.png"), "x");
        File.WriteAllText(temp.Combine("src", ".hidden.txt"), "x");
        File.WriteAllText(temp.Combine("src", "2015", "july", "calais.txt"), "c");

        var files = new SourceScanner().Discover(temp.Combine("src")).ToList();

        Assert.Equal(["a.TXT", "b.txt", "2015/july/calais.txt"], files.Select(f => f.RelativePath));
        Assert.Equal(["a", "b", "2015/july/calais"], files.Select(f => f.Id.Value));
    }

    [Fact]
    public void Discover_FindsWebPages_CompressedOrNot()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("src"));
        foreach (var name in new[] { "a.html", "b.HTM", "c.html.gz", "d.gz", "e.htmlx", "f.txt" })
        {
            File.WriteAllText(temp.Combine("src", name), "x");
        }

        var files = new SourceScanner().Discover(temp.Combine("src")).Select(f => f.RelativePath);

        Assert.Equal(["a.html", "b.HTM", "c.html.gz", "f.txt"], files);
    }

    [Fact]
    public void Discover_FindsTheFiveSeeds()
    {
        var ids = new SourceScanner().Discover(Seeds.Folder).Select(f => f.Id.Value);

        Assert.Equal(Seeds.All, ids);
    }
}
