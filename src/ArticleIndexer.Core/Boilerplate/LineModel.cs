using System.IO.Compression;
using System.Text;

namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// The cleaner's learned last word on each line: the <see cref="WordOdds"/> of its vocabulary and the
/// <see cref="BoostedTrees"/> over its <see cref="LineVectors"/>, trained by <c>tools/BoilerplateTrain</c> on the dev
/// sets and shipped in the assembly as <c>Boilerplate/Data/line-model.bin</c> (docs/design.md, "Line model"). With a
/// <see cref="Context"/>, a line's score is its second reading (<see cref="LineContext"/>) over the first scores of
/// the whole file.
/// </summary>
public sealed class LineModel(WordOdds words, BoostedTrees trees, double threshold, LineModel.SecondReading? context = null)
{
    private const int Magic = 0x4C4D444C; // "LDML"
    private const int FormatVersion = 2;
    private const string ResourceName = "ArticleIndexer.Boilerplate.line-model.bin";

    private static readonly Lazy<LineModel> Shared = new(() => Load(ResourceName, LineVectors.Names));

    /// <summary>The model built into the product.</summary>
    public static LineModel Default => Shared.Value;

    /// <summary>The vocabulary's log-odds.</summary>
    public WordOdds Words { get; } = words;

    /// <summary>The trees.</summary>
    public BoostedTrees Trees { get; } = trees;

    /// <summary>A line whose score is below this is not article text.</summary>
    public double Threshold { get; } = threshold;

    /// <summary>The second reading: trees over <see cref="LineContext"/>'s vectors, built with the first scores cut
    /// at <see cref="SecondReading.FirstThreshold"/>; null when the first score is the last word.</summary>
    public SecondReading? Context { get; } = CheckContext(context);

    /// <summary>The trees of a second reading and the first score from which its vectors count a line as kept.</summary>
    public sealed record SecondReading(BoostedTrees Trees, double FirstThreshold);

    private static SecondReading? CheckContext(SecondReading? context) =>
        context is null || context.Trees.FeatureNames.SequenceEqual(LineContext.Names)
            ? context
            : throw new ArgumentException("The second reading's trees read other features than LineContext computes.", nameof(context));

    /// <summary>The scores of the lines of a file from their vectors (<paramref name="width"/> floats each, the first
    /// the line's words): the first reading's, then the second's over them when the model has one.</summary>
    public Reading Score(float[] vectors, int width)
    {
        var first = new double[vectors.Length / width];
        Trees.ScoreAll(vectors, width, first);
        if (Context is not { } context)
        {
            return new Reading(this, vectors, width, first, null, first);
        }

        var words = new float[first.Length];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = vectors[i * width];
        }

        var around = LineContext.Build(first, words, context.FirstThreshold);
        var scores = new double[first.Length];
        context.Trees.ScoreAll(around, LineContext.Length, scores);
        return new Reading(this, vectors, width, first, around, scores);
    }

    /// <summary>What <see cref="Score"/> made of a file's lines: the <see cref="Scores"/> to cut at
    /// <see cref="Threshold"/>, and what they came from, to say why a line was dropped.</summary>
    public sealed record Reading(LineModel Model, float[] Vectors, int Width, double[] First, float[]? Context, double[] Scores)
    {
        /// <summary>"article text 18%; against it: after the article, addresses the reader, line below: prose": the
        /// line's probability and the <paramref name="features"/> features that weighed most against it in the reading
        /// that dropped it: the first, from the line's own features, or the second, when only the second dropped a line
        /// the first kept ("first reading: lines to the kept line above").</summary>
        public string Explain(int line, int features)
        {
            var top = new List<(string Name, double Weight)>(features + 1);
            if (Context is not null && Model.Context is { } context && First[line] >= context.FirstThreshold)
            {
                Against(context.Trees, Context.AsSpan(line * LineContext.Length, LineContext.Length), top, features);
            }
            else
            {
                Against(Model.Trees, Vectors.AsSpan(line * Width, Model.Trees.FeatureNames.Count), top, features);
            }

            var probability = 1 / (1 + Math.Exp(-Scores[line]));
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"article text {probability * 100:F0}%; against it: {string.Join(", ", top.Select(a => a.Name))}");
        }

        // Adds the trees' features that weighed against the line to `top`, kept to the `count` lowest weights in order
        // (on a tie, the feature first in the vector first, as a stable sort would).
        private static void Against(BoostedTrees trees, ReadOnlySpan<float> vector, List<(string Name, double Weight)> top, int count)
        {
            if (count <= 0)
            {
                return;
            }

            var contributions = trees.Explain(vector);
            for (var f = 0; f < contributions.Length; f++)
            {
                var weight = contributions[f];
                if (weight >= 0 || (top.Count == count && weight >= top[^1].Weight))
                {
                    continue;
                }

                var at = top.Count;
                while (at > 0 && top[at - 1].Weight > weight)
                {
                    at--;
                }

                top.Insert(at, (trees.FeatureNames[f], weight));
                if (top.Count > count)
                {
                    top.RemoveAt(count);
                }
            }
        }
    }

    /// <summary>Writes the model as one gzip stream.</summary>
    public void Write(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Threshold);
        Words.Write(writer);
        Trees.Write(writer);
        writer.Write(Context is not null);
        if (Context is not null)
        {
            writer.Write(Context.FirstThreshold);
            Context.Trees.Write(writer);
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a line model of this build's features.</exception>
    public static LineModel Read(Stream stream) => Read(stream, LineVectors.Names);

    /// <summary>Reads a model written by <see cref="Write"/> over the features <paramref name="features"/> (the page
    /// model's are the line features and the markup's).</summary>
    internal static LineModel Read(Stream stream, IReadOnlyList<string> features)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        var magic = reader.ReadInt32();
        var version = reader.ReadInt32();
        if (magic != Magic || version is < 1 or > FormatVersion)
        {
            throw new InvalidDataException("Not a line model of a version this build reads.");
        }

        var threshold = reader.ReadDouble();
        var words = WordOdds.Read(reader);
        var trees = BoostedTrees.Read(reader);
        if (!trees.FeatureNames.SequenceEqual(features))
        {
            throw new InvalidDataException("The model was trained on other features than this build computes; retrain it (tools/BoilerplateTrain).");
        }

        SecondReading? context = null;
        if (version >= 2 && reader.ReadBoolean())
        {
            var firstThreshold = reader.ReadDouble();
            var contextTrees = BoostedTrees.Read(reader);
            if (!contextTrees.FeatureNames.SequenceEqual(LineContext.Names))
            {
                throw new InvalidDataException("The model's second reading was trained on other features than this build computes; retrain it (tools/BoilerplateTrain).");
            }

            context = new SecondReading(contextTrees, firstThreshold);
        }

        return new LineModel(words, trees, threshold, context);
    }

    /// <summary>A model built into the assembly as <paramref name="resource"/>, over <paramref name="features"/>.</summary>
    internal static LineModel Load(string resource, IReadOnlyList<string> features)
    {
        using var stream = typeof(LineModel).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The assembly lacks its resource {resource}.");
        return Read(stream, features);
    }
}
