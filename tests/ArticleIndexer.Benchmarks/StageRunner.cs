using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Entities.Tagging;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Titles;

namespace ArticleIndexer.Benchmarks;

/// <summary>The stages timed, in pipeline order.</summary>
public enum Stage
{
    /// <summary><c>ArticleProcessor.Read</c>: read the file, hash it (SHA-256), detect the encoding and decode.</summary>
    Read,

    /// <summary><c>TextNormalizer.Normalize</c> over the decoded texts.</summary>
    Normalize,

    /// <summary><c>IBoilerplateStripper.Strip(text, LineRepeats.Empty)</c> over the normalised texts.</summary>
    Strip,

    /// <summary><c>TitleFinder.Find</c> over the stripper's output.</summary>
    Title,

    /// <summary><c>TaggedEntityExtractor.Extract</c> (the product's recogniser) over each article's title and body.</summary>
    Entities,

    /// <summary><c>SequenceTagger.Tag</c> alone (both passes, no tokenising or resolution) over each article's tokens.</summary>
    Tag,

    /// <summary><c>ArticleIndexWriter.Upsert</c> of every processed article into a new index in a temporary folder, then
    /// one commit: Lucene's analysis and inversion, stored fields and doc values (one thread).</summary>
    Write,

    /// <summary><c>ArticleProcessor.Read</c> then <c>Process</c> on every file (warm page cache): the whole text pipeline.</summary>
    Process,
}

/// <summary>
/// Runs one stage over a whole corpus on the calling thread. The BenchmarkDotNet benchmarks and the quick mode both
/// call it, so they time the same work. Every run returns a number that depends on the stage's output, so that
/// nothing can be optimised away.
/// </summary>
public sealed class StageRunner(LoadedCorpus corpus)
{
    private readonly ArticleProcessor processor = new();
    private readonly TextNormalizer normalizer = new();
    private readonly IBoilerplateStripper stripper = CreateStripper();
    private readonly TitleFinder titleFinder = new();
    private readonly IEntityExtractor entityExtractor = new TaggedEntityExtractor();
    private readonly SequenceTagger tagger = SequenceTagger.Default;

    /// <summary>The corpus the stages run over.</summary>
    public LoadedCorpus Corpus { get; } = corpus;

    /// <summary>The stripper under test. The only place that names its class: adapt it here when its constructor changes.</summary>
    public static IBoilerplateStripper CreateStripper() => new LineBoilerplateStripper();

    /// <summary>Runs <paramref name="stage"/> over the whole corpus once.</summary>
    public long Run(Stage stage) => stage switch
    {
        Stage.Read => Read(),
        Stage.Normalize => Normalize(),
        Stage.Strip => Strip(),
        Stage.Title => Title(),
        Stage.Entities => Entities(),
        Stage.Tag => Tag(),
        Stage.Write => Write(),
        Stage.Process => Process(),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>Bytes the stage reads in one run: file bytes for <see cref="Stage.Read"/> and <see cref="Stage.Process"/>,
    /// else the UTF-8 size of the texts it is given.</summary>
    public static long InputBytes(LoadedCorpus corpus, Stage stage) => stage switch
    {
        Stage.Read or Stage.Process => corpus.FileBytes,
        Stage.Normalize => LoadedCorpus.Utf8Bytes(corpus.Decoded),
        Stage.Strip => LoadedCorpus.Utf8Bytes(corpus.Normalized.Select(text => text.Text)),
        Stage.Title => LoadedCorpus.Utf8Bytes(corpus.Stripped.SelectMany(text => text.Kept).Select(line => line.Text)),
        Stage.Entities or Stage.Tag or Stage.Write => LoadedCorpus.Utf8Bytes(corpus.ArticleTexts),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>White-space separated words the entity extractor reads in one run, the tokens the tagger labels;
    /// 0 for the other stages.</summary>
    public static long InputWords(LoadedCorpus corpus, Stage stage) => stage switch
    {
        Stage.Entities => LoadedCorpus.Words(corpus.ArticleTexts),
        Stage.Tag => corpus.TaggerDocuments.Sum(d => (long)d.Tokens.Length),
        _ => 0,
    };

    private long Read()
    {
        long sum = 0;
        foreach (var file in Corpus.Files)
        {
            sum += processor.Read(file).Decoded?.Text.Length ?? 0;
        }

        return sum;
    }

    private long Normalize()
    {
        long sum = 0;
        foreach (var text in Corpus.Decoded)
        {
            sum += normalizer.Normalize(text).Text.Length;
        }

        return sum;
    }

    private long Strip()
    {
        long sum = 0;
        foreach (var text in Corpus.Normalized)
        {
            sum += stripper.Strip(text, LineRepeats.Empty).Kept.Count;
        }

        return sum;
    }

    private long Title()
    {
        long sum = 0;
        foreach (var text in Corpus.Stripped)
        {
            sum += titleFinder.Find(text).Body.Length;
        }

        return sum;
    }

    private long Tag()
    {
        long sum = 0;
        foreach (var document in Corpus.TaggerDocuments)
        {
            sum += tagger.Tag(document).Length;
        }

        return sum;
    }

    private long Entities()
    {
        long sum = 0;
        foreach (var text in Corpus.ArticleTexts)
        {
            sum += entityExtractor.Extract(text).Mentions.Count;
        }

        return sum;
    }

    private long Write()
    {
        var folder = Directory.CreateTempSubdirectory("articleindexer-write-");
        try
        {
            using (var writer = ArticleIndexWriter.Open(folder.FullName))
            {
                foreach (var article in Corpus.Articles)
                {
                    writer.Upsert(article, DateTimeOffset.UnixEpoch, ArticleProcessor.Version);
                }

                writer.Commit(new Dictionary<string, string>());
            }

            return folder.EnumerateFiles().Sum(file => file.Length);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private long Process()
    {
        long sum = 0;
        foreach (var file in Corpus.Files)
        {
            sum += processor.Process(processor.Read(file)).Article?.Body.Length ?? 0;
        }

        return sum;
    }
}
