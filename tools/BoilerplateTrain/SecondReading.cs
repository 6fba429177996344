using ArticleIndexer.Core.Boilerplate;

namespace BoilerplateTrain;

/// <summary>One file's lines as the second reading learns from them: their first scores, words, labels and weights.</summary>
internal sealed record FirstReading(double[] Scores, float[] Words, bool[] Labels, float[] Weights);

/// <summary>
/// Trains the model's second reading (<see cref="LineContext"/>) on first scores that were themselves cross-validated,
/// so that it learns what the first reading's scores mean on files it did not learn from.
/// </summary>
internal static class SecondReading
{
    /// <summary>The settings of the second reading's trees: fewer and shallower than the first's, over 30 features.</summary>
    public static TreeOptions Options(TreeOptions first) => first with { Trees = 200, Depth = 4 };

    public static LineModel.SecondReading Train(TreeTrainer trainer, IReadOnlyCollection<FirstReading> files, double firstThreshold)
    {
        var x = files.SelectMany(f => LineContext.Build(f.Scores, f.Words, firstThreshold)).ToArray();
        var y = files.SelectMany(f => f.Labels).ToArray();
        var w = files.SelectMany(f => f.Weights).ToArray();
        return new LineModel.SecondReading(trainer.Train(x, y, w, LineContext.Length, LineContext.Names), firstThreshold);
    }

    public static double[] Score(LineModel.SecondReading reading, FirstReading file)
    {
        var scores = new double[file.Scores.Length];
        reading.Trees.ScoreAll(LineContext.Build(file.Scores, file.Words, reading.FirstThreshold), LineContext.Length, scores);
        return scores;
    }
}
