namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>
/// Finds the best label sequence of a sentence under emission and transition scores, never putting an I- label
/// anywhere but after a B- or I- label of its type, so every output is valid IOB2.
/// </summary>
internal static class Viterbi
{
    private const int L = NerLabels.Count;

    // (previous + 1) * L + next: may next follow previous (-1: the sentence start)?
    private static readonly bool[] Allowed = BuildAllowed();

    /// <summary>Decodes <paramref name="emissions"/> (<c>n * L</c> scores, token by token) into <paramref name="output"/>.</summary>
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, Span<NerLabel> output)
    {
        var n = output.Length;
        if (n == 0)
        {
            return;
        }

        Span<float> score = stackalloc float[L];
        Span<float> next = stackalloc float[L];
        var back = n * L <= 4096 ? stackalloc byte[n * L] : new byte[n * L];
        for (var l = 0; l < L; l++)
        {
            score[l] = Allowed[l] ? transitions[l] + emissions[l] : float.NegativeInfinity;
        }

        // Column l of the transitions, for the labels that may precede l inside a sentence: all of them, except before
        // an I- label, which only its own type's B- and I- labels (l - 1 and l) may precede.
        Span<float> into = stackalloc float[L * L];
        for (var l = 0; l < L; l++)
        {
            for (var p = 0; p < L; p++)
            {
                into[(l * L) + p] = transitions[((p + 1) * L) + l];
            }
        }

        for (var t = 1; t < n; t++)
        {
            var emission = emissions.Slice(t * L, L);
            var backRow = back.Slice(t * L, L);
            for (var l = 0; l < L; l++)
            {
                var column = into.Slice(l * L, L);
                var best = float.NegativeInfinity;
                var argBest = 0;
                if (IsInside(l))
                {
                    for (var p = l - 1; p <= l; p++)
                    {
                        var candidate = score[p] + column[p];
                        if (candidate > best)
                        {
                            (best, argBest) = (candidate, p);
                        }
                    }
                }
                else
                {
                    for (var p = 0; p < column.Length; p++)
                    {
                        var candidate = score[p] + column[p];
                        if (candidate > best)
                        {
                            (best, argBest) = (candidate, p);
                        }
                    }
                }

                next[l] = best + emission[l];
                backRow[l] = (byte)argBest;
            }

            next.CopyTo(score);
        }

        var last = 0;
        for (var l = 1; l < L; l++)
        {
            if (score[l] > score[last])
            {
                last = l;
            }
        }

        for (var t = n - 1; t >= 0; t--)
        {
            output[t] = (NerLabel)last;
            last = back[(t * L) + last];
        }
    }

    // I- labels are the even ones but O: NerLabel.IPer, ILoc, IOrg, IMisc.
    private static bool IsInside(int label) => label != 0 && (label & 1) == 0;

    private static bool[] BuildAllowed()
    {
        var allowed = new bool[(L + 1) * L];
        for (var p = -1; p < L; p++)
        {
            for (var l = 0; l < L; l++)
            {
                allowed[((p + 1) * L) + l] = NerLabels.CanFollow(p < 0 ? null : (NerLabel)p, (NerLabel)l);
            }
        }

        return allowed;
    }
}
