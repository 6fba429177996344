using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class HtmlCommandTests : IDisposable
{
    private const string Page = """
        <html lang="en"><head><title>Fences go up at Coquelles - Kent Daily</title>
        <meta property="og:site_name" content="Kent Daily"><meta name="author" content="Ann Lee">
        <meta property="article:published_time" content="2015-07-30T09:00:00Z"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Fences go up at Coquelles</h1>
        <p>Workers began putting up new fences around the Channel Tunnel terminal at Coquelles on Thursday, the company said.</p>
        <p>The Home Secretary, Theresa May, said Britain would pay for the fences, and that more would follow, officials in Paris said.</p>
        </article></body></html>
        """;

    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Clean_OfACompressedPage_WritesTheArticleAndThePagesMetadata()
    {
        var pages = Path.Combine(temp.Root, "pages");
        Directory.CreateDirectory(pages);
        using (var gzip = new GZipStream(File.Create(Path.Combine(pages, "0001.html.gz")), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Page));
        }

        File.WriteAllText(Path.Combine(pages, "0002.htm"), "<html><body><nav><a href='/'>Home</a></nav></body></html>");
        var output = Path.Combine(temp.Root, "out");

        var run = await CliRun.InvokeAsync(["clean", pages, "--out", output]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var body = File.ReadAllText(Path.Combine(output, "0001.txt"));
        Assert.StartsWith("Workers began putting up new fences", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Fences go up at Coquelles\n", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "0001.json")));
        Assert.Equal("Fences go up at Coquelles", json.RootElement.GetProperty("title").GetString());
        var page = json.RootElement.GetProperty("page");
        Assert.Equal(("Ann Lee", "2015-07-30T09:00:00Z", "Kent Daily", "en"),
            (page.GetProperty("author").GetString(), page.GetProperty("published").GetString(), page.GetProperty("siteName").GetString(), page.GetProperty("language").GetString()));
        Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(output, "0002.txt")));
        using var skipped = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "0002.json")));
        Assert.Equal("noArticleInPage", skipped.RootElement.GetProperty("skipped").GetProperty("reason").GetString());
        Assert.Contains("0002  skipped: NoArticleInPage", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_OfAnIndexedPage_PrintsItsMetadata()
    {
        File.WriteAllText(Path.Combine(temp.Seeds, "fences.html"), Page);
        temp.RunPass();

        var run = await temp.RunAsync("show", "fences.html");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.StartsWith("Fences go up at Coquelles\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  author      Ann Lee", run.Output, StringComparison.Ordinal);
        Assert.Contains("  published   2015-07-30T09:00:00Z", run.Output, StringComparison.Ordinal);
        Assert.Contains("  site        Kent Daily", run.Output, StringComparison.Ordinal);
        Assert.Contains("  language    en", run.Output, StringComparison.Ordinal);
    }
}
