using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Boilerplate;

public class LineModelTests
{
    // One tree: feature 0 at most 10 → -1, else feature 1 at most 0.5 → 0.5, else 2; the inner values are the
    // cover-weighted means the trainer writes.
    private static BoostedTrees OneTree() => new(["length", "prose"], 0.25, OneTreeNodes, [0]);

    private static BoostedTrees.Node[] OneTreeNodes =>
    [
        new BoostedTrees.Node(0, 10, 1, 2, 0.2f),
        new BoostedTrees.Node(-1, 0, -1, -1, -1f),
        new BoostedTrees.Node(1, 0.5f, 3, 4, 1f),
        new BoostedTrees.Node(-1, 0, -1, -1, 0.5f),
        new BoostedTrees.Node(-1, 0, -1, -1, 2f),
    ];

    [Fact]
    public void Score_FollowsTheSplits_FromTheBias()
    {
        var trees = OneTree();

        Assert.Equal(0.25 - 1, trees.Score([3, 1]), 6);
        Assert.Equal(0.25 + 0.5, trees.Score([30, 0]), 6);
        Assert.Equal(0.25 + 2, trees.Score([30, 1]), 6);
    }

    [Fact]
    public void ScoreAll_ScoresEveryVectorAsScoreDoes_OverTreesOfDifferentDepths()
    {
        // The first tree is two levels deep with a leaf on the first; the second is a single leaf, so both are padded.
        var trees = new BoostedTrees(["length", "prose"], 0.25, [.. OneTreeNodes, new BoostedTrees.Node(-1, 0, -1, -1, 0.125f)], [0, 5]);
        // Three vectors of width 3 (a third feature the model does not read); one sits exactly on a threshold.
        float[] vectors = [3, 1, 99, 10, 1, -99, 30, 0.5f, 0, 30, 0.75f, 0];

        var scores = new double[4];
        trees.ScoreAll(vectors, 3, scores);

        Assert.Equal([0.25 - 1 + 0.125, 0.25 - 1 + 0.125, 0.25 + 0.5 + 0.125, 0.25 + 2 + 0.125], scores);
        for (var i = 0; i < scores.Length; i++)
        {
            Assert.Equal(scores[i], trees.Score(vectors.AsSpan(i * 3, 3)), 12);
        }
    }

    [Fact]
    public void Explain_ChargesEachSplitToItsFeature_AndSumsToTheScoreAboveTheRoot()
    {
        var trees = OneTree();

        var contributions = trees.Explain([30, 1]);

        Assert.Equal(1f - 0.2f, contributions[0], 5);
        Assert.Equal(2f - 1f, contributions[1], 5);
        Assert.Equal(trees.Score([30, 1]) - 0.25 - 0.2, contributions.Sum(), 5);
    }

    [Fact]
    public void Explain_OnAPaddedLeaf_ChargesOnlyTheSplitsTaken()
    {
        // The second tree is a single leaf and the first's left child a leaf one level up: both are padded to depth 2.
        var trees = new BoostedTrees(["length", "prose"], 0.25, [.. OneTreeNodes, new BoostedTrees.Node(-1, 0, -1, -1, 0.125f)], [0, 5]);

        var contributions = trees.Explain([3, 1]);

        Assert.Equal(-1f - 0.2f, contributions[0], 5);
        Assert.Equal(0, contributions[1]);
        Assert.Equal(trees.Score([3, 1]) - 0.25 - 0.2 - 0.125, contributions.Sum(), 5);
    }

    [Fact]
    public void Reading_Explain_NamesTheFeaturesMostAgainstTheLine_InOrder()
    {
        // Three one-split trees over the line features: "words" costs 1, "ends a sentence" 2, "sentences" 0.5.
        var sentence = Array.IndexOf(LineVectors.Names, "ends a sentence");
        var sentences = Array.IndexOf(LineVectors.Names, "sentences");
        var trees = new BoostedTrees(LineVectors.Names, 0,
        [
            new BoostedTrees.Node(0, 10, 1, 2, 0f), new BoostedTrees.Node(-1, 0, -1, -1, -1f), new BoostedTrees.Node(-1, 0, -1, -1, 1f),
            new BoostedTrees.Node(sentence, 0.5f, 4, 5, 0f), new BoostedTrees.Node(-1, 0, -1, -1, -2f), new BoostedTrees.Node(-1, 0, -1, -1, 2f),
            new BoostedTrees.Node(sentences, 0.5f, 7, 8, 0f), new BoostedTrees.Node(-1, 0, -1, -1, -0.5f), new BoostedTrees.Node(-1, 0, -1, -1, 0.5f),
        ], [0, 3, 6]);
        var model = new LineModel(new WordOdds(new Dictionary<string, float>()), trees, 0);

        var reading = model.Score(new float[LineVectors.Length], LineVectors.Length);

        Assert.Equal([-3.5], reading.Scores);
        Assert.Equal("article text 3%; against it: ends a sentence, words", reading.Explain(0, 2));
        Assert.Equal("article text 3%; against it: ends a sentence, words, sentences", reading.Explain(0, 5));
        Assert.Equal("article text 3%; against it: ", reading.Explain(0, 0));
    }

