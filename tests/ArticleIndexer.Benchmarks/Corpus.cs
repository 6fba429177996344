using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities.Tagging;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Reading;

namespace ArticleIndexer.Benchmarks;

/// <summary>The sets of article files the benchmarks run over.</summary>
public enum CorpusKind
{
    /// <summary><c>shared/data/boilerplate-dev/txt</c>: 400 whole web pages as visible text, furniture and all (about 7 MB).</summary>
    BoilerplateDev,

    /// <summary><c>shared/data/article-text-dev/txt</c>: the same 400 pages as a read-later tool saved them (about 5.5 MB).</summary>
    ArticleTextDev,

    /// <summary>The repository's <c>seeds/</c>: five articles, about 28 KB.</summary>
    Seeds,
}

/// <summary>
/// Finds the corpus folders. The shared data sits beside the repository (<c>/work/main</c> and <c>/work/shared</c>;
/// on CI the clone and <c>../shared</c>), so the search walks up from the current directory and from the program's
/// folder until a folder holds <c>shared/data</c>. <c>ARTICLEINDEXER_SHARED_DATA</c>, when set, names the
/// <c>shared/data</c> folder instead. The seeds are the <c>seeds/</c> folder beside <c>ArticleIndexer.sln</c>.
/// Benchmarks and tests may read <c>shared/</c>; the product never does.
/// </summary>
public static class CorpusLocator
{
    /// <summary>Environment variable that names the <c>shared/data</c> folder, overriding the search.</summary>
    public const string SharedDataVariable = "ARTICLEINDEXER_SHARED_DATA";

    /// <summary>Finds the folder of <paramref name="kind"/>, or says in <paramref name="problem"/> why it cannot.</summary>
    public static bool TryFind(CorpusKind kind, [NotNullWhen(true)] out string? folder, [NotNullWhen(false)] out string? problem)
    {
        folder = null;
        if (kind == CorpusKind.Seeds)
        {
            var root = FindUp(dir => File.Exists(Path.Combine(dir, "ArticleIndexer.sln")) ? dir : null);
            return Exists(root is null ? null : Path.Combine(root, "seeds"), "the repository's seeds/ folder (no ArticleIndexer.sln found above "
                + $"{Environment.CurrentDirectory} or {AppContext.BaseDirectory})", out folder, out problem);
        }

        var sharedData = Environment.GetEnvironmentVariable(SharedDataVariable) is { Length: > 0 } fromVariable
            ? fromVariable
            : FindUp(dir => Path.Combine(dir, "shared", "data") is var candidate && Directory.Exists(candidate) ? candidate : null);
        if (sharedData is null)
        {
            problem = $"shared/data was not found in any folder above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}. "
                + $"The benchmarks expect the shared folder beside the repository (../shared), or {SharedDataVariable} set to its data folder.";
            return false;
        }

        var name = kind == CorpusKind.BoilerplateDev ? "boilerplate-dev" : "article-text-dev";
        return Exists(Path.Combine(sharedData, name, "txt"), $"{name}/txt under {sharedData}", out folder, out problem);
    }

    private static bool Exists(string? path, string what, [NotNullWhen(true)] out string? folder, [NotNullWhen(false)] out string? problem)
    {
        if (path is not null && Directory.Exists(path) && Directory.EnumerateFiles(path, "*.txt").Any())
        {
            folder = path;
            problem = null;
            return true;
        }

        folder = null;
        problem = path is null ? $"Could not find {what}." : $"Could not find {what}: {path} is missing or holds no .txt file.";
        return false;
    }

    private static string? FindUp(Func<string, string?> match)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (match(dir.FullName) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}

/// <summary>
/// One corpus read into memory, with the input of every stage computed once by the product's own stages, so that
/// each benchmark times one stage on the same text the pipeline would hand it. Loaded once per process.
/// </summary>
public sealed class LoadedCorpus
{
    private static readonly ConcurrentDictionary<CorpusKind, Lazy<LoadedCorpus>> Cache = new();

