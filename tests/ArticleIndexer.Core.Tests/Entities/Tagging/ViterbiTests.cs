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
}
