using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// A gradient-boosted ensemble of small regression trees over a fixed feature vector, giving the log-odds that a line
/// belongs to the article (boilerpipe decides its text blocks with a learned decision tree; this is the same idea with
/// boosting). The trees are trained by <c>tools/BoilerplateTrain</c> on the dev sets and read here from a compact
/// binary file. Besides the score, <see cref="Explain"/> says which features moved it (each split's change of the
/// expected score is charged to its feature), so a line the model drops still carries a reason a person can read.
/// </summary>
public sealed class BoostedTrees
{
    private const int Magic = 0x42545245; // "ERTB"
    private const int FormatVersion = 1;

    private readonly Node[] nodes;
    private readonly int[] roots;

    // The same trees laid out for scoring: each padded to a complete tree of depth `depth` (a leaf above that depth
    // becomes a chain of nodes that always go left), stored heap-ordered (children of i at 2i+1 and 2i+2), so a walk
    // is `depth` branch-free steps with no child pointers to load.
    private readonly int depth;
    private readonly int inner;
    private readonly int[] flatFeature;
    private readonly float[] flatThreshold;
    private readonly float[] flatLeaf;
    private readonly float[] flatValue; // each inner slot's node value, for Explain

    /// <summary>Creates a model from its parts; <paramref name="nodes"/> hold every tree, <paramref name="roots"/> index their first nodes.</summary>
    public BoostedTrees(IReadOnlyList<string> featureNames, double bias, Node[] nodes, int[] roots)
    {
        FeatureNames = featureNames;
        Bias = bias;
        this.nodes = nodes;
        this.roots = roots;
        foreach (var root in roots)
        {
            depth = Math.Max(depth, Depth(featureNames, nodes, root, 0));
        }

        inner = (1 << depth) - 1;
        flatFeature = new int[roots.Length * inner];
        flatThreshold = new float[roots.Length * inner];
        flatLeaf = new float[roots.Length << depth];
        flatValue = new float[roots.Length * inner];
        for (var t = 0; t < roots.Length; t++)
        {
            Lay(t, roots[t], 0, 0);
        }
    }

    // The depth of the tree under `node`, checking that every index stays inside the model and that it is a tree.
    private static int Depth(IReadOnlyList<string> featureNames, Node[] nodes, int node, int level)
    {
        if ((uint)node >= (uint)nodes.Length || level > MaxDepth)
        {
            throw new ArgumentException("The trees point outside the model, or are deeper than " + MaxDepth + ".", nameof(nodes));
        }

        var n = nodes[node];
        if (n.Feature >= featureNames.Count)
        {
            throw new ArgumentException("A node reads a feature the model does not have.", nameof(nodes));
        }

        return n.Feature < 0
            ? 0
            : 1 + Math.Max(Depth(featureNames, nodes, n.Left, level + 1), Depth(featureNames, nodes, n.Right, level + 1));
    }

    // Lays node `node` of tree `tree` at heap slot `slot` of level `level`.
    private void Lay(int tree, int node, int slot, int level)
    {
        var n = nodes[node];
        if (level == depth)
        {
            flatLeaf[(tree << depth) + slot - inner] = n.Value;
            return;
        }

        var at = tree * inner + slot;
        flatValue[at] = n.Value;
        if (n.Feature < 0)
        {
            // A leaf above the last level: every vector goes left, down to a copy of the leaf.
            flatFeature[at] = 0;
            flatThreshold[at] = float.PositiveInfinity;
            Lay(tree, node, 2 * slot + 1, level + 1);
            Lay(tree, node, 2 * slot + 2, level + 1);
            return;
        }

        flatFeature[at] = n.Feature;
        flatThreshold[at] = n.Threshold;
        Lay(tree, n.Left, 2 * slot + 1, level + 1);
        Lay(tree, n.Right, 2 * slot + 2, level + 1);
    }

    // Vectors scored together, tree by tree: few enough (16 × 91 floats) to stay in the first-level cache.
    private const int Block = 16;

    /// <summary>The deepest tree a model may hold.</summary>
    public const int MaxDepth = 12;

    /// <summary>The features the trees split on, in the order of the vector they read.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The log-odds before any tree.</summary>
    public double Bias { get; }

    /// <summary>How many trees the model holds.</summary>
    public int TreeCount => roots.Length;

    /// <summary>
    /// One node of a tree. An inner node sends a vector whose <see cref="Feature"/> is at most <see cref="Threshold"/>
    /// to <see cref="Left"/>, else to <see cref="Right"/>; a leaf has <see cref="Feature"/> -1. <see cref="Value"/>
    /// is the tree's output at a leaf and, at an inner node, the weighted mean output of the leaves below it (what
    /// <see cref="Explain"/> needs).
    /// </summary>
    public readonly record struct Node(int Feature, float Threshold, int Left, int Right, float Value);