    private LoadedCorpus(CorpusKind kind, string folder)
    {
        Kind = kind;
        Folder = folder;
        Files = [.. new SourceScanner().Discover(folder)];
        FileBytes = Files.Sum(file => file.Length);

        var processor = new ArticleProcessor();
        var normalizer = new TextNormalizer();
        var stripper = StageRunner.CreateStripper();
        var decoded = new List<string>();
        var normalized = new List<NormalizedText>();
        var stripped = new List<StrippedText>();
        var articleTexts = new List<string>();
        var articles = new List<Article>();
        foreach (var file in Files)
        {
            var read = processor.Read(file);
            if (read.Decoded is { } text)
            {
                decoded.Add(text.Text);
                var clean = normalizer.Normalize(text.Text);
                normalized.Add(clean);
                stripped.Add(stripper.Strip(clean, LineRepeats.Empty));
            }

            if (processor.Process(read).Article is { } article)
            {
                articleTexts.Add(article.Text);
                articles.Add(article);
            }
        }

        Decoded = [.. decoded];
        Normalized = [.. normalized];
        Stripped = [.. stripped];
        ArticleTexts = [.. articleTexts];
        Articles = [.. articles];
        TaggerDocuments = [.. articleTexts.Select(TaggerDocument.FromText)];
    }

    /// <summary>Which corpus this is.</summary>
    public CorpusKind Kind { get; }

    /// <summary>The folder the files were read from.</summary>
    public string Folder { get; }

    /// <summary>The article files, in the scanner's order.</summary>
    public IReadOnlyList<ArticleFile> Files { get; }

    /// <summary>The files' total size on disk.</summary>
    public long FileBytes { get; }

    /// <summary>The decoded text of every file that could be read: the normaliser's input.</summary>
    public string[] Decoded { get; }

    /// <summary>The normalised texts: the stripper's input.</summary>
    public NormalizedText[] Normalized { get; }

    /// <summary>The stripper's output: the title finder's input.</summary>
    public StrippedText[] Stripped { get; }

    /// <summary>Title and body of every file that became an article (<see cref="Core.Articles.Article.Text"/>): the
    /// entity extractor's input. The pipeline also appends photo captions; they are left out here.</summary>
    public string[] ArticleTexts { get; }

    /// <summary>Every file that became an article, processed: the index writer's input.</summary>
    public Article[] Articles { get; }

    /// <summary>The article texts as the tagger reads them (tokens in sentences): the tagger's input.</summary>
    public TaggerDocument[] TaggerDocuments { get; }

    /// <summary>Loads <paramref name="kind"/>, or returns the copy already loaded in this process.</summary>
    /// <exception cref="InvalidOperationException">The corpus folder cannot be found (check with <see cref="CorpusLocator.TryFind"/> first).</exception>
    public static LoadedCorpus Load(CorpusKind kind) =>
        Cache.GetOrAdd(kind, k => new Lazy<LoadedCorpus>(() => CorpusLocator.TryFind(k, out var folder, out var problem)
            ? new LoadedCorpus(k, folder)
            : throw new InvalidOperationException(problem))).Value;

    /// <summary>UTF-8 size of <paramref name="texts"/>: how much text a stage reads.</summary>
    public static long Utf8Bytes(IEnumerable<string> texts) => texts.Sum(text => (long)Encoding.UTF8.GetByteCount(text));

    /// <summary>Number of white-space separated words in <paramref name="texts"/>.</summary>
    public static long Words(IEnumerable<string> texts)
    {
        long words = 0;
        foreach (var text in texts)
        {
            var inWord = false;
            foreach (var c in text)
            {
                var isSpace = char.IsWhiteSpace(c);
                if (!isSpace && !inWord)
                {
                    words++;
                }

                inWord = !isSpace;
            }
        }

        return words;
    }
}
