using ArticleIndexer.Core.Metadata;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Metadata;

/// <summary>What each seed says of itself, through the product's stages: a golden table. No seed gives its publication
/// day with a year or names its author in a byline; seed 000 names its site.</summary>
public class SeedMetadataTests
{
    // Seed, published, authors, site (with where it was read), where the title was read.
    public static TheoryData<string, string?, string, string?, string?> Golden => new()
    {
        // "More on KentOnline", the site's header, opens the file; the lead names no day ("Earlier this month").
        { Seeds.Kent, null, "", "KentOnline (line 1: site header)", null },
        // A lead of prose only; its "on Thursday" is relative, to be resolved against a day the file does not give.
        { Seeds.BusinessStandard, null, "", null, null },
        // "France and Britain agreed on Thursday (2 July) to ...": a day and month without a year, in the lead's
        // sentence. A date in a sentence is the date of what the sentence tells, so it is never taken, and the file
        // has no other date and no year folder (see Seed002_StaysUndated_EvenWithAWeekdayWindow).
        { Seeds.Euractiv, null, "", null, null },
        // "Credit: Reuters" under a photo is the photo's agency, not the article's site or author.
        { Seeds.Headline, null, "", null, "line 3: headline line, 1 line above the lead" },
        { Seeds.Itv, null, "", null, "line 1: headline line, 1 line above the lead" },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Seed_GivesItsGoldenMetadata(string seed, string? published, string authors, string? site, string? titleFrom)
    {
        var metadata = Seeds.Process(seed).Metadata!;

        Assert.Equal(published, metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(metadata.Updated);
        Assert.Equal(authors, string.Join(", ", metadata.Authors.Select(a => a.Name)));
        Assert.Equal(site, metadata.Site is null ? null : $"{metadata.Site} ({metadata.SiteFrom})");
        Assert.Equal(titleFrom, metadata.TitleFrom);
    }

    [Fact]
    public void Seed002_StaysUndated_EvenWithAWeekdayWindow()
    {
        // 2 July was a Thursday in 2015 alone of 2010-2019, so a date line "Thursday (2 July)" would be 2015-07-02 with
        // this window; the seed writes it inside its lead's sentence, where no date is taken.
        var processor = new ArticleProcessor(Core.Reading.ArticleReader.DefaultMaxBytes, new MetadataFinderOptions { WeekdayYearFrom = 2010, WeekdayYearTo = 2019 });

        var metadata = processor.Process(processor.Read(Seeds.File(Seeds.Euractiv))).Article!.Metadata!;

        Assert.Null(metadata.Published);
    }

    [Fact]
    public void Seed_WithFileTimeDates_TakesTheFilesDay_MarkedAsSuch()
    {
        var processor = new ArticleProcessor(Core.Reading.ArticleReader.DefaultMaxBytes, new MetadataFinderOptions { FileTimeAsPublished = true });
        var file = Seeds.File(Seeds.Euractiv) with { LastWriteUtc = new DateTime(2015, 7, 3, 23, 30, 0, DateTimeKind.Utc) };

        var metadata = processor.Process(processor.Read(file)).Article!.Metadata!;

        Assert.Equal(new DateOnly(2015, 7, 3), metadata.Published);
        Assert.Equal(MetadataFinder.FileTimeRule, metadata.PublishedFrom);
    }
}
