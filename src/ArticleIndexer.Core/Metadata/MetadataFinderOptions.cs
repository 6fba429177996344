namespace ArticleIndexer.Core.Metadata;

/// <summary>Settings of <see cref="MetadataFinder"/>. Every one is off by default, so a date is read only from what
/// the file itself says.</summary>
public sealed record MetadataFinderOptions
{
    /// <summary>First year of the window in which a date written with its weekday but no year ("Thursday (2 July)")
    /// may be placed when nothing in the file or its path gives the year: the date takes the one year of the window
    /// whose calendar fits the weekday, and none when no year or several do (a window of six years or more often holds
    /// two). Used only with <see cref="WeekdayYearTo"/>. Defaults to null: no window, no such date.</summary>
    public int? WeekdayYearFrom { get; init; }

    /// <summary>Last year of the weekday window (see <see cref="WeekdayYearFrom"/>). Defaults to null.</summary>
    public int? WeekdayYearTo { get; init; }

    /// <summary>The most years from the first of a weekday window to its last: a longer window holds a fitting year
    /// for nearly every weekday and day, so it would complete dates by chance.</summary>
    public const int MaxWeekdayYears = 99;

    /// <summary>Whether <paramref name="from"/> to <paramref name="to"/> is a weekday window the finder uses: calendar
    /// years, the first no later than the last, at most <see cref="MaxWeekdayYears"/> apart.</summary>
    public static bool IsWeekdayWindow(int from, int to) =>
        from is >= 1 and <= 9999 && to is >= 1 and <= 9999 && from <= to && to - from <= MaxWeekdayYears;

    /// <summary>Whether a file that says nothing of its date takes its modification time's day (UTC) as its
    /// publication, marked as such ("file: its modification time, as the settings ask"). A copied or re-saved archive's
    /// times are the copy's, so this is for archives whose files were written when the articles were. Defaults to
    /// false.</summary>
    public bool FileTimeAsPublished { get; init; }
}
