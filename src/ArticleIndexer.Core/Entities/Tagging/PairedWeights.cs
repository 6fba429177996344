using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>
/// The weights of the tagger's two models side by side, for the features both passes read (the local ones): one probe
/// finds a feature's first-pass and second-pass weights in one row, where the two models would take two probes and
/// two rows far apart in memory. A feature one model does not know weighs zero there, which adds nothing. Immutable,
/// so one instance serves every thread.
/// </summary>
internal sealed class PairedWeights
{
    private const int L = PerceptronModel.Labels;

    // Each key's row of weights.
    private readonly KeyRows rows;

    // Row r: the first model's L weights of its key, then the second model's.
    private readonly float[] weights;

    /// <summary>The weights of <paramref name="first"/> and <paramref name="second"/> in one table.</summary>
    public PairedWeights(PerceptronModel first, PerceptronModel second)
    {
        var rowOf = new Dictionary<uint, int>(first.Keys.Length + (second.Keys.Length / 2));
        var keys = new List<uint>(first.Keys.Length + (second.Keys.Length / 2));
        foreach (var key in first.Keys.Concat(second.Keys))
        {
            if (rowOf.TryAdd(key, keys.Count))
            {
                keys.Add(key);
            }
        }

        weights = new float[keys.Count * 2 * L];
        for (var r = 0; r < first.Keys.Length; r++)
        {
            first.Weights.AsSpan(r * L, L).CopyTo(weights.AsSpan(rowOf[first.Keys[r]] * 2 * L));
        }

        for (var r = 0; r < second.Keys.Length; r++)
        {
            second.Weights.AsSpan(r * L, L).CopyTo(weights.AsSpan((rowOf[second.Keys[r]] * 2 * L) + L));
        }

        rows = new KeyRows(keys);
    }

    /// <summary>Adds the first model's weights of <paramref name="features"/> to <paramref name="firstScores"/> and the
    /// second model's to <paramref name="secondScores"/> (one per label each), feature by feature in order, as
    /// <see cref="PerceptronModel.Score"/> does: the same sums to the last bit.</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> firstScores, Span<float> secondScores)
    {
        firstScores = firstScores[..L];
        secondScores = secondScores[..L];
        if (L != 9 || !Vector256.IsHardwareAccelerated)
        {
            ScoreOneByOne(features, firstScores, secondScores);
            return;
        }

        // Labels 0-7 of each model in a vector, label 8 alone, added up in registers: lane by lane the same additions
        // in the same order as one label at a time.
        ref var first = ref MemoryMarshal.GetReference(firstScores);
        ref var second = ref MemoryMarshal.GetReference(secondScores);
        var (first8, firstLast) = (Vector256.LoadUnsafe(ref first), firstScores[8]);
        var (second8, secondLast) = (Vector256.LoadUnsafe(ref second), secondScores[8]);
        foreach (var key in features)
        {
            var row = rows.RowOf(key);
            if (row >= 0)
            {
                ref var weight = ref weights[row * 2 * L];
                first8 += Vector256.LoadUnsafe(ref weight);
                firstLast += Unsafe.Add(ref weight, 8);
                second8 += Vector256.LoadUnsafe(ref weight, L);
                secondLast += Unsafe.Add(ref weight, L + 8);
            }
        }

        first8.StoreUnsafe(ref first);
        firstScores[8] = firstLast;
        second8.StoreUnsafe(ref second);
        secondScores[8] = secondLast;
    }

    /// <summary><see cref="Score"/> one label at a time, as it is done without vectors.</summary>
    internal void ScoreOneByOne(ReadOnlySpan<uint> features, Span<float> firstScores, Span<float> secondScores)
    {
        foreach (var key in features)
        {
            var row = rows.RowOf(key);
            if (row >= 0)
            {
                var weight = weights.AsSpan(row * 2 * L, 2 * L);
                for (var l = 0; l < L; l++)
                {
                    firstScores[l] += weight[l];
                    secondScores[l] += weight[L + l];
                }
            }
        }
    }
}