    /// <summary>The log-odds that the line described by <paramref name="features"/> is article text.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        Span<double> score = stackalloc double[1];
        ScoreAll(features[..Math.Min(features.Length, FeatureNames.Count)], FeatureNames.Count, score);
        return score[0];
    }

    /// <summary>
    /// Scores every vector of <paramref name="vectors"/> (<paramref name="width"/> features each, the model's first
    /// <see cref="FeatureNames"/> read) into <paramref name="scores"/>: a block of vectors at a time, tree by tree, so
    /// the block and the tree stay in cache and the walks of different lines overlap.
    /// </summary>
    public void ScoreAll(ReadOnlySpan<float> vectors, int width, Span<double> scores)
    {
        var count = scores.Length;
        if (width < FeatureNames.Count || vectors.Length < count * width)
        {
            throw new ArgumentException($"The model reads {FeatureNames.Count} features per vector.", nameof(vectors));
        }

        scores.Fill(Bias);
        // The vectors' length was checked above and every node's feature index when the model was built; padded
        // nodes read feature 0.
        ref var first = ref MemoryMarshal.GetReference(vectors);
        ref var feature = ref MemoryMarshal.GetArrayDataReference(flatFeature);
        ref var threshold = ref MemoryMarshal.GetArrayDataReference(flatThreshold);
        ref var leaf = ref MemoryMarshal.GetArrayDataReference(flatLeaf);
        for (var block = 0; block < count; block += Block)
        {
            var end = Math.Min(count, block + Block);
            for (var t = 0; t < roots.Length; t++)
            {
                ref var treeFeature = ref Unsafe.Add(ref feature, t * inner);
                ref var treeThreshold = ref Unsafe.Add(ref threshold, t * inner);
                ref var treeLeaf = ref Unsafe.Add(ref leaf, t << depth);
                for (var i = block; i < end; i++)
                {
                    ref var x = ref Unsafe.Add(ref first, i * width);
                    var n = 0;
                    for (var d = 0; d < depth; d++)
                    {
                        n = 2 * n + 1 + (Unsafe.Add(ref x, Unsafe.Add(ref treeFeature, n)) > Unsafe.Add(ref treeThreshold, n) ? 1 : 0);
                    }

                    scores[i] += Unsafe.Add(ref treeLeaf, n - inner);
                }
            }
        }
    }

    /// <summary>The contribution of each feature to <see cref="Score"/> (they sum to the score minus the expected score).</summary>
    public double[] Explain(ReadOnlySpan<float> features)
    {
        // The walk of ScoreAll over the padded trees: a padded node's children carry its value, so it adds nothing.
        var contributions = new double[FeatureNames.Count];
        for (var t = 0; t < roots.Length; t++)
        {
            var at = t * inner;
            var n = 0;
            for (var d = 0; d < depth; d++)
            {
                var feature = flatFeature[at + n];
                var next = 2 * n + 1 + (features[feature] > flatThreshold[at + n] ? 1 : 0);
                var value = d == depth - 1 ? flatLeaf[(t << depth) + next - inner] : flatValue[at + next];
                contributions[feature] += value - flatValue[at + n];
                n = next;
            }
        }

        return contributions;
    }

    /// <summary>Writes the model in binary form.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(FeatureNames.Count);
        foreach (var name in FeatureNames)
        {
            writer.Write(name);
        }

        writer.Write(Bias);
        writer.Write(roots.Length);
        foreach (var root in roots)
        {
            writer.Write(root);
        }

        writer.Write(nodes.Length);
        foreach (var node in nodes)
        {
            writer.Write((short)node.Feature);
            writer.Write(node.Threshold);
            writer.Write(node.Left);
            writer.Write(node.Right);
            writer.Write(node.Value);
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold such a model.</exception>
    internal static BoostedTrees Read(BinaryReader reader)
    {
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a boosted-trees model of a version this build reads.");
        }

        var names = new string[reader.ReadInt32()];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.ReadString();
        }

        var bias = reader.ReadDouble();
        var roots = new int[reader.ReadInt32()];
        for (var i = 0; i < roots.Length; i++)
        {
            roots[i] = reader.ReadInt32();
        }

        var nodes = new Node[reader.ReadInt32()];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new Node(reader.ReadInt16(), reader.ReadSingle(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadSingle());
        }

        try
        {
            return new BoostedTrees(names, bias, nodes, roots);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
