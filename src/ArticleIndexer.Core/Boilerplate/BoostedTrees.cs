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

    // The same trees laid out for Score: breadth-first, each inner node's two children side by side, so a step is
    // one comparison and one add ("right" is "left + 1").
    private readonly int[] flatFeature;
    private readonly float[] flatThreshold;
    private readonly int[] flatChild;
    private readonly float[] flatValue;
    private readonly int[] flatRoots;

    /// <summary>Creates a model from its parts; <paramref name="nodes"/> hold every tree, <paramref name="roots"/> index their first nodes.</summary>
    public BoostedTrees(IReadOnlyList<string> featureNames, double bias, Node[] nodes, int[] roots)
    {
        FeatureNames = featureNames;
        Bias = bias;
        this.nodes = nodes;
        this.roots = roots;
        flatFeature = new int[nodes.Length];
        flatThreshold = new float[nodes.Length];
        flatChild = new int[nodes.Length];
        flatValue = new float[nodes.Length];
        flatRoots = new int[roots.Length];
        var next = 0;
        var queue = new Queue<(int Node, int Slot)>();
        for (var t = 0; t < roots.Length; t++)
        {
            if ((uint)roots[t] >= (uint)nodes.Length || next >= nodes.Length)
            {
                throw new ArgumentException("A tree starts outside the model.", nameof(roots));
            }

            flatRoots[t] = next;
            queue.Enqueue((roots[t], next++));
            while (queue.TryDequeue(out var item))
            {
                var node = nodes[item.Node];
                if (node.Feature >= featureNames.Count || (node.Feature >= 0
                    && ((uint)node.Left >= (uint)nodes.Length || (uint)node.Right >= (uint)nodes.Length || next + 2 > nodes.Length)))
                {
                    throw new ArgumentException("The trees point outside the model, or share nodes.", nameof(nodes));
                }

                flatFeature[item.Slot] = node.Feature;
                flatThreshold[item.Slot] = node.Threshold;
                flatValue[item.Slot] = node.Value;
                if (node.Feature >= 0)
                {
                    flatChild[item.Slot] = next;
                    queue.Enqueue((node.Left, next++));
                    queue.Enqueue((node.Right, next++));
                }
            }
        }
    }

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
        if (features.Length < FeatureNames.Count)
        {
            throw new ArgumentException($"The model reads {FeatureNames.Count} features.", nameof(features));
        }

        // The features were checked above and every node's feature index when the model was read.
        ref var first = ref MemoryMarshal.GetReference(features);
        ref var feature = ref MemoryMarshal.GetArrayDataReference(flatFeature);
        ref var threshold = ref MemoryMarshal.GetArrayDataReference(flatThreshold);
        ref var child = ref MemoryMarshal.GetArrayDataReference(flatChild);
        var sum = Bias;
        foreach (var root in flatRoots)
        {
            var n = root;
            int f;
            while ((f = Unsafe.Add(ref feature, n)) >= 0)
            {
                n = Unsafe.Add(ref child, n) + (Unsafe.Add(ref first, f) > Unsafe.Add(ref threshold, n) ? 1 : 0);
            }

            sum += flatValue[n];
        }

        return sum;
    }

    /// <summary>The contribution of each feature to <see cref="Score"/> (they sum to the score minus the expected score).</summary>
    public double[] Explain(ReadOnlySpan<float> features)
    {
        var contributions = new double[FeatureNames.Count];
        foreach (var root in roots)
        {
            var n = root;
            while (nodes[n].Feature >= 0)
            {
                var next = features[nodes[n].Feature] <= nodes[n].Threshold ? nodes[n].Left : nodes[n].Right;
                contributions[nodes[n].Feature] += nodes[next].Value - nodes[n].Value;
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
