using System.Globalization;
using System.Text.RegularExpressions;

namespace ArticleIndexer.Core.Metadata;

/// <summary>How a date was written, which says how sure its reading is.</summary>
public enum DateForm
{
    /// <summary>"14 March 2016", "Thursday, 2nd July 2015", "2 July" (without a year).</summary>
    DayMonth,

    /// <summary>"March 14, 2016", "Sept. 4 2025", "July 2" (without a year).</summary>
    MonthDay,

    /// <summary>"2016-03-14", "2016/03/14", "2016-03-14T10:00:00Z".</summary>
    YearMonthDay,

    /// <summary>"14/03/2016", "14.03.2016": the first number cannot be a month.</summary>
    NumericDayFirst,

    /// <summary>"03/14/2016": the second number cannot be a month.</summary>
    NumericMonthFirst,

    /// <summary>"02/07/2015": either order reads; <see cref="DateMention"/> holds the day-first reading and
    /// <see cref="DateMention.MonthFirst"/> the other, for the finder to choose from the article's other dates.</summary>
    NumericEither,
}

/// <summary>
/// A date written in a text: where (<see cref="Offset"/> and <see cref="Length"/> in the string it was found in),
/// its day and month, its year when the text gives one, the weekday when one is written with it ("Thursday (2
/// July)": a year can later be chosen because the weekday fits it), and its <see cref="Form"/>.
/// </summary>
public readonly record struct DateMention(int Offset, int Length, int? Year, int Month, int Day, DayOfWeek? Weekday, DateForm Form)
{
    /// <summary>The date when the year is known.</summary>
    public DateOnly? Date => Year is { } year ? new DateOnly(year, Month, Day) : null;

    /// <summary>For <see cref="DateForm.NumericEither"/>, the month-first reading (day and month swapped).</summary>
    public DateMention MonthFirst => this with { Month = Day, Day = Month, Form = DateForm.NumericMonthFirst };

    /// <summary>Whether the written weekday, if any, is the weekday of the date (a mention without a year fits any).</summary>
    public bool WeekdayFits => Weekday is null || Date is not { } date || date.DayOfWeek == Weekday;
}

