using ArticleIndexer.Core.Boilerplate;

namespace ArticleIndexer.Core.Tests.Boilerplate;

public class LineContextTests
{
    private static float Feature(float[] vectors, int line, string name) =>
        vectors[line * LineContext.Length + Array.IndexOf(LineContext.Names, name)];

    // Seven lines: a menu (dropped), three paragraphs the first reading kept with a short line between them it
    // dropped, then a teaser far below after two dropped lines.
    private static readonly double[] Scores = [-3, 2, -1, 3, 1, -2, -4, 0.5];
    private static readonly float[] Words = [2, 40, 4, 50, 30, 6, 3, 20];

    [Fact]
    public void Build_SaysWhereALineStandsAgainstTheLinesTheFirstReadingKept()
    {
        var v = LineContext.Build(Scores, Words, threshold: 0);

        Assert.Equal(LineContext.Length * Scores.Length, v.Length);
        // The short line between kept paragraphs: its own score, its neighbours', and the kept lines either side.
        Assert.Equal(-1f, Feature(v, 2, "first reading: score"));
        Assert.Equal(2f, Feature(v, 2, "first reading: score 1 line above"));
        Assert.Equal(3f, Feature(v, 2, "first reading: score 1 line below"));
        Assert.Equal(1f, Feature(v, 2, "first reading: lines to the kept line above"));
        Assert.Equal(1f, Feature(v, 2, "first reading: lines to the kept line below"));
        Assert.Equal(1f, Feature(v, 2, "first reading: inside the kept span"));
        Assert.Equal(0f, Feature(v, 2, "first reading: dropped words to the kept line above"));
        // The first line, above everything kept: no kept line above, missing neighbours above.
        Assert.Equal(-10f, Feature(v, 0, "first reading: score 1 line above"));
        Assert.Equal(Scores.Length, Feature(v, 0, "first reading: lines to the kept line above"));
        Assert.Equal(0f, Feature(v, 0, "first reading: inside the kept span"));
        Assert.Equal(0f, Feature(v, 0, "first reading: share of the kept words above"));
        // The teaser at the end: two dropped lines of 9 words between it and the last paragraph, all kept words above.
        Assert.Equal(3f, Feature(v, 7, "first reading: lines to the kept line above"));
        Assert.Equal(9f, Feature(v, 7, "first reading: dropped words to the kept line above"));
        Assert.Equal(1f, Feature(v, 7, "first reading: score of the kept line above"));
        Assert.Equal(120f / 140, Feature(v, 7, "first reading: share of the kept words above"), 5);
        // The file: four lines kept of eight, 140 words kept, the best score, a line's rank among the scores.
        Assert.Equal(4f, Feature(v, 5, "first reading: kept lines"));
        Assert.Equal(140f, Feature(v, 5, "first reading: kept words"));
        Assert.Equal(3f, Feature(v, 5, "first reading: highest score"));
        Assert.Equal(1f, Feature(v, 3, "first reading: rank of its score"));
        Assert.Equal(0f, Feature(v, 6, "first reading: rank of its score"));
        // Runs of like decisions: lines 3 and 4 are kept together, 5 and 6 dropped together.
        Assert.Equal(2f, Feature(v, 4, "first reading: lines in its run"));
        Assert.Equal(80f, Feature(v, 4, "first reading: words in its run"));
        Assert.Equal(9f, Feature(v, 6, "first reading: words in its run"));
        Assert.Equal(20f, Feature(v, 7, "words"));
    }

    [Fact]
    public void Build_OfNoLines_IsEmpty_AndOfOneLine_HasNoNeighbours()
    {
        Assert.Empty(LineContext.Build([], [], 0));

        var v = LineContext.Build([1.5], [12], 0);

        Assert.Equal(-10f, Feature(v, 0, "first reading: mean score of five lines either side"));
        Assert.Equal(1f, Feature(v, 0, "first reading: rank of its score"));
        Assert.Equal(1f, Feature(v, 0, "first reading: share of the words near that are kept"));
    }

    [Fact]
    public void SecondReading_IsWrittenAndRead_AndHasTheLastWord()
    {
        // The second reading: one tree that keeps a line when the first reading kept the line above it (score at
        // least 1), whatever its own first score; the first reading scores every line by its words.
        var first = new BoostedTrees(LineVectors.Names, 0,
            [new BoostedTrees.Node(0, 10, 1, 2, 0f), new BoostedTrees.Node(-1, 0, -1, -1, -2f), new BoostedTrees.Node(-1, 0, -1, -1, 2f)], [0]);
        var above = Array.IndexOf(LineContext.Names, "first reading: score 1 line above");
        var second = new BoostedTrees(LineContext.Names, 0,
            [new BoostedTrees.Node(above, 1, 1, 2, 0f), new BoostedTrees.Node(-1, 0, -1, -1, -3f), new BoostedTrees.Node(-1, 0, -1, -1, 3f)], [0]);
        var model = new LineModel(new WordOdds(new Dictionary<string, float>()), first, 0, new LineModel.SecondReading(second, 0));
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var read = LineModel.Read(stream);
        // Three lines of 30, 5 and 30 words.
        var vectors = new float[3 * LineVectors.Length];
        vectors[0] = 30;
        vectors[LineVectors.Length] = 5;
        vectors[2 * LineVectors.Length] = 30;

        var reading = read.Score(vectors, LineVectors.Length);

        Assert.Equal([2.0, -2.0, 2.0], reading.First);
        Assert.Equal([-3.0, 3.0, -3.0], reading.Scores);
        Assert.Equal(0, read.Context!.FirstThreshold);
        // Line 0 the first reading kept and the second dropped: the reason is where it stands.
        Assert.Matches(@"^article text 5%; against it: first reading: score 1 line above$", reading.Explain(0, 3));

        // A line both readings drop is explained by its own features, the first reading's.
        var both = read.Score(new float[LineVectors.Length], LineVectors.Length);
        Assert.Equal([-2.0], both.First);
        Assert.Equal([-3.0], both.Scores);
        Assert.Equal("article text 5%; against it: words", both.Explain(0, 3));
    }

    [Fact]
    public void SecondReading_OverOtherFeatures_IsRefused()
    {
        var trees = new BoostedTrees(["words"], 0, [new BoostedTrees.Node(-1, 0, -1, -1, 0f)], [0]);

        Assert.Throws<ArgumentException>(() => new LineModel(new WordOdds(new Dictionary<string, float>()), trees, 0, new LineModel.SecondReading(trees, 0)));
    }
}
