using ArticleIndexer.Core.Metadata;

namespace ArticleIndexer.Core.Tests.Metadata;

public class DateMentionsTests
{
    // Each row: a line, and the dates it writes as "yyyy-mm-dd Form" ("--mm-dd" without a year), or "none".
    [Theory]
    [InlineData("Published: 14 March 2016", "2016-03-14 DayMonth")]
    [InlineData("Updated 2 July 2015 14:30 BST", "2015-07-02 DayMonth")]
    [InlineData("By Jane Smith | Sept 4, 2025", "2025-09-04 MonthDay")]
    [InlineData("By Jane Smith | Sept. 4 2025", "2025-09-04 MonthDay")]
    [InlineData("March 14, 2016 at 10:04 am", "2016-03-14 MonthDay")]
    [InlineData("MARCH 14, 2016", "2016-03-14 MonthDay")]
    [InlineData("Thursday, 2nd of July 2015", "2015-07-02 DayMonth")]
    [InlineData("14th March, 2016", "2016-03-14 DayMonth")]
    [InlineData("Posted on 2016-03-14T10:00:00Z", "2016-03-14 YearMonthDay")]
    [InlineData("2016/3/14", "2016-03-14 YearMonthDay")]
    [InlineData("14/03/2016", "2016-03-14 NumericDayFirst")]
    [InlineData("14.03.2016", "2016-03-14 NumericDayFirst")]
    [InlineData("03/14/2016", "2016-03-14 NumericMonthFirst")]
    [InlineData("02/07/2015", "2015-07-02 NumericEither")]
    [InlineData("07/07/2015", "2015-07-07 NumericDayFirst")]
    [InlineData("02/07/15", "2015-07-02 NumericEither")]
    [InlineData("LONDON, July 2 (Reuters) - Britain and France", "--07-02 MonthDay")]
    [InlineData("Thursday (2 July)", "--07-02 DayMonth")]
    [InlineData("Theresa May said on 2 July that", "--07-02 DayMonth")]
    [InlineData("Theresa May 14 March 2016", "2016-03-14 DayMonth")]
    [InlineData("From 1 June 2015 to 30 June 2015", "2015-06-01 DayMonth, 2015-06-30 DayMonth")]
    [InlineData("Date: January 6-9, 2026", "none")]
    [InlineData("6-9 January 2026", "none")]
    [InlineData("since records began in 2008", "none")]
    [InlineData("Theresa May and the Home Office", "none")]
    [InlineData("in May 2016 the deal", "none")]
    [InlineData("you may 3 times a day", "none")]
    [InlineData("2.5 million people, version 1.2.3, 3/4 of them", "none")]
    [InlineData("31 February 2016 and 30/02/2016", "none")]
    [InlineData("29 February 2016", "2016-02-29 DayMonth")]
    [InlineData("29 February 2015", "none")]
    [InlineData("Marching 14 miles in 2016", "none")]
    [InlineData("call 01/02/345 or 12.10.2015.3", "none")]
    [InlineData("Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026", "2022-12-22 MonthDay, 2026-01-02 MonthDay")]
    [InlineData("May 21, 2025April 24, 2025 by The Ritualist", "2025-05-21 MonthDay, 2025-04-24 MonthDay")]
    [InlineData("📅Jul. 11. 2025", "2025-07-11 MonthDay")]
    [InlineData("Jul. 11. The show", "--07-11 MonthDay")]
    [InlineData("October 17, 20236:01 PM ET", "2023-10-17 MonthDay")]
    [InlineData("Mar 27, 20255 mins", "--03-27 MonthDay")]
    [InlineData("remarkMarch 3", "--03-03 MonthDay")]
    [InlineData("Summarch 3 2016", "none")]
    [InlineData("2022-11-23T08:10+02:00", "2022-11-23 YearMonthDay")]
    [InlineData("[2025-10-28-always-dns-sign_FT-555x202]", "none")]
    public void Find_ReadsTheDatesOfALine(string line, string expected)
    {
        var found = DateMentions.Find(line);

        var written = found.Count == 0
            ? "none"
            : string.Join(", ", found.Select(d => $"{(d.Year is { } y ? y.ToString("D4") : "-")}-{d.Month:D2}-{d.Day:D2} {d.Form}"));
        Assert.Equal(expected, written);
    }

    [Fact]
    public void Find_KeepsWhereTheDateIs_AndItsWeekday()
    {
        const string line = "Home Secretary, Thursday (2 July): the deal";

        var date = Assert.Single(DateMentions.Find(line));

        Assert.Equal("Thursday (2 July", line.Substring(date.Offset, date.Length));
        Assert.Equal(DayOfWeek.Thursday, date.Weekday);
        Assert.Null(date.Date);
        Assert.True((date with { Year = 2015 }).WeekdayFits);
        Assert.False((date with { Year = 2016 }).WeekdayFits);
    }

    [Fact]
    public void MonthFirst_SwapsAnEitherWayDate()
    {
        var date = Assert.Single(DateMentions.Find("02/07/2015"));

        Assert.Equal(new DateOnly(2015, 7, 2), date.Date);
        Assert.Equal(new DateOnly(2015, 2, 7), date.MonthFirst.Date);
    }
}
