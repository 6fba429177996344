namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>
/// A linear model over feature keys: one weight per feature and label, and one per pair of consecutive labels.
/// Features live in an open-addressing table keyed by their 32-bit hash; a key the model does not know weighs
/// nothing. Immutable once built, so one instance serves every thread.
/// </summary>
internal sealed class PerceptronModel
{
    /// <summary>Labels scored per token.</summary>
    public const int Labels = NerLabels.Count;

    // Each key's row of weights.
    private readonly KeyRows rows;

    /// <summary>A model of <paramref name="keys"/> (distinct, non-zero) with <see cref="Labels"/> weights each in
    /// <paramref name="weights"/>, and <paramref name="transitions"/> as <see cref="Transitions"/>.</summary>
    public PerceptronModel(uint[] keys, float[] weights, float[] transitions)
    {
        if (weights.Length != keys.Length * Labels || transitions.Length != (Labels + 1) * Labels)
        {
            throw new ArgumentException("Weights must be Labels per key and transitions (Labels + 1) * Labels.");
        }

        Keys = keys;
        Weights = weights;
        Transitions = transitions;
        rows = new KeyRows(keys);
    }

    /// <summary>The mean of <paramref name="models"/>' weights: for a linear model, the same as averaging their scores.
    /// Features keep the order in which the models first list them.</summary>
    public static PerceptronModel Mean(IReadOnlyList<PerceptronModel> models)
    {
        if (models.Count == 1)
        {
            return models[0];
        }

        var rowOf = new Dictionary<uint, int>();
        var keys = new List<uint>();
        var weights = new List<float>();
        foreach (var model in models)
        {
            for (var r = 0; r < model.Keys.Length; r++)
            {
                if (!rowOf.TryGetValue(model.Keys[r], out var row))
                {
                    row = keys.Count;
                    rowOf[model.Keys[r]] = row;
                    keys.Add(model.Keys[r]);
                    weights.AddRange(new float[Labels]);
                }

                for (var l = 0; l < Labels; l++)
                {
                    weights[(row * Labels) + l] += model.Weights[(r * Labels) + l] / models.Count;
                }
            }
        }

        var transitions = new float[(Labels + 1) * Labels];
        foreach (var model in models)
        {
            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] += model.Transitions[i] / models.Count;
            }
        }

        return new PerceptronModel([.. keys], [.. weights], transitions);
    }

    /// <summary>The feature keys, one row of weights each.</summary>
    public uint[] Keys { get; }

    /// <summary>Row <c>r</c> holds the weights of <c>Keys[r]</c> for each label: <c>Weights[r * Labels + label]</c>.</summary>
    public float[] Weights { get; }

    /// <summary>Weight of label <c>next</c> after <c>previous</c>: <c>Transitions[(previous + 1) * Labels + next]</c>,
    /// with <c>previous = -1</c> at the start of a sentence.</summary>
    public float[] Transitions { get; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (one per label).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        var weights = Weights;
        foreach (var key in features)
        {
            var row = rows.RowOf(key);
            if (row >= 0)
            {
                var weight = weights.AsSpan(row * Labels, Labels);
                for (var l = 0; l < Labels; l++)
                {
                    scores[l] += weight[l];
                }
            }
        }
    }
}
