using ArticleIndexer.Core.Metadata;

namespace ArticleIndexer.Core.Tests.Metadata;

public class SiteFinderTests
{
    [Theory]
    [InlineData("© 2025 Digit.in, All rights reserved", "Digit.in")]
    [InlineData("© Copyright Gannett 2025", "Gannett")]
    [InlineData("Copyright © 2025 BSS. All Rights Reserved.", "BSS")]
    [InlineData("© 2026 FoundryCo, Inc.", "FoundryCo, Inc.")]
    [InlineData("©2025 by Sally Tomatoes.", "Sally Tomatoes")]
    [InlineData("© Copyright 1995 - 2026 Security.org a Centerfield Media Company|Terms and Conditions|Privacy Policy", "Security.org a Centerfield Media Company")]
    [InlineData("(c) 2015 Guardian News and Media Limited", "Guardian News and Media Limited")]
    [InlineData("Copyright Accruent 2025.", "Accruent")]
    [InlineData("© Cherry Servers 2001-2026", "Cherry Servers")]
    [InlineData("© 2025 Nerd Fitness. Terms and Conditions", "Nerd Fitness")]
    [InlineData("© 2025 Gardenary Inc. Privacy", "Gardenary Inc.")]
    [InlineData("Copyright © 2025 Bennett, Coleman & Co. Ltd. All rights reserved. For reprint rights: Times Syndication Service", "Bennett, Coleman & Co. Ltd")]
    [InlineData("© 2025 Noble Desktop - Privacy & Terms", "Noble Desktop")]
    [InlineData("© 2025 Steam Ritual • Built with GeneratePress", "Steam Ritual")]
    [InlineData("©Thinkstock", null)] // a photo credit: no year, no rights notice
    [InlineData("© Simply Thrilled Ltd MMXXIII", null)] // no year in figures, no rights notice
    [InlineData("Copyright Notice", null)] // a link to the notice
    [InlineData("Copyright, Trademark and Patent Information", null)]
    [InlineData("© 2025", null)] // names nobody
    [InlineData("©2026 All Rights Reserved.", null)] // names nobody
    [InlineData("Copyright 2015 the author and the many people who helped with this long essay on the history of the port", null)] // a sentence
    [InlineData("The copyright of the photos is 2015 ours", null)] // not a copyright line
    public void CopyrightName_OfAFooterLine(string line, string? expected) =>
        Assert.Equal(expected, SiteFinder.CopyrightName(line));

    [Theory]
    [InlineData("LONDON, July 2 (Reuters) - Britain and France agreed on Thursday to ...", "Reuters", "line 3: wire dateline")]
    [InlineData("WASHINGTON (AP) — The Senate voted on Tuesday to ...", "AP", "line 3: wire dateline")]
    [InlineData("London (Reuters) is where the story begins, and it goes on", null, null)] // not a dateline in capitals
    public void Find_ReadsTheAgencyOfAWireDateline(string lead, string? site, string? from)
    {
        var found = SiteFinder.Find(["Headline", "", lead, "", "More text."], 3);

        Assert.Equal(site, found?.Name);
        Assert.Equal(from, found?.From);
    }

    [Fact]
    public void Find_ReadsAWireSignOff_AndASiteHeader_AndAFooter()
    {
        Assert.Equal(("Reuters", "line 4: wire sign-off"), SiteFinder.Find(["BAHIA COCOA REVIEW", "SALVADOR, Feb 26 - Showers continued.", "More.", " Reuter", ""], 2));
        Assert.Equal(("KentOnline", "line 1: site header"), SiteFinder.Find(["More on KentOnline", "A Kent MP is backing a plan to give France money.", "More."], 2));
        Assert.Equal(("Digit.in", "line 5: copyright line"), SiteFinder.Find(["Title", "The article begins here and runs on.", "Share", "About us", "© 2025 Digit.in, All rights reserved"], 2));
    }

    [Theory]
    [InlineData("More on Web Design")] // a topic
    [InlineData("More on Wharton:")] // a list heading
    [InlineData("more on kentonline")]
    public void Find_TakesNoTopicForASiteHeader(string header) =>
        Assert.Null(SiteFinder.Find([header, "A Kent MP is backing a plan to give France money.", "More."], 2));

    [Fact]
    public void Find_TakesNoCopyrightLineAboveTheArticle_NorAPhotoCredit()
    {
        Assert.Null(SiteFinder.Find(["© 2025 Banner Ads Ltd", "", "", "", "The article begins here and runs on.", "©Thinkstock"], 5));
    }
}
