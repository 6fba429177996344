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

    // As in PerceptronModel: a key in the low 32 bits, its row in the high 32 bits, 0 for an empty slot.
    private readonly ulong[] slots;
    private readonly int mask;

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

        var size = 16;
        while (size < keys.Count * 2)
        {
            size *= 2;
        }

        slots = new ulong[size];
        mask = size - 1;
        for (var row = 0; row < keys.Count; row++)
        {
            var slot = (int)(keys[row] & mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = keys[row] | ((ulong)row << 32);
        }
    }

    /// <summary>Adds the first model's weights of <paramref name="features"/> to <paramref name="firstScores"/> and the
    /// second model's to <paramref name="secondScores"/> (one per label each), feature by feature in order, as
    /// <see cref="PerceptronModel.Score"/> does.</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> firstScores, Span<float> secondScores)
    {
        firstScores = firstScores[..L];
        secondScores = secondScores[..L];
        foreach (var key in features)
        {
            var slot = (int)(key & mask);
            while (true)
            {
                var found = slots[slot];
                if ((uint)found == key)
                {
                    var row = weights.AsSpan((int)(found >> 32) * 2 * L, 2 * L);
                    for (var l = 0; l < L; l++)
                    {
                        firstScores[l] += row[l];
                        secondScores[l] += row[L + l];
                    }

                    break;
                }

                if (found == 0)
                {
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }
    }
}