    [Fact]
    public void WordOdds_MeasuresTheKnownWords_CaseIgnored()
    {
        var odds = new WordOdds(new Dictionary<string, float> { ["subscribe"] = -2, ["said"] = 1 });

        var measure = odds.Of("Subscribe, he said, to the newsletter");

        Assert.Equal(-0.5f, measure.Mean, 5);
        Assert.Equal(-2f, measure.Lowest);
        Assert.Equal(1f, measure.Highest);
        Assert.Equal(2f / 6, measure.Known, 5);
        Assert.Equal(default, odds.Of("Nothing known here"));
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameScores()
    {
        var model = new LineModel(new WordOdds(new Dictionary<string, float> { ["reply"] = -3 }), Pad(OneTree()), -0.5);
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;

        var read = LineModel.Read(stream);

        Assert.Equal(-0.5, read.Threshold);
        Assert.Equal(-3f, read.Words.Of("Reply").Mean);
        var vector = new float[LineVectors.Length];
        vector[0] = 30;
        vector[1] = 1;
        Assert.Equal(model.Trees.Score(vector), read.Trees.Score(vector));
    }

    [Fact]
    public void Read_RefusesOtherData_WithAReason()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("not a model"));

        Assert.ThrowsAny<InvalidDataException>(() => LineModel.Read(stream));
    }

    [Fact]
    public void Default_IsBuiltIn_AndReadsTheFeaturesThisBuildComputes()
    {
        var model = LineModel.Default;

        Assert.Equal(LineVectors.Names, model.Trees.FeatureNames);
        Assert.True(model.Trees.TreeCount > 0);
        Assert.True(model.Words.Count > 1000);
        Assert.Equal(LineContext.Names, model.Context?.Trees.FeatureNames);
    }

    [Fact]
    public void Strip_NamesTheModel_AndWhatWeighedAgainstALine_ItDropsAlone()
    {
        // A whole page of boilerplate-dev: its offers ("Ready to simplify your nutrition? Get started today.", "Sign up
        // today and make this your healthiest fall yet.") are sentences no rule names; the model drops them after the
        // article.
        var page = Path.Combine(Seeds.RepositoryRoot, "..", "shared", "data", "boilerplate-dev", "txt", "0001.txt");
        var text = new ArticleIndexer.Core.Normalization.TextNormalizer().Normalize(File.ReadAllText(page));

        var result = new LineBoilerplateStripper().Strip(text, LineRepeats.Empty);

        var byModel = result.Dropped.Where(d => d.Rule == BoilerplateRules.LineModel).ToList();
        Assert.Contains(byModel, d => d.Text is "Ready to simplify your nutrition? Get started today." or "Sign up today and make this your healthiest fall yet.");
        Assert.All(byModel, d => Assert.Matches(@"^article text \d+%; against it: [^,]+(, [^,]+){0,2}$", d.Detail));
        Assert.All(result.Dropped.Where(d => d.Rule != BoilerplateRules.LineModel), d => Assert.Null(d.Detail));
        Assert.Contains(result.Kept, k => k.Text.StartsWith("Fall isn’t just pumpkin spice season", StringComparison.Ordinal));
    }

    // A model over the real vector: the one-tree model with the names of the product's features.
    private static BoostedTrees Pad(BoostedTrees trees) =>
        new(LineVectors.Names, trees.Bias,
        [
            new BoostedTrees.Node(0, 10, 1, 2, 0.2f),
            new BoostedTrees.Node(-1, 0, -1, -1, -1f),
            new BoostedTrees.Node(1, 0.5f, 3, 4, 1f),
            new BoostedTrees.Node(-1, 0, -1, -1, 0.5f),
            new BoostedTrees.Node(-1, 0, -1, -1, 2f),
        ],
        [0]);
}
