using System.IO.Compression;
using System.Reflection;

namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>
/// The tagger's file format: gzip over a small header (magic, format, feature version, labels, stages), then per
/// stage its transition weights and its features sorted by key, keys as variable-length deltas and weights as
/// 16-bit integers over one scale, only the labels whose weight is not zero (a 9-bit mask says which). Quantising to
/// 16 bits changes no decision on CoNLL dev and makes the file a fraction of its float size.
/// </summary>
internal static class ModelFile
{
    /// <summary>Name of the embedded model resource (under <c>Entities/Data</c>).</summary>
    public const string ResourceName = "ner-model.bin.gz";

    internal const string WrongFile = "The NER model is not a model file of this version (format {0}, features {1}); retrain it with tools/NerTrain.";

    private const int Format = 1;
    private static readonly byte[] Magic = "AINER"u8.ToArray();
    private const int L = NerLabels.Count;

    public static void Write(Stream stream, IReadOnlyList<PerceptronModel> stages)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(Format);
        writer.Write(FeatureExtractor.Version);
        writer.Write(L);
        writer.Write(stages.Count);
        foreach (var model in stages)
        {
            WriteStage(writer, model);
        }
    }

    public static PerceptronModel[] Read(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        var magic = reader.ReadBytes(Magic.Length);
        var format = reader.ReadInt32();
        var features = reader.ReadInt32();
        if (!magic.AsSpan().SequenceEqual(Magic) || format != Format || features != FeatureExtractor.Version || reader.ReadInt32() != L)
        {
            throw new InvalidDataException(string.Format(System.Globalization.CultureInfo.InvariantCulture, WrongFile, format, features));
        }

        var stages = new PerceptronModel[reader.ReadInt32()];
        for (var s = 0; s < stages.Length; s++)
        {
            stages[s] = ReadStage(reader);
        }

        return stages;
    }

    /// <summary>Opens the model embedded in Core.</summary>
    public static Stream OpenEmbedded() =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("ArticleIndexer.Entities." + ResourceName)
        ?? throw new InvalidOperationException($"The embedded NER model '{ResourceName}' is missing from the build; train it with tools/NerTrain.");

    private static void WriteStage(BinaryWriter writer, PerceptronModel model)
    {
        foreach (var t in model.Transitions)
        {
            writer.Write(t);
        }

        var order = Enumerable.Range(0, model.Keys.Length).OrderBy(r => model.Keys[r]).ToArray();
        var largest = model.Weights.Length == 0 ? 1f : model.Weights.Max(Math.Abs);
        var scale = largest / short.MaxValue;
        writer.Write(order.Length);
        writer.Write(scale);
        var previous = 0u;
        foreach (var r in order)
        {
            writer.Write7BitEncodedInt((int)(model.Keys[r] - previous));
            previous = model.Keys[r];
        }

        Span<short> quantized = stackalloc short[L];
        foreach (var r in order)
        {
            var mask = 0;
            for (var l = 0; l < L; l++)
            {
                quantized[l] = (short)Math.Round(model.Weights[(r * L) + l] / scale);
                mask |= quantized[l] != 0 ? 1 << l : 0;
            }

            writer.Write((ushort)mask);
            for (var l = 0; l < L; l++)
            {
                if (quantized[l] != 0)
                {
                    writer.Write(quantized[l]);
                }
            }
        }
    }

    private static PerceptronModel ReadStage(BinaryReader reader)
    {
        var transitions = new float[(L + 1) * L];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        var count = reader.ReadInt32();
        var scale = reader.ReadSingle();
        var keys = new uint[count];
        var previous = 0u;
        for (var r = 0; r < count; r++)
        {
            previous += (uint)reader.Read7BitEncodedInt();
            keys[r] = previous;
        }

        var weights = new float[count * L];
        for (var r = 0; r < count; r++)
        {
            var mask = reader.ReadUInt16();
            for (var l = 0; l < L; l++)
            {
                if ((mask & (1 << l)) != 0)
                {
                    weights[(r * L) + l] = reader.ReadInt16() * scale;
                }
            }
        }

        return new PerceptronModel(keys, weights, transitions);
    }
}
