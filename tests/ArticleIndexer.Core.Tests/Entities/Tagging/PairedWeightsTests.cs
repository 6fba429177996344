using ArticleIndexer.Core.Entities.Tagging;

namespace ArticleIndexer.Core.Tests.Entities.Tagging;

public class PairedWeightsTests
{
    private const int L = NerLabels.Count;

    // Two models sharing some keys, each with keys of its own; weights of very different sizes, so that the order of
    // the additions shows in the last bits.
    private static (PerceptronModel First, PerceptronModel Second, uint[] Features) Models()
    {
        var random = new Random(5);
        var keys = Enumerable.Range(0, 600).Select(_ => (uint)random.Next(1, int.MaxValue)).Distinct().ToArray();
        float Weight() => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-4, 4)));
        PerceptronModel Model(uint[] own) =>
            new(own, [.. Enumerable.Range(0, own.Length * L).Select(_ => Weight())], [.. Enumerable.Range(0, (L + 1) * L).Select(_ => Weight())]);

        var features = keys.Concat(Enumerable.Range(0, 100).Select(_ => (uint)random.Next(1, int.MaxValue)))
            .OrderBy(_ => random.Next()).ToArray();
        return (Model(keys[..400]), Model(keys[200..]), features);
    }

    private static int[] Bits(float[] scores) => [.. scores.Select(BitConverter.SingleToInt32Bits)];

    [Fact]
    public void Score_GivesBothModelsSumsToTheLastBit()
    {
        var (first, second, features) = Models();
        var both = new PairedWeights(first, second);
        for (var start = 0; start + 40 <= features.Length; start += 13)
        {
            var some = features.AsSpan(start, 40);
            var (firstAlone, secondAlone) = (new float[L], new float[L]);
            var (firstPaired, secondPaired) = (new float[L], new float[L]);
            firstAlone[0] = firstPaired[0] = 0.1f;

            first.Score(some, firstAlone);
            second.Score(some, secondAlone);
            both.Score(some, firstPaired, secondPaired);

            Assert.Equal(Bits(firstAlone), Bits(firstPaired));
            Assert.Equal(Bits(secondAlone), Bits(secondPaired));
        }
    }

    [Fact]
    public void ScoreInVectors_GivesTheSumsOfOneLabelAtATime_ToTheLastBit()
    {
        var (first, second, features) = Models();
        var both = new PairedWeights(first, second);
        for (var start = 0; start + 40 <= features.Length; start += 13)
        {
            var some = features.AsSpan(start, 40);
            var (firstVectors, secondVectors) = (new float[L], new float[L]);
            var (firstOneByOne, secondOneByOne) = (new float[L], new float[L]);

            both.Score(some, firstVectors, secondVectors);
            both.ScoreOneByOne(some, firstOneByOne, secondOneByOne);

            Assert.Equal(Bits(firstOneByOne), Bits(firstVectors));
            Assert.Equal(Bits(secondOneByOne), Bits(secondVectors));
        }
    }
}
