using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Indexing;

public class EntityCodecTests
{
    public static TheoryData<string> SeedIds => [.. Seeds.All];

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Decode_GivesBackTheSeedsEntities_AsTheSameJson(string id)
    {
        var entities = Seeds.Process(id).Entities;

        var decoded = EntityCodec.Decode(EntityCodec.Encode(entities));

        Assert.NotEmpty(entities.Entities);
        Assert.Equal(ArticleJson.Write(entities), ArticleJson.Write(decoded));
    }

    [Fact]
    public void Decode_TellsNullFromEmpty_AndKeepsEveryPlaceFact()
    {
        var full = new PlaceInfo("city", "FR", 3029276, 50.95194, 1.85635, ["Calés"])
        {
            Country = "France", Region = "Hauts-de-France", Area = "Pas-de-Calais", Within = ["Pas-de-Calais", "France"],
        };
        var bare = new PlaceInfo("area", null, OtherNames: []);
        var set = new EntitySet(
            [
                new Entity(EntityKind.Place, "Calais", ["Calais", "Calés"], 3, [], full),
                new Entity(EntityKind.Place, "Europe", ["Europe"], 1, [], bare),
                new Entity(EntityKind.Person, "Natacha Bouchart", ["Natacha Bouchart", "Bouchart"], 2, ["Mayor of Calais"], null),
            ],
            [
                new EntityMention(EntityKind.Person, "Natacha Bouchart", 120, "Natacha Bouchart"),
                new EntityMention(EntityKind.Place, "Calais", 20, "Calais"),
                new EntityMention(EntityKind.Person, "Bouchart", 5_000_000, "Natacha Bouchart"),
            ])
        {
            About = [new AboutLink("France", "FR", ["French", "French"], 2)],
        };

        var decoded = EntityCodec.Decode(EntityCodec.Encode(set));

        Assert.Equal(ArticleJson.Write(set), ArticleJson.Write(decoded));
        Assert.Null(decoded.Entities[1].Place!.CountryCode);
        Assert.NotNull(decoded.Entities[1].Place!.OtherNames);
        Assert.Null(decoded.Entities[1].Place!.Within);
        Assert.Equal([120, 20, 5_000_000], decoded.Mentions.Select(m => m.Offset));
    }

    [Fact]
    public void Decode_OfNoEntities_IsEmpty()
    {
        var decoded = EntityCodec.Decode(EntityCodec.Encode(EntitySet.Empty));

        Assert.Empty(decoded.Entities);
        Assert.Empty(decoded.Mentions);
        Assert.Empty(decoded.About);
    }

    [Fact]
    public void Decode_OfACutOrAlteredValue_SaysTheDataIsDamaged()
    {
        var bytes = EntityCodec.Encode(Seeds.Process(Seeds.Kent).Entities);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => EntityCodec.Decode(bytes.AsSpan(0, length)));
        }

        Assert.Throws<InvalidDataException>(() => EntityCodec.Decode([.. bytes, 0]));
        Assert.Throws<InvalidDataException>(() => EntityCodec.Decode([2, .. bytes[1..]]));
    }
}
