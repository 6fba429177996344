using ArticleIndexer.Core.Pipeline;

namespace ArticleIndexer.Cli.Tests.Support;

/// <summary>
/// One index of the repository's seeds per test class, built with the real pipeline in a temporary folder, plus an
/// index that was committed with no article. Deleted when the class is done.
/// </summary>
public sealed class SeedIndexFixture : IDisposable
{
    public SeedIndexFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "articles-cli-tests-" + Guid.NewGuid().ToString("N"));
        var seeds = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "seeds")))
        {
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        }

        IndexPath = Path.Combine(Root, "index");
        var pass = new ArticlePipeline().Run(seeds, IndexPath);
        if (pass.Error is not null || pass.Documents != Seeds.All.Length)
        {
            throw new InvalidOperationException($"The seed index could not be built: {pass}");
        }

        var nothing = Path.Combine(Root, "no-articles");
        Directory.CreateDirectory(nothing);
        EmptyIndexPath = Path.Combine(Root, "empty-index");
        var emptyPass = new ArticlePipeline().Run(nothing, EmptyIndexPath);
        if (emptyPass.Error is not null)
        {
            throw new InvalidOperationException($"The empty index could not be built: {emptyPass}");
        }
    }

    /// <summary>The temporary folder holding everything.</summary>
    public string Root { get; }

    /// <summary>An index of the five seeds.</summary>
    public string IndexPath { get; }

    /// <summary>An index with a commit but no document.</summary>
    public string EmptyIndexPath { get; }

    /// <summary>Runs <c>articles</c> in-process on the seed index (unless <paramref name="args"/> names another with --index).</summary>
    public Task<CliRun> RunAsync(params string[] args) =>
        CliRun.InvokeAsync(args.Contains("--index") ? args : [.. args, "--index", IndexPath]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test run for.
        }
    }

    /// <summary>The folder holding ArticleIndexer.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ArticleIndexer.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ArticleIndexer.sln above {AppContext.BaseDirectory}.");
    }
}
