using ArticleIndexer.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ArticleIndexer.Worker.Tests.Support;

/// <summary>One live document of an index: its id and the content hash it was built from.</summary>
internal readonly record struct LiveDocument(string Id, string Hash);

/// <summary>
/// What an index root holds, read straight from Lucene (not through the code under test): the live documents of the
/// current generation's last commit, and the progress of a pass that is still writing.
/// </summary>
internal static class IndexContents
{
    private static readonly ISet<string> Fields = new HashSet<string> { ArticleFields.Id, ArticleFields.ContentHash };

    /// <summary>The generation folder readers open (<see cref="IndexLayout.ReadablePath"/>); fails when there is none.</summary>
    public static string CurrentPath(string indexRoot) =>
        new IndexLayout(indexRoot).ReadablePath ?? throw new InvalidOperationException($"No index in {indexRoot}.");

    /// <summary>Every live document of the current generation, in document order; an id indexed twice shows twice.</summary>
    public static IReadOnlyList<LiveDocument> Live(string indexRoot) => LiveIn(CurrentPath(indexRoot));

    /// <summary>Every live document of the last commit in the Lucene index at <paramref name="path"/>.</summary>
    public static IReadOnlyList<LiveDocument> LiveIn(string path)
    {
        using var directory = FSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        var live = MultiFields.GetLiveDocs(reader);
        var documents = new List<LiveDocument>(reader.NumDocs);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
            {
                var stored = reader.Document(doc, Fields);
                documents.Add(new LiveDocument(stored.Get(ArticleFields.Id), stored.Get(ArticleFields.ContentHash)));
            }
        }

        Assert.Equal(reader.NumDocs, documents.Count);
        return documents;
    }

    /// <summary>
    /// The live documents of the last commit at <paramref name="path"/>, read while a worker may be writing there;
    /// -1 when there is no readable commit yet.
    /// </summary>
    public static int CommittedDocuments(string? path)
    {
        if (path is null || !System.IO.Directory.Exists(path))
        {
            return -1;
        }

        try
        {
            using var directory = FSDirectory.Open(path);
            using var reader = DirectoryReader.Open(directory);
            return reader.NumDocs;
        }
        catch (Exception ex) when (ex is IOException or IndexNotFoundException)
        {
            return -1;
        }
    }

    /// <summary>
    /// The generation (N of <c>segments_N</c>) of the newest commit at <paramref name="path"/>, finished or being
    /// written; -1 when there is none. A commit is visible here from its first byte, so killing a worker as soon as
    /// this grows lands in or just after a commit.
    /// </summary>
    public static long CommitGeneration(string? path)
    {
        if (path is null || !System.IO.Directory.Exists(path))
        {
            return -1;
        }

        return SegmentInfos.GetLastCommitGeneration(System.IO.Directory.GetFiles(path).Select(Path.GetFileName).OfType<string>().ToArray());
    }

    /// <summary>
    /// Fails unless the current generation holds exactly one live document per article file of <paramref name="corpus"/>,
    /// each built from the file's present content.
    /// </summary>
    public static void AssertMatches(string indexRoot, Corpus corpus)
    {
        var documents = Live(indexRoot);
        AssertNoDuplicates(documents);
        var files = corpus.Hashes();
        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var missing = files.Keys.Where(id => !ids.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var extra = ids.Where(id => !files.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"The index has {documents.Count} documents for {files.Count} files: {missing.Count} files not indexed ({Sample(missing)}), "
            + $"{extra.Count} documents without a file ({Sample(extra)}).");
        var stale = documents.Where(d => files[d.Id] != d.Hash).Select(d => d.Id).ToList();
        Assert.True(stale.Count == 0, $"{stale.Count} documents were built from an older version of their file: {Sample(stale)}");
    }

    /// <summary>
    /// Fails unless what the current generation holds is a consistent part of <paramref name="corpus"/>: ids unique,
    /// each one a file, built from its present content. Returns how many documents it holds.
    /// </summary>
    public static int AssertConsistentSubset(string indexRoot, Corpus corpus)
    {
        var documents = Live(indexRoot);
        AssertNoDuplicates(documents);
        var files = corpus.Hashes();
        var wrong = documents.Where(d => !files.TryGetValue(d.Id, out var hash) || hash != d.Hash).Select(d => d.Id).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} documents have no file or an older content: {Sample(wrong)}");
        return documents.Count;
    }

    private static void AssertNoDuplicates(IReadOnlyList<LiveDocument> documents)
    {
        var duplicates = documents.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
        Assert.True(duplicates.Count == 0, $"{duplicates.Count} ids have more than one live document: {Sample(duplicates)}");
    }

    private static string Sample(IReadOnlyList<string> values) => string.Join(", ", values.Take(10)) + (values.Count > 10 ? ", ..." : string.Empty);
}
