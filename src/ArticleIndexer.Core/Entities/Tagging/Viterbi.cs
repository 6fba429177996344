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

        for (var t = 1; t < n; t++)
        {
            for (var l = 0; l < L; l++)
            {
                var best = float.NegativeInfinity;
                var argBest = 0;
                for (var p = 0; p < L; p++)
                {
                    var index = ((p + 1) * L) + l;
                    if (!Allowed[index])
                    {
                        continue;
                    }

                    var candidate = score[p] + transitions[index];
                    if (candidate > best)
                    {
                        (best, argBest) = (candidate, p);
                    }
                }

                next[l] = best + emissions[(t * L) + l];
                back[(t * L) + l] = (byte)argBest;
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
