using System.Globalization;
using System.Text.RegularExpressions;
using ArticleIndexer.Core.Metadata;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// Reads the day a markup value gives ("2015-07-02T23:30:00-04:00", "Jun 24, 2025", "Thu, 09/25/2025 - 11:38",
/// "2019/1/22"). A time with an offset keeps the day it was written in, never converted to UTC: the page's own day is
/// the one its readers saw. A numeric date that reads both ways ("03-09-2026") gives no day.
/// </summary>
internal static partial class MarkupDates
{
    /// <summary>The day <paramref name="value"/> gives, or null when it gives none or several.</summary>
    public static DateOnly? Day(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (IsoDay().Match(value) is { Success: true } iso)
        {
            return Make(iso.Groups[1].Value, iso.Groups[2].Value, iso.Groups[3].Value);
        }

        var mentions = DateMentions.Find(value).Where(m => m.Form != DateForm.NumericEither && m.Date is not null).ToList();
        var days = mentions.Select(m => m.Date!.Value).Distinct().ToList();
        return days.Count == 1 ? days[0] : null;
    }

    private static DateOnly? Make(string year, string month, string day)
    {
        var (y, m, d) = (int.Parse(year, CultureInfo.InvariantCulture), int.Parse(month, CultureInfo.InvariantCulture),
            int.Parse(day, CultureInfo.InvariantCulture));
        return y is >= 1990 and <= 2100 && DateMentions.IsDate(y, m, d) ? new DateOnly(y, m, d) : null;
    }

    // "2015-07-02", "2015-07-02T10:00", "2015-07-02 10:00:00 -0500", "2019/1/22": year first, at the start.
    [GeneratedRegex(@"^\s*((?:19|20)\d\d)[-/](\d{1,2})[-/](\d{1,2})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDay();
}
