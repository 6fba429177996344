using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Entities.Tagging;

namespace ArticleIndexer.Core.Tests.Entities.Tagging;

public class SequenceTaggerTests
{
    // A tiny corpus: persons after "Mr", places after "in", an organisation before "said".
    private const string Tiny =
        "-DOCSTART- -X- -X- O\n\n"
        + "Mr O\nSmith B-PER\nwent O\nto O\nParis B-LOC\n. O\n\n"
        + "Acme B-ORG\nCorp I-ORG\nsaid O\nso O\n. O\n\n"
        + "-DOCSTART- -X- -X- O\n\n"
        + "Mrs O\nJane B-PER\nJones I-PER\nlives O\nin O\nBerlin B-LOC\n. O\n\n"
        + "Reuters B-ORG\nsaid O\nit O\nwas O\nin O\nRome B-LOC\n. O\n";

    private static ConllCorpus Parse(string text)
    {
        Assert.True(ConllCorpus.TryParse(text.Split('\n'), "tiny", out var corpus, out var error), error);
        return corpus;
    }

    private static byte[] Bytes(SequenceTagger tagger)
    {
        using var stream = new MemoryStream();
        tagger.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Train_OnATinyCorpus_GivesTheSameModelByteForByte_EveryTime()
    {
        var options = new NerTrainingOptions { Epochs = 3, Folds = 2 };

        var first = Bytes(NerTrainer.Train(Parse(Tiny).Documents, options));
        var second = Bytes(NerTrainer.Train(Parse(Tiny).Documents, options));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_OnATinyCorpus_LearnsItsOwnLabels()
    {
        var corpus = Parse(Tiny);
        var tagger = NerTrainer.Train(corpus.Documents, new NerTrainingOptions { Epochs = 10, Folds = 2 });

        var score = ConllEvaluation.Score(corpus, ConllEvaluation.Tag(tagger, corpus));

        Assert.Equal(100, score.Overall.F1);
    }

    [Fact]
    public void SaveThenLoad_TagsExactlyAsTheSavedModel()
    {
        var corpus = Parse(Tiny);
        var tagger = NerTrainer.Train(corpus.Documents, new NerTrainingOptions { Epochs = 5, Folds = 2 });
        using var stream = new MemoryStream(Bytes(tagger));

        var loaded = SequenceTagger.Load(stream);

        Assert.Equal(tagger.FeatureCount, loaded.FeatureCount);
        Assert.Equal(ConllEvaluation.Tag(tagger, corpus), ConllEvaluation.Tag(loaded, corpus));
        Assert.Equal(Bytes(tagger), Bytes(loaded));
    }

    [Fact]
    public void Load_OfSomethingElse_SaysItIsNotAModel()
    {
        using var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write("not a model at all"u8);
        }

        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => SequenceTagger.Load(stream));
    }

    [Fact]
    public void Default_LoadsTheEmbeddedModel_AndTagsAPlainSentence()
    {
        var document = new TaggerDocument([["Theresa", "May", "met", "Bernard", "Cazeneuve", "in", "Paris", "on", "Thursday", "."]]);

        var labels = SequenceTagger.Default.Tag(document).Select(l => l.ToTag());

        Assert.Equal(["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"], labels);
    }

    [Fact]
    public void Tag_RemembersWithinADocument_ThatASurnameAloneIsTheSamePerson()
    {
        var document = new TaggerDocument(
        [
            ["Peter", "Blackburn", "won", "the", "race", "."],
            ["Blackburn", "finished", "ahead", "of", "the", "field", "."],
        ]);

        var labels = SequenceTagger.Default.Tag(document);

        Assert.Equal(NerLabel.BPer, labels[6]);
    }

    [Fact]
    public void Tag_OnAnEmptyDocumentOrSentence_ReturnsNoLabels()
    {
        Assert.Empty(SequenceTagger.Default.Tag(new TaggerDocument([])));
        Assert.Empty(SequenceTagger.Default.Tag(new TaggerDocument([[]])));
    }
}