/// <summary>
/// Finds the dates written in a line of text: English month names (full, abbreviated, with or without a full stop,
/// any case, "May" only capitalised), day-month and month-day order, ordinals, weekdays; year-month-day; and numeric
/// day/month/year with the order told apart where one number cannot be a month. A month with a year but no day
/// ("May 2016"), a year alone ("since records began in 2008") and numbers like "2.5" or "1.2.3" are not dates. Only
/// real calendar dates are returned (no 31 February). What a date in a line means (published, updated, the date of
/// another event) is for the finder that reads the lines around it.
/// </summary>
public static partial class DateMentions
{
    /// <summary>The dates in <paramref name="text"/>, left to right, none overlapping.</summary>
    public static List<DateMention> Find(string text)
    {
        var candidates = new List<DateMention>();
        if (!text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return candidates; // every form has a number in it
        }

        foreach (Match m in DayMonthPattern().Matches(text))
        {
            Add(candidates, m, DateForm.DayMonth);
        }

        foreach (Match m in MonthDayPattern().Matches(text))
        {
            Add(candidates, m, DateForm.MonthDay);
        }

        foreach (Match m in YearMonthDayPattern().Matches(text))
        {
            AddNumeric(candidates, m, year: m.Groups["y"].Value, first: m.Groups["m"].Value, second: m.Groups["d"].Value, DateForm.YearMonthDay);
        }

        foreach (Match m in NumericPattern().Matches(text))
        {
            AddNumeric(candidates, m, year: m.Groups["y"].Value, first: m.Groups["a"].Value, second: m.Groups["b"].Value, null);
        }

        // Where two readings overlap ("Theresa May 14 March 2016": "May 14" and "14 March 2016"), the one with a
        // year wins, then the longer, then the earlier.
        if (candidates.Count <= 1)
        {
            return candidates;
        }

        var chosen = new List<DateMention>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Year is not null).ThenByDescending(c => c.Length).ThenBy(c => c.Offset))
        {
            if (!chosen.Any(c => c.Offset < candidate.Offset + candidate.Length && candidate.Offset < c.Offset + c.Length))
            {
                chosen.Add(candidate);
            }
        }

        chosen.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return chosen;
    }

    private static void Add(List<DateMention> candidates, Match m, DateForm form)
    {
        var name = m.Groups["m"].Value;
        var month = Month(name);
        if (month == 0 || name == "may")
        {
            return; // "may" in lower case is the verb ("you may 3 times")
        }

        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        if (Valid(year, month, day))
        {
            var weekday = m.Groups["w"].Success ? Weekday(m.Groups["w"].Value) : null;
            candidates.Add(new DateMention(m.Index, m.Length, year, month, day, weekday, form));
        }
    }

    private static void AddNumeric(List<DateMention> candidates, Match m, string year, string first, string second, DateForm? form)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        y = year.Length == 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
        var a = int.Parse(first, CultureInfo.InvariantCulture);
        var b = int.Parse(second, CultureInfo.InvariantCulture);
        if (form == DateForm.YearMonthDay)
        {
            if (Valid(y, a, b))
            {
                candidates.Add(new DateMention(m.Index, m.Length, y, a, b, null, DateForm.YearMonthDay));
            }

            return;
        }

        var dayFirst = Valid(y, b, a);
        var monthFirst = Valid(y, a, b);
        if (dayFirst && monthFirst)
        {
            candidates.Add(new DateMention(m.Index, m.Length, y, b, a, null, a == b ? DateForm.NumericDayFirst : DateForm.NumericEither));
        }
        else if (dayFirst)
        {
            candidates.Add(new DateMention(m.Index, m.Length, y, b, a, null, DateForm.NumericDayFirst));
        }
        else if (monthFirst)
        {
            candidates.Add(new DateMention(m.Index, m.Length, y, a, b, null, DateForm.NumericMonthFirst));
        }
    }

    /// <summary>Whether <paramref name="year"/>, <paramref name="month"/> and <paramref name="day"/> make a day of the
    /// calendar, in the years a news archive holds (1900 to 2099).</summary>
    public static bool IsDate(int year, int month, int day) => Valid(year, month, day);

    private static bool Valid(int? year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && (year is null or (>= 1900 and <= 2099))
        && day <= (year is { } y ? DateTime.DaysInMonth(y, month) : month == 2 ? 29 : DateTime.DaysInMonth(2001, month));

    private static int Month(string name) => name.ToLowerInvariant().TrimEnd('.') switch
    {
        "jan" or "january" => 1,
        "feb" or "february" => 2,
        "mar" or "march" => 3,
        "apr" or "april" => 4,
        "may" => 5,
        "jun" or "june" => 6,
        "jul" or "july" => 7,
        "aug" or "august" => 8,
        "sep" or "sept" or "september" => 9,
        "oct" or "october" => 10,
        "nov" or "november" => 11,
        "dec" or "december" => 12,
        _ => 0,
    };

    private static DayOfWeek? Weekday(string name) => name.ToLowerInvariant()[..3] switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        "sun" => DayOfWeek.Sunday,
        _ => null,
    };

    private const string MonthName =
        @"(?<m>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?";

    // A year, also when a time is glued to it ("October 17, 20236:01 PM ET").
    private const string Year = @"(?<y>(?:19|20)\d{2})(?:(?!\d)|(?=\d{1,2}:\d{2}))";

    private const string WeekdayName =
        @"(?:(?<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+\(?)?";

    // "Thursday, 2nd of July 2015", "14 March, 2016", "2 July".
    [GeneratedRegex(@"\b(?<![\d]\s?[-–]\s?)" + WeekdayName + @"(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + MonthName + @"(?![a-z])(?:,?\s+" + Year + ")?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthPattern();

    // "Thursday, July 2, 2015", "Sept. 4 2025", "July 2".
    [GeneratedRegex(@"(?:\b|(?<=(?-i:[\p{Ll}\d]))(?=(?-i:\p{Lu})))" + WeekdayName + MonthName + @"(?![a-z])\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?![\d:]|\s?[-–]\s?\d)(?:\.(?=\s+(?:19|20)\d{2}))?(?:,?\s+" + Year + ")?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayPattern();

    // "2016-03-14", "2016/3/14", "2016.03.14", also before a time ("2016-03-14T10:00"); not a file's or a link's name
    // ("2025-10-28-always-dns-sign_FT-555x202").
    [GeneratedRegex(@"(?<![\d.\-/])(?<y>(?:19|20)\d{2})(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?![\d]|[.\-/]\d|-\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDayPattern();

    // "14/03/2016", "14.03.2016", "14-03-2016", "02/07/15" (two-digit years only with slashes).
    [GeneratedRegex(@"(?<![\d.\-/])(?<a>\d{1,2})(?:(?<s>[/.\-])(?<b>\d{1,2})\k<s>(?<y>(?:19|20)\d{2})|/(?<b>\d{1,2})/(?<y>\d{2}))(?![\d]|[.\-/]\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex NumericPattern();
}
