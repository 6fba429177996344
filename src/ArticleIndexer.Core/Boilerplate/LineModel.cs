using System.IO.Compression;
using System.Text;

namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// The cleaner's learned last word on each line: the <see cref="WordOdds"/> of its vocabulary and the
/// <see cref="BoostedTrees"/> over its <see cref="LineVectors"/>, trained by <c>tools/BoilerplateTrain</c> on the dev
/// sets and shipped in the assembly as <c>Boilerplate/Data/line-model.bin</c> (docs/design.md, "Line model").
/// </summary>
public sealed class LineModel(WordOdds words, BoostedTrees trees, double threshold)
{
    private const int Magic = 0x4C4D444C; // "LDML"
    private const int FormatVersion = 1;
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
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
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

        return new LineModel(words, trees, threshold);
    }

    /// <summary>A model built into the assembly as <paramref name="resource"/>, over <paramref name="features"/>.</summary>
    internal static LineModel Load(string resource, IReadOnlyList<string> features)
    {
        using var stream = typeof(LineModel).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The assembly lacks its resource {resource}.");
        return Read(stream, features);
    }
}
