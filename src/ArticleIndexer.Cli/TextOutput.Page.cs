using ArticleIndexer.Core.Html;
using ArticleIndexer.Core.Metadata;

namespace ArticleIndexer.Cli;

/// <summary><c>show</c>'s lines for a web page's metadata and for what the metadata stage found.</summary>
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

    // The publication and update days, the authors and the site, each with where it was read; nothing not found.
    private void MetadataLines(ArticleMetadata? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var authors = metadata.Authors.Count == 0
            ? null
            : string.Join(", ", metadata.Authors.Select(a => a.Role is null ? a.Name : $"{a.Name} ({a.Role})"));
        foreach (var (label, value, from) in new[]
                 {
                     ("date", Day(metadata.Published), metadata.PublishedFrom), ("updated", Day(metadata.Updated), metadata.UpdatedFrom),
                     ("by", authors, metadata.AuthorsFrom), ("from", metadata.Site, metadata.SiteFrom),
                 })
        {
            if (value is not null)
            {
                writer.WriteLine($"  {label,-11} {Printable(value)}{(from is null ? string.Empty : $"  ({Printable(from)})")}");
            }
        }
    }
}
