using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Passes;

namespace ArticleIndexer.Cli.Tests.Support;

/// <summary>
/// A fresh temporary folder per test with a copy of the seeds in <c>seeds/</c> and an index root <c>index/</c> (not
/// created), for the commands that write: passes, history, lock. Deleted on dispose.
/// </summary>
public sealed class TempIndex : IDisposable
{
    public TempIndex()
    {
        Root = Path.Combine(Path.GetTempPath(), "articles-cli-tests-" + Guid.NewGuid().ToString("N"));
        Seeds = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(Seeds);
        foreach (var file in Directory.GetFiles(Path.Combine(SeedIndexFixture.RepositoryRoot(), "seeds")))
        {
            File.Copy(file, Path.Combine(Seeds, Path.GetFileName(file)));
        }

        Index = Path.Combine(Root, "index");
    }

    /// <summary>The temporary folder holding everything.</summary>
    public string Root { get; }

    /// <summary>A copy of the repository's seeds, free to change.</summary>
    public string Seeds { get; }

    /// <summary>The index root; created by the first pass.</summary>
    public string Index { get; }

    /// <summary>The worker database's default path.</summary>
    public string Database => IndexTarget.DefaultDatabase(Index);

    public PassHistory History => new(Database);

    /// <summary>The copy of the seed with <paramref name="id"/>.</summary>
    public string Seed(string id) => Path.Combine(Seeds, id + ".txt");

    /// <summary>Runs a pass in-process, as the worker's jobs do, recording it in the history.</summary>
    public PassOutcome RunPass(PassKind kind = PassKind.Incremental, string triggeredBy = "test") =>
        new IndexPassRunner().Run(kind, IndexTarget.Resolve(Seeds, Index, null), triggeredBy, History, CancellationToken.None);

    /// <summary>Runs <c>articles</c> in-process on this index.</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliRun.InvokeAsync([.. args, "--index", Index]);

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
}
