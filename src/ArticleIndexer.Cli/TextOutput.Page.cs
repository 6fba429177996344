using ArticleIndexer.Core.Html;

namespace ArticleIndexer.Cli;

/// <summary><c>show</c>'s lines for a web page's metadata.</summary>
internal sealed partial class TextOutput
{
    // One line per value the page gave, aligned with show's other fields; nothing for a text file.
    private void PageLines(PageMetadata? page)
    {
        if (page is null)
        {
            return;
        }

        foreach (var (label, value) in new[]
                 {
                     ("author", page.Author), ("published", page.Published), ("url", page.CanonicalUrl), ("site", page.SiteName),
                     ("language", page.Language),
                 })
        {
            if (value is not null)
            {
                writer.WriteLine($"  {label,-11} {value}");
            }
        }
    }
}
