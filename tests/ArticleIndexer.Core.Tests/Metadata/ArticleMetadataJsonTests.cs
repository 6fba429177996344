using System.Text.Json;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Metadata;

namespace ArticleIndexer.Core.Tests.Metadata;

public class ArticleMetadataJsonTests
{
    private static readonly ArticleMetadata Full = new(new DateOnly(2016, 3, 14), "line 3: labelled", new DateOnly(2016, 3, 15), "line 4: updated")
    {
        Authors = [new ArticleAuthor("Jane Smith", "Political Editor"), new ArticleAuthor("John Doe")],
        AuthorsFrom = "line 2: byline",
        Site = "KentOnline",
        SiteFrom = "line 1: more on",
    };

    [Fact]
    public void Write_GivesNamesAsAPlainList_WithTheRolesBeside()
    {
        var json = JsonSerializer.Serialize(Full, ArticleJson.Options);

        Assert.Equal(
            """{"published":"2016-03-14","publishedFrom":"line 3: labelled","updated":"2016-03-15","updatedFrom":"line 4: updated","authors":["Jane Smith","John Doe"],"roles":{"Jane Smith":"Political Editor"},"authorsFrom":"line 2: byline","site":"KentOnline","siteFrom":"line 1: more on"}""",
            json);
    }

    [Fact]
    public void Write_OfNothingFound_KeepsThePublishedDayAndTheAuthorsAsNullAndEmpty()
    {
        Assert.Equal("""{"published":null,"publishedFrom":null,"authors":[]}""", JsonSerializer.Serialize(ArticleMetadata.None, ArticleJson.Options));
    }

    [Fact]
    public void Read_GivesBackWhatWasWritten()
    {
        var back = JsonSerializer.Deserialize<ArticleMetadata>(JsonSerializer.Serialize(Full, ArticleJson.Options), ArticleJson.Options)!;

        Assert.Equal(Full with { }, back with { Authors = Full.Authors });
        Assert.Equal(Full.Authors, back.Authors);
        Assert.Equal(ArticleMetadata.None.Published, JsonSerializer.Deserialize<ArticleMetadata>("{}", ArticleJson.Options)!.Published);
    }
}
