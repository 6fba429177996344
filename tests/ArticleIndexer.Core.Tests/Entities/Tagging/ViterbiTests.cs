using ArticleIndexer.Core.Entities.Tagging;

namespace ArticleIndexer.Core.Tests.Entities.Tagging;

public class ViterbiTests
{
    private const int L = NerLabels.Count;

    [Fact]
    public void Decode_NeverStartsWithAnInsideLabel_EvenWhenItScoresBest()
    {
        var emissions = new float[2 * L];
        emissions[(int)NerLabel.IPer] = 10;
        emissions[L + (int)NerLabel.IPer] = 10;
        var labels = new NerLabel[2];

        Viterbi.Decode(emissions, new float[(L + 1) * L], labels);

        Assert.Equal([NerLabel.BPer, NerLabel.IPer], labels);
    }

    [Fact]
    public void Decode_NeverContinuesAnEntityOfAnotherType()
    {
        var emissions = new float[2 * L];
        emissions[(int)NerLabel.BLoc] = 5;
        emissions[L + (int)NerLabel.IPer] = 3;
        emissions[L + (int)NerLabel.O] = 1;
        var labels = new NerLabel[2];

        Viterbi.Decode(emissions, new float[(L + 1) * L], labels);

        Assert.Equal([NerLabel.BLoc, NerLabel.O], labels);
    }

    [Fact]
    public void Decode_OfRandomScores_AlwaysGivesValidIob2()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var n = random.Next(1, 30);
            var emissions = Enumerable.Range(0, n * L).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            var transitions = Enumerable.Range(0, (L + 1) * L).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            var labels = new NerLabel[n];

            Viterbi.Decode(emissions, transitions, labels);

            for (var t = 0; t < n; t++)
            {
                Assert.True(NerLabels.CanFollow(t == 0 ? null : labels[t - 1], labels[t]), $"{labels[t]} after {(t == 0 ? "the start" : labels[t - 1])}");
            }
        }
    }

    [Fact]
    public void Decode_FollowsTransitions_WhenEmissionsTie()
    {
        var emissions = new float[3 * L];
        var transitions = new float[(L + 1) * L];
        transitions[(0 * L) + (int)NerLabel.BOrg] = 1; // start → B-ORG
        transitions[((int)NerLabel.BOrg + 1) * L + (int)NerLabel.IOrg] = 1;
        transitions[((int)NerLabel.IOrg + 1) * L + (int)NerLabel.IOrg] = 1;
        var labels = new NerLabel[3];

        Viterbi.Decode(emissions, transitions, labels);

        Assert.Equal([NerLabel.BOrg, NerLabel.IOrg, NerLabel.IOrg], labels);
    }

    [Fact]
    public void Decode_GivesTheLabelsOfTheTextbookAlgorithm_TiesIncluded()
    {
        var random = new Random(11);
        for (var run = 0; run < 500; run++)
        {
            var n = random.Next(1, 40);
            // Whole numbers in a small range: many ties, which both must break alike (the lowest label first).
            var emissions = Enumerable.Range(0, n * L).Select(_ => (float)random.Next(-3, 4)).ToArray();
            var transitions = Enumerable.Range(0, (L + 1) * L).Select(_ => run % 2 == 0 ? (float)random.Next(-2, 3) : (float)(random.NextDouble() - 0.5)).ToArray();
            var labels = new NerLabel[n];

            Viterbi.Decode(emissions, transitions, labels);

            Assert.Equal(Textbook(emissions, transitions, n), labels);
        }
    }

    // Viterbi as first written: every pair of labels, the forbidden ones skipped.
    private static NerLabel[] Textbook(float[] emissions, float[] transitions, int n)
    {
        bool Allowed(int p, int l) => NerLabels.CanFollow(p < 0 ? null : (NerLabel)p, (NerLabel)l);
        var score = new float[L];
        var back = new int[n * L];
        for (var l = 0; l < L; l++)
        {
            score[l] = Allowed(-1, l) ? transitions[l] + emissions[l] : float.NegativeInfinity;
        }

        for (var t = 1; t < n; t++)
        {
            var next = new float[L];
            for (var l = 0; l < L; l++)
            {
                var (best, argBest) = (float.NegativeInfinity, 0);
                for (var p = 0; p < L; p++)
                {
                    var candidate = score[p] + transitions[((p + 1) * L) + l];
                    if (Allowed(p, l) && candidate > best)
                    {
                        (best, argBest) = (candidate, p);
                    }
                }

                next[l] = best + emissions[(t * L) + l];
                back[(t * L) + l] = argBest;
            }

            score = next;
        }

        var last = 0;
        for (var l = 1; l < L; l++)
        {
            last = score[l] > score[last] ? l : last;
        }

        var labels = new NerLabel[n];
        for (var t = n - 1; t >= 0; t--)
        {
            labels[t] = (NerLabel)last;
            last = back[(t * L) + last];
        }

        return labels;
    }
}
