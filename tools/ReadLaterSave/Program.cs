// Saves web pages as a read-later tool does: the main-content text SmartReader 0.11.1 (a port of Mozilla
// Readability) extracts, empty when it finds the page not readable. This is how ../shared/data/article-text-dev
// was made (its 400 files come out byte for byte), so tools/render-text-sets.py uses it to make the same kind of
// text for any page set. With --rules it saves what the product's own Readability-style rules extract instead
// (HtmlArticleExtractor without its page model): another read-later tool's text, for training.
//
//   dotnet run -c Release --project tools/ReadLaterSave -- [--rules] HTML_DIR GROUND_TRUTH.json OUT_DIR
//
// Development tool, not shipped: the product never depends on SmartReader.
using System.IO.Compression;
using System.Text.Json;

var rules = args.Contains("--rules");
args = args.Where(a => a != "--rules").ToArray();
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: ReadLaterSave [--rules] HTML_DIR GROUND_TRUTH.json OUT_DIR");
    return 2;
}

var extractor = new ArticleIndexer.Core.Html.HtmlArticleExtractor(pageModel: null);

var (htmlDir, truthPath, outDir) = (args[0], args[1], Directory.CreateDirectory(args[2]).FullName);
using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
var count = 0;
foreach (var page in truth.RootElement.EnumerateObject())
{
    var path = Path.Combine(htmlDir, page.Name + ".html");
    string html;
    if (File.Exists(path))
    {
        html = File.ReadAllText(path);
    }
    else
    {
        using var gzip = new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress);
        html = new StreamReader(gzip).ReadToEnd();
    }

    var url = page.Value.TryGetProperty("url", out var u) && u.GetString() is { Length: > 0 } given ? given : "https://example.com/";
    string text;
    if (rules)
    {
        text = extractor.Extract(html, url).Text;
    }
    else
    {
        var article = new SmartReader.Reader(url, html).GetArticle();
        text = article.IsReadable ? article.TextContent ?? "" : "";
    }

    File.WriteAllText(Path.Combine(outDir, page.Name + ".txt"), text);
    count++;
}

Console.WriteLine($"{count} pages saved to {outDir}");
return 0;
