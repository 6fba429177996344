namespace ArticleIndexer.Operations.Passes;

/// <summary>What passes index, and where: resolved, absolute paths.</summary>
/// <param name="SourceFolder">The folder scanned for article files.</param>
/// <param name="IndexRoot">The index root: generations, <c>CURRENT</c>, the lock and (by default) the worker database.</param>
/// <param name="DatabasePath">The SQLite file holding the Quartz store and the pass history.</param>
public sealed record IndexTarget(string SourceFolder, string IndexRoot, string DatabasePath)
{
    /// <summary>The worker database's file name in the index root, when no other path is configured.</summary>
    public const string DefaultDatabaseName = "worker.db";

    /// <summary>The default database path of <paramref name="indexRoot"/>.</summary>
    public static string DefaultDatabase(string indexRoot) => Path.Combine(Path.GetFullPath(indexRoot), DefaultDatabaseName);

    /// <summary>A target with absolute paths; a blank <paramref name="databasePath"/> means the default in the index root.</summary>
    public static IndexTarget Resolve(string sourceFolder, string indexRoot, string? databasePath) => new(
        Path.GetFullPath(sourceFolder),
        Path.GetFullPath(indexRoot),
        string.IsNullOrWhiteSpace(databasePath) ? DefaultDatabase(indexRoot) : Path.GetFullPath(databasePath));
}
