using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Pipeline;

namespace ArticleIndexer.Core.Tests.Support;

/// <summary>The five seed articles of the repository's <c>seeds/</c> folder, and temp copies of them.</summary>
internal static class Seeds
{
    public const string Kent = "000_5299f0aba0280723";
    public const string BusinessStandard = "001_107a39653ce63145";
    public const string Euractiv = "002_d2c7afcb3d37713f";
    public const string Headline = "003_dddbabfa66241e60";
    public const string Itv = "004_a93e7030bcac155f";

    public static readonly string[] All = [Kent, BusinessStandard, Euractiv, Headline, Itv];

    /// <summary>Every seed's id, for a theory run on each seed (<c>[MemberData(nameof(Seeds.Ids), MemberType = typeof(Seeds))]</c>).</summary>
    public static TheoryData<string> Ids => new(All);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepositoryRoot, "seeds");

    public static ArticleFile File(string id)
    {
        var path = Path.Combine(Folder, id + ".txt");
        var info = new FileInfo(path);
        return new ArticleFile(path, id + ".txt", info.Length, info.LastWriteTimeUtc);
    }

    public static Article Process(string id) =>
        new ArticleProcessor().Process(new ArticleProcessor().Read(File(id))).Article
        ?? throw new InvalidOperationException($"Seed {id} produced no article.");

    /// <summary>The seed through the product's stages, with <paramref name="extractor"/> for the entities.</summary>
    public static Article Process(string id, Core.Entities.IEntityExtractor extractor)
    {
        var processor = new ArticleProcessor(new Core.Reading.ArticleReader(), new Core.Normalization.TextNormalizer(),
            new Core.Boilerplate.LineBoilerplateStripper(), new Core.Titles.TitleFinder(), extractor);
        return processor.Process(processor.Read(File(id))).Article ?? throw new InvalidOperationException($"Seed {id} produced no article.");
    }

    public static string Expected(string name) =>
        System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", name));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "ArticleIndexer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ArticleIndexer.sln not found above the test folder.");
    }
}

/// <summary>A temp folder removed when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ai-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A copy of the seeds in a sub-folder, returned as its path.</summary>
    public string CopySeeds(string name = "source")
    {
        var target = Combine(name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Seeds.Folder))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A reader still open on Windows; the OS cleans temp eventually.
        }
    }
}

/// <summary>Throwaway values for tests.</summary>
internal static class Some
{
    public static ArticleIndexer.Core.Normalization.NormalizedText Text(params string[] lines) => new(string.Join('\n', lines), 0);

    public static ArticleFile File(string relativePath = "some/article.txt") =>
        new("/tmp/" + relativePath, relativePath, 100, DateTime.UnixEpoch);
}
