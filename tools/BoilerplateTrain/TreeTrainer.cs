using ArticleIndexer.Core.Boilerplate;

namespace BoilerplateTrain;

/// <summary>Settings of <see cref="TreeTrainer"/>.</summary>
internal sealed record TreeOptions(
    int Trees = 300, int Depth = 5, double LearningRate = 0.05, double Lambda = 1, double MinChildWeight = 2,
    double Subsample = 0.7, int MaxBins = 64, int Seed = 17, int InnerThreads = 2);

/// <summary>
/// Gradient boosting of regression trees on the logistic loss (Friedman 2001; the histogram split search of LightGBM
/// and XGBoost's "hist"): each tree fits the gradient of the loss at the current scores, split points are searched
/// over at most <see cref="TreeOptions.MaxBins"/> quantile bins per feature, leaves take the Newton step
/// -G/(H+λ). Row subsampling uses a seeded generator and the features are scanned in a fixed order, so a run is
/// deterministic.
/// </summary>
internal sealed class TreeTrainer(TreeOptions options)
{
    public BoostedTrees Train(float[] x, bool[] y, float[] w, int width, IReadOnlyList<string> names)
    {
        var n = y.Length;
        var cuts = new float[width][];
        var bins = new byte[width][];
        for (var f = 0; f < width; f++)
        {
            cuts[f] = Cuts(x, n, width, f, options.MaxBins);
            bins[f] = new byte[n];
            for (var i = 0; i < n; i++)
            {
                bins[f][i] = (byte)Bin(cuts[f], x[i * width + f]);
            }
        }

        // Weights are scaled to average 1 so that MinChildWeight reads as a number of typical lines.
        var meanWeight = w.Average();
        var weights = w.Select(v => v / meanWeight).ToArray();
        double positive = 0, negative = 0;
        for (var i = 0; i < n; i++)
        {
            if (y[i]) positive += weights[i]; else negative += weights[i];
        }

        var bias = Math.Log(Math.Max(positive, 1e-9) / Math.Max(negative, 1e-9));
        var score = Enumerable.Repeat(bias, n).ToArray();
        var g = new double[n];
        var h = new double[n];
        var nodes = new List<BoostedTrees.Node>();
        var roots = new List<int>();
        var random = new Random(options.Seed);
        for (var t = 0; t < options.Trees; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = 1 / (1 + Math.Exp(-score[i]));
                g[i] = weights[i] * (p - (y[i] ? 1 : 0));
                h[i] = weights[i] * Math.Max(p * (1 - p), 1e-6);
            }

            var rows = Enumerable.Range(0, n).Where(_ => random.NextDouble() < options.Subsample).ToArray();
            var root = nodes.Count;
            roots.Add(root);
            Grow(rows, 0, nodes, bins, cuts, g, h, width);
            for (var i = 0; i < n; i++)
            {
                var node = root;
                while (nodes[node].Feature >= 0)
                {
                    node = x[i * width + nodes[node].Feature] <= nodes[node].Threshold ? nodes[node].Left : nodes[node].Right;
                }

                score[i] += nodes[node].Value;
            }
        }

        return new BoostedTrees(names, bias, [.. nodes], [.. roots]);
    }

    // Adds the node for `rows` (and its subtree) to `nodes`, returning its index.
    private int Grow(int[] rows, int depth, List<BoostedTrees.Node> nodes, byte[][] bins, float[][] cuts, double[] g, double[] h, int width)
    {
        double gSum = 0, hSum = 0;
        foreach (var i in rows)
        {
            gSum += g[i];
            hSum += h[i];
        }

        var value = (float)(-gSum / (hSum + options.Lambda) * options.LearningRate);
        var index = nodes.Count;
        nodes.Add(new BoostedTrees.Node(-1, 0, -1, -1, value));
        if (depth >= options.Depth || hSum < 2 * options.MinChildWeight || rows.Length < 4)
        {
            return index;
        }

        var parentGain = gSum * gSum / (hSum + options.Lambda);
        var best = (Gain: 1e-9, Feature: -1, Bin: -1);
        var results = new (double Gain, int Bin)[width];
        Parallel.For(0, width, new ParallelOptions { MaxDegreeOfParallelism = options.InnerThreads }, f =>
        {
            var count = cuts[f].Length + 1;
            if (count < 2)
            {
                results[f] = (0, -1);
                return;
            }

            var gh = new double[count];
            var hh = new double[count];
            var column = bins[f];
            foreach (var i in rows)
            {
                gh[column[i]] += g[i];
                hh[column[i]] += h[i];
            }

            double gl = 0, hl = 0;
            var local = (Gain: 0.0, Bin: -1);
            for (var b = 0; b < count - 1; b++)
            {
                gl += gh[b];
                hl += hh[b];
                var gr = gSum - gl;
                var hr = hSum - hl;
                if (hl < options.MinChildWeight || hr < options.MinChildWeight)
                {
                    continue;
                }

                var gain = gl * gl / (hl + options.Lambda) + gr * gr / (hr + options.Lambda) - parentGain;
                if (gain > local.Gain)
                {
                    local = (gain, b);
                }
            }

            results[f] = local;
        });

        for (var f = 0; f < width; f++)
        {
            if (results[f].Gain > best.Gain)
            {
                best = (results[f].Gain, f, results[f].Bin);
            }
        }

        if (best.Feature < 0)
        {
            return index;
        }

        var left = rows.Where(i => bins[best.Feature][i] <= best.Bin).ToArray();
        var right = rows.Where(i => bins[best.Feature][i] > best.Bin).ToArray();
        var l = Grow(left, depth + 1, nodes, bins, cuts, g, h, width);
        var r = Grow(right, depth + 1, nodes, bins, cuts, g, h, width);
        nodes[index] = new BoostedTrees.Node(best.Feature, cuts[best.Feature][best.Bin], l, r, value);
        return index;
    }

    // Split candidates: midpoints between distinct values, or quantiles of them when there are too many.
    private static float[] Cuts(float[] x, int n, int width, int f, int maxBins)
    {
        var values = new float[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = x[i * width + f];
        }

        Array.Sort(values);
        var distinct = new List<float>();
        foreach (var v in values)
        {
            if (distinct.Count == 0 || v != distinct[^1])
            {
                distinct.Add(v);
            }
        }

        var cuts = new List<float>();
        if (distinct.Count <= maxBins)
        {
            for (var i = 0; i + 1 < distinct.Count; i++)
            {
                cuts.Add((distinct[i] + distinct[i + 1]) / 2);
            }

            return [.. cuts];
        }

        for (var q = 1; q < maxBins; q++)
        {
            var v = values[(int)((long)q * n / maxBins)];
            var below = distinct.BinarySearch(v);
            var next = below + 1 < distinct.Count ? distinct[below + 1] : v;
            var cut = (v + next) / 2;
            if (cuts.Count == 0 || cut > cuts[^1])
            {
                cuts.Add(cut);
            }
        }

        return [.. cuts];
    }

    private static int Bin(float[] cuts, float v)
    {
        int lo = 0, hi = cuts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (v <= cuts[mid]) hi = mid; else lo = mid + 1;
        }

        return lo;
    }
}
