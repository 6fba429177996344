using System.Globalization;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Metadata;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// A web page's <see cref="ArticleMetadata"/>: what its markup says (<see cref="HtmlExtraction.Facts"/>), checked
/// against what the page shows, and completed from the page's text by <see cref="MetadataFinder"/> where the markup
/// is silent. The markup's values come first: they are the page's own, its text is read by rules.
/// </summary>
public static class WebPageMetadata
{
    /// <summary>The metadata of <paramref name="page"/>, a page the extractor read; <paramref name="finder"/> reads
    /// its text (every line of the page, kept and dropped, as <see cref="HtmlExtraction.Cleaned"/> numbers them) for
    /// what the markup lacks; <paramref name="relativePath"/> is the file's path (a year folder can complete a date).</summary>
    public static ArticleMetadata Find(HtmlExtraction page, MetadataFinder finder, string relativePath)
    {
        var markup = page.Facts ?? ArticleMetadata.None;
        if (page.Cleaned is not { } cleaned || (markup.Published is not null && markup.Authors.Count > 0 && markup.Site is not null))
        {
            return markup;
        }

        ArticleMetadata text;
        try
        {
            text = finder.Find(new NormalizedText(PageText(cleaned), 0), cleaned, relativePath);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            // Bad input never stops a page: the markup's values stand alone.
            return markup;
        }

        var result = markup;
        if (markup.Published is null && !page.PublishedSetAside && text.Published is not null)
        {
            result = result with { Published = text.Published, PublishedFrom = "text: " + text.PublishedFrom };
        }

        if (result.Updated is null && text.Updated is not null)
        {
            result = result with { Updated = text.Updated, UpdatedFrom = "text: " + text.UpdatedFrom };
        }

        if (markup.Authors.Count == 0 && text.Authors.Count > 0)
        {
            result = result with { Authors = text.Authors, AuthorsFrom = "text: " + text.AuthorsFrom };
        }

        if (markup.Site is null && text.Site is not null)
        {
            result = result with { Site = text.Site, SiteFrom = "text: " + text.SiteFrom };
        }

        return result;
    }

    /// <summary>
    /// <paramref name="page"/> with its markup's published day checked against what the page shows (every line of
    /// <paramref name="cleaned"/>). A day the page writes somewhere stands. A day it writes nowhere is the markup's
    /// alone, often a first version's or a template's: when the page's text gives its own published day (a date line
    /// under the headline, "Published ..."), neither the markup's update nor a day off the markup's (the same moment
    /// in the page's own time zone), that one is taken; when the page shows only its update (the markup's
    /// dateModified is written, or the text has an "Updated ..." line), which of the two a reader would call its date
    /// is a guess, and the day is set aside: a missing date is better than a wrong one.
    /// </summary>
    internal static HtmlExtraction Settle(HtmlExtraction page, StrippedText cleaned)
    {
        if (page.Facts is not { Published: { } published } facts)
        {
            return page;
        }

        var text = PageText(cleaned);
        var shown = new HashSet<DateOnly>();
        foreach (var line in text.Split('\n'))
        {
            foreach (var mention in DateMentions.Find(line))
            {
                if (mention.Date is { } date)
                {
                    shown.Add(date);
                }

                if (mention.Form == DateForm.NumericEither && mention.MonthFirst.Date is { } other)
                {
                    shown.Add(other);
                }
            }
        }

        if (shown.Contains(published))
        {
            return page;
        }

        var read = ReadText(text, cleaned, string.Empty);
        var sameMoment = read.Published is { } near && Math.Abs(near.DayNumber - published.DayNumber) == 1;
        if (read.Published is { } written && written != published && written != facts.Updated && !sameMoment)
        {
            var from = $"text: {read.PublishedFrom} (the markup's {published:yyyy-MM-dd} is not shown)";
            return page with
            {
                Metadata = page.Metadata with { Published = written.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                Facts = facts with { Published = written, PublishedFrom = from },
            };
        }

        if (sameMoment)
        {
            // The page writes the same moment in its own time zone, a day off the markup's: the markup's day stands.
            return page;
        }

        var update = facts.Updated is { } modified && modified != published && shown.Contains(modified);
        update |= read.Published is null && read.Updated is { } textUpdate && textUpdate != published;
        if (!update)
        {
            return page;
        }

        return page with
        {
            Metadata = page.Metadata with { Published = null },
            Facts = facts with { Published = null, PublishedFrom = null },
            PublishedSetAside = true,
        };
    }

    private static readonly MetadataFinder TextFinder = new();

    // The finder over the page's text; nothing when it fails (bad input never stops a page).
    private static ArticleMetadata ReadText(string text, StrippedText cleaned, string relativePath)
    {
        try
        {
            return TextFinder.Find(new NormalizedText(text, 0), cleaned, relativePath);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            return ArticleMetadata.None;
        }
    }

    // Every line of the page as the page model numbered them: kept and dropped lines in place, blank lines between.
    private static string PageText(StrippedText cleaned)
    {
        var count = Math.Max(cleaned.Kept.Count == 0 ? 0 : cleaned.Kept.Max(k => k.LineNumber),
            cleaned.Dropped.Count == 0 ? 0 : cleaned.Dropped.Max(d => d.LineNumber));
        var lines = new string[count];
        Array.Fill(lines, string.Empty);
        foreach (var line in cleaned.Kept)
        {
            lines[line.LineNumber - 1] = line.Text;
        }

        foreach (var line in cleaned.Dropped)
        {
            lines[line.LineNumber - 1] = line.Text;
        }

        return string.Join('\n', lines);
    }
}
