using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ArticleIndexer.Benchmarks;

/// <summary>Adds the throughput columns and allocations to BenchmarkDotNet's summary.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    /// <summary>The columns <c>Input MB</c>, <c>MB/s</c>, <c>File MB/s</c> and <c>Words/s</c>, and the memory diagnoser.</summary>
    public ThroughputConfig()
    {
        AddColumn(
            new ThroughputColumn(ThroughputColumn.Measure.InputMegabytes),
            new ThroughputColumn(ThroughputColumn.Measure.MegabytesPerSecond),
            new ThroughputColumn(ThroughputColumn.Measure.FileMegabytesPerSecond),
            new ThroughputColumn(ThroughputColumn.Measure.WordsPerSecond));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// A summary column computed from the corpus and the mean time of one operation (one pass of a stage over the
/// corpus, on one thread). The host process loads the corpus again to size it; the sizes are those of
/// <see cref="StageRunner.InputBytes"/> and <see cref="StageRunner.InputWords"/>. MB are 10^6 bytes.
/// </summary>
public sealed class ThroughputColumn(ThroughputColumn.Measure measure) : IColumn
{
    /// <summary>What the column shows.</summary>
    public enum Measure
    {
        /// <summary>MB the stage reads in one pass.</summary>
        InputMegabytes,

        /// <summary>The stage's input MB per second.</summary>
        MegabytesPerSecond,

        /// <summary>Corpus file MB per second: comparable across stages, and their inverses add up to the pipeline's.</summary>
        FileMegabytesPerSecond,

        /// <summary>Words per second, for the entity stage.</summary>
        WordsPerSecond,
    }

    /// <inheritdoc />
    public string Id => nameof(ThroughputColumn) + "." + measure;

    /// <inheritdoc />
    public string ColumnName => measure switch
    {
        Measure.InputMegabytes => "Input MB",
        Measure.MegabytesPerSecond => "MB/s",
        Measure.FileMegabytesPerSecond => "File MB/s",
        _ => "Words/s",
    };

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => (int)measure;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => measure switch
    {
        Measure.InputMegabytes => "MB (10^6 bytes) the stage reads per operation: file bytes for Read and Process, else the UTF-8 size of its input text",
        Measure.MegabytesPerSecond => "Input MB / Mean: one core's throughput of the stage",
        Measure.FileMegabytesPerSecond => "Corpus file MB / Mean: per-stage cost in the pipeline's own unit",
        _ => "White-space separated words / Mean (Entities only)",
    };

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Parameters["Corpus"] is not CorpusKind kind
            || !Enum.TryParse<Stage>(benchmarkCase.Descriptor.WorkloadMethod.Name, out var stage)
            || !CorpusLocator.TryFind(kind, out _, out _))
        {
            return "-";
        }

        var corpus = LoadedCorpus.Load(kind);
        if (measure == Measure.InputMegabytes)
        {
            return Format(StageRunner.InputBytes(corpus, stage) / 1e6);
        }

        if (summary[benchmarkCase]?.ResultStatistics?.Mean is not { } meanNanoseconds || meanNanoseconds <= 0)
        {
            return "-";
        }

        var seconds = meanNanoseconds / 1e9;
        return measure switch
        {
            Measure.MegabytesPerSecond => Format(StageRunner.InputBytes(corpus, stage) / 1e6 / seconds),
            Measure.FileMegabytesPerSecond => Format(corpus.FileBytes / 1e6 / seconds),
            _ => stage is Stage.Entities or Stage.Tag ? (StageRunner.InputWords(corpus, stage) / seconds).ToString("N0", CultureInfo.InvariantCulture) : "-",
        };
    }

    /// <inheritdoc />
    public override string ToString() => ColumnName;

    private static string Format(double value) => value.ToString(value >= 100 ? "N0" : value >= 1 ? "N2" : "N3", CultureInfo.InvariantCulture);
}
