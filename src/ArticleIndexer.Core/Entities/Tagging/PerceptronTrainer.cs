namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>A document to learn from: its features and the gold label of every token.</summary>
internal sealed record TrainingDocument(TaggerDocument Document, FeatureSet Features, NerLabel[] Gold);

/// <summary>
/// Averaged structured perceptron (Collins 2002): each sentence is decoded with the current weights, and where the
/// best sequence differs from the gold one the gold features and transitions gain one and the predicted lose one.
/// The model returned is the average of the weights over every sentence seen, which generalises much better than
/// the last weights. Single-threaded and deterministic: documents are visited in an order shuffled by a seeded
/// <see cref="Random"/>, and features get their rows in the order they are first met.
/// </summary>
internal sealed class PerceptronTrainer
{
    private const int L = NerLabels.Count;

    private readonly Dictionary<uint, int> rowOf = [];
    private readonly List<uint> keys = [];
    private float[] weights = new float[1 << 16];
    private double[] accumulated = new double[1 << 16];
    private readonly float[] transitions = new float[(L + 1) * L];
    private readonly double[] accumulatedTransitions = new double[(L + 1) * L];
    private long step = 1;

    /// <summary>Trains on <paramref name="documents"/> for <paramref name="epochs"/> passes; returns the averaged model
    /// without the features whose averaged weights are all below <paramref name="pruneBelow"/> in magnitude.</summary>
    public static PerceptronModel Train(IReadOnlyList<TrainingDocument> documents, int epochs, int seed, float pruneBelow)
    {
        var trainer = new PerceptronTrainer();
        var rows = documents.Select(trainer.Rows).ToList();
        var random = new Random(seed);
        var order = Enumerable.Range(0, documents.Count).ToArray();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var d in order)
            {
                trainer.Learn(documents[d], rows[d]);
            }
        }

        return trainer.Average(pruneBelow);
    }

    // The rows of each token's features, features met for the first time getting new rows.
    private int[] Rows(TrainingDocument document)
    {
        var featureRows = new int[document.Features.Keys.Length];
        for (var k = 0; k < featureRows.Length; k++)
        {
            var key = document.Features.Keys[k];
            if (!rowOf.TryGetValue(key, out var row))
            {
                row = keys.Count;
                rowOf[key] = row;
                keys.Add(key);
            }

            featureRows[k] = row;
        }

        if (keys.Count * L > weights.Length)
        {
            var size = weights.Length;
            while (size < keys.Count * L)
            {
                size *= 2;
            }

            Array.Resize(ref weights, size);
            Array.Resize(ref accumulated, size);
        }

        return featureRows;
    }

    private void Learn(TrainingDocument document, int[] featureRows)
    {
        var starts = document.Document.SentenceStarts;
        var offsets = document.Features.Offsets;
        for (var s = 0; s + 1 < starts.Length; s++)
        {
            var (start, end) = (starts[s], starts[s + 1]);
            var n = end - start;
            if (n == 0)
            {
                continue;
            }

            var emissions = new float[n * L];
            for (var t = 0; t < n; t++)
            {
                var scores = emissions.AsSpan(t * L, L);
                for (var k = offsets[start + t]; k < offsets[start + t + 1]; k++)
                {
                    var row = weights.AsSpan(featureRows[k] * L, L);
                    for (var l = 0; l < L; l++)
                    {
                        scores[l] += row[l];
                    }
                }
            }

            var predicted = new NerLabel[n];
            Viterbi.Decode(emissions, transitions, predicted);
            var gold = document.Gold.AsSpan(start, n);
            for (var t = 0; t < n; t++)
            {
                var (g, p) = ((int)gold[t], (int)predicted[t]);
                if (g != p)
                {
                    for (var k = offsets[start + t]; k < offsets[start + t + 1]; k++)
                    {
                        Update(weights, accumulated, (featureRows[k] * L) + g, 1);
                        Update(weights, accumulated, (featureRows[k] * L) + p, -1);
                    }
                }

                var goldPrevious = t == 0 ? -1 : (int)gold[t - 1];
                var predictedPrevious = t == 0 ? -1 : (int)predicted[t - 1];
                if (g != p || goldPrevious != predictedPrevious)
                {
                    Update(transitions, accumulatedTransitions, ((goldPrevious + 1) * L) + g, 1);
                    Update(transitions, accumulatedTransitions, ((predictedPrevious + 1) * L) + p, -1);
                }
            }

            step++;
        }
    }

    private void Update(float[] values, double[] sums, int index, float delta)
    {
        values[index] += delta;
        sums[index] += step * delta;
    }

    private PerceptronModel Average(float pruneBelow)
    {
        var keptKeys = new List<uint>();
        var keptWeights = new List<float>();
        Span<float> row = stackalloc float[L];
        for (var r = 0; r < keys.Count; r++)
        {
            var largest = 0f;
            for (var l = 0; l < L; l++)
            {
                var index = (r * L) + l;
                row[l] = (float)(weights[index] - (accumulated[index] / step));
                largest = Math.Max(largest, Math.Abs(row[l]));
            }

            if (largest >= pruneBelow && largest > 0)
            {
                keptKeys.Add(keys[r]);
                foreach (var w in row)
                {
                    keptWeights.Add(w);
                }
            }
        }

        var averagedTransitions = new float[transitions.Length];
        for (var i = 0; i < transitions.Length; i++)
        {
            averagedTransitions[i] = (float)(transitions[i] - (accumulatedTransitions[i] / step));
        }

        return new PerceptronModel([.. keptKeys], [.. keptWeights], averagedTransitions);
    }
}
