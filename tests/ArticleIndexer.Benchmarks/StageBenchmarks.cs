using BenchmarkDotNet.Attributes;

namespace ArticleIndexer.Benchmarks;

/// <summary>
/// One benchmark per pipeline stage; each operation runs the stage over a whole corpus on one thread, so the
/// <c>MB/s</c> column (added by <see cref="ThroughputConfig"/>) is the throughput of one core.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class StageBenchmarks
{
    private StageRunner runner = null!;

    /// <summary>The corpus the stages run over.</summary>
    [ParamsAllValues]
    public CorpusKind Corpus { get; set; }

    /// <summary>Loads the corpus and every stage's input, and reads the files once so the page cache is warm.</summary>
    [GlobalSetup]
    public void Setup() => runner = new StageRunner(LoadedCorpus.Load(Corpus));

    /// <summary>Read, hash and decode every file.</summary>
    [Benchmark]
    public long Read() => runner.Run(Stage.Read);

    /// <summary>Normalise every decoded text.</summary>
    [Benchmark]
    public long Normalize() => runner.Run(Stage.Normalize);

    /// <summary>Strip boilerplate from every normalised text.</summary>
    [Benchmark]
    public long Strip() => runner.Run(Stage.Strip);

    /// <summary>Find the title of every stripped text.</summary>
    [Benchmark]
    public long Title() => runner.Run(Stage.Title);

    /// <summary>Extract entities from every article's text.</summary>
    [Benchmark]
    public long Entities() => runner.Run(Stage.Entities);

    /// <summary>Tag every article's tokens with the NER tagger (both passes).</summary>
    [Benchmark]
    public long Tag() => runner.Run(Stage.Tag);

    /// <summary>Index every processed article into a new index, then commit.</summary>
    [Benchmark]
    public long Write() => runner.Run(Stage.Write);

    /// <summary>Read and process every file: the whole text pipeline, end to end.</summary>
    [Benchmark]
    public long Process() => runner.Run(Stage.Process);
}
