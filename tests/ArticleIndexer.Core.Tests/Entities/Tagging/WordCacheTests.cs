using ArticleIndexer.Core.Entities.Tagging;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Entities.Tagging;

public class WordCacheTests
{
    private static readonly SequenceTagger Tagger = SequenceTagger.Default;

    // The seed articles as the product's recogniser hands them to the tagger: thousands of tokens, many repeated.
    private static TaggerDocument[] SeedDocuments() =>
        [.. Seeds.All.Select(id => TaggerDocument.FromText(File.ReadAllText(Path.Combine(Seeds.Folder, id + ".txt"))))];

    [Fact]
    public void Tag_WithACache_GivesTheLabelsOfEveryFeatureExtractedAnew()
    {
        var words = Tagger.NewWordCache();

        foreach (var document in SeedDocuments())
        {
            Assert.Equal(Tagger.Tag(document, null), Tagger.Tag(document, words));
        }
    }

    [Fact]
    public void Tag_WithAWarmCache_GivesTheLabelsOfAColdOne()
    {
        var documents = SeedDocuments();
        var warm = Tagger.NewWordCache();
        foreach (var document in documents)
        {
            Tagger.Tag(document, warm);
        }

        foreach (var document in documents.Reverse())
        {
            Assert.Equal(Tagger.Tag(document, Tagger.NewWordCache()), Tagger.Tag(document, warm));
        }
    }

    [Fact]
    public void Tag_WithASmallCache_ClearsItBetweenDocuments_AndKeepsTheLabels()
    {
        var documents = SeedDocuments();
        var small = Tagger.NewWordCache(capacity: 50);
        var largest = documents.Max(d => d.Tokens.Distinct(StringComparer.Ordinal).Count());

        foreach (var document in documents.Concat(documents))
        {
            var labels = Tagger.Tag(document, small);

            Assert.InRange(small.Count, 1, 50 + largest);
            Assert.Equal(Tagger.Tag(document, null), labels);
        }

        small.StartDocument();
        Assert.Equal(0, small.Count);
    }

    [Fact]
    public void Tag_FromSeveralThreadsAtOnce_GivesEachDocumentItsOwnLabels()
    {
        var documents = SeedDocuments();
        var expected = documents.Select(d => Tagger.Tag(d, null)).ToArray();

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            Assert.Equal(expected[i % documents.Length], Tagger.Tag(documents[i % documents.Length])));
    }
}
