using System.Globalization;
using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArticleIndexer.Core.Indexing;

/// <summary>What the index holds for one article: enough to decide whether its file changed.</summary>
/// <param name="ContentHash">SHA-256 of the file's bytes when it was indexed.</param>
/// <param name="PipelineVersion">The pipeline version that built the document.</param>
/// <param name="FileLength">The file's size when it was found for indexing; null for documents stored without it.</param>
/// <param name="FileModifiedTicks">The file's last write time (UTC ticks) then; null likewise.</param>
public readonly record struct IndexedState(string ContentHash, string PipelineVersion, long? FileLength = null, long? FileModifiedTicks = null)
{
    /// <summary>True when <paramref name="file"/> has the size and write time the document was built from: the file is
    /// taken as unchanged without reading it (as rsync and make do).</summary>
    public bool Matches(Articles.ArticleFile file) =>
        FileLength == file.Length && FileModifiedTicks == file.LastWriteUtc.Ticks;
}

/// <summary>
/// The only writer of the index: upserts articles by id, deletes them, and commits once per pass with the pass's
/// figures as commit user data. Holds Lucene's write lock while open, so two passes never write one index.
/// </summary>
public sealed class ArticleIndexWriter : IDisposable
{
    private static readonly ISet<string> StateFields = new HashSet<string>
    {
        ArticleFields.Id, ArticleFields.ContentHash, ArticleFields.PipelineVersion, ArticleFields.FileLength, ArticleFields.FileModified,
    };

    private static readonly ISet<string> ResolutionFields = new HashSet<string>
    {
        ArticleFields.Id, ArticleFields.Entities, ArticleFields.ResolvedEntities,
    };

    /// <summary>
    /// The file whose exclusive OS lock marks the index as being written. Lucene.NET's own write.lock keeps a second
    /// writer out of the same process but, on Linux, not a second process (it takes only a shared lock there).
    /// The kernel releases this lock when the process dies, so a killed worker never leaves a stale lock behind.
    /// </summary>
    public const string ProcessLockFile = "articleindexer.lock";

    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly bool ownsDirectory;
    private readonly FileStream? processLock;

    private ArticleIndexWriter(LuceneDirectory directory, IndexWriter writer, bool ownsDirectory, FileStream? processLock)
    {
        this.directory = directory;
        this.writer = writer;
        this.ownsDirectory = ownsDirectory;
        this.processLock = processLock;
        CommitDataAtOpen = new Dictionary<string, string>(writer.CommitData, StringComparer.Ordinal);
    }

    /// <summary>The user data of the commit the index was opened at (the figures of the pass that made it); empty for a new index.</summary>
    public IReadOnlyDictionary<string, string> CommitDataAtOpen { get; }

    /// <summary>
    /// Opens (creating if needed) the index in <paramref name="indexPath"/>.
    /// Throws <see cref="LockObtainFailedException"/> when another writer holds the index.
    /// </summary>
    public static ArticleIndexWriter Open(string indexPath) => Open(indexPath, path => FSDirectory.Open(path));

    /// <summary>
    /// Opens the index in <paramref name="indexPath"/> through <paramref name="openDirectory"/> (tests wrap the file
    /// system directory to inject faults), holding the process lock of the folder as <see cref="Open(string)"/> does.
    /// </summary>
    public static ArticleIndexWriter Open(string indexPath, Func<string, LuceneDirectory> openDirectory)
    {
        System.IO.Directory.CreateDirectory(indexPath);
        var processLock = LockForProcess(indexPath);
        LuceneDirectory directory;
        try
        {
            directory = openDirectory(indexPath);
        }
        catch
        {
            processLock.Dispose();
            throw;
        }

        try
        {
            var config = new IndexWriterConfig(ArticleAnalyzers.Version, ArticleAnalyzers.Create())
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = 64,
            };
            return new ArticleIndexWriter(directory, new IndexWriter(directory, config), ownsDirectory: true, processLock);
        }
        catch
        {
            directory.Dispose();
            processLock.Dispose();
            throw;
        }
    }

    /// <summary>The live documents of the last commit in <paramref name="indexPath"/>; null when it cannot be read.</summary>
    public static int? CountCommitted(string indexPath, Func<string, LuceneDirectory> openDirectory)
    {
        try
        {
            using var directory = openDirectory(indexPath);
            if (!DirectoryReader.IndexExists(directory))
            {
                return 0;
            }

            using var reader = DirectoryReader.Open(directory);
            return reader.NumDocs;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Opens an index in a Lucene directory of the caller's (tests use a RAMDirectory); the caller disposes it.</summary>
    public static ArticleIndexWriter Open(LuceneDirectory directory)
    {
        var config = new IndexWriterConfig(ArticleAnalyzers.Version, ArticleAnalyzers.Create()) { OpenMode = OpenMode.CREATE_OR_APPEND };
        return new ArticleIndexWriter(directory, new IndexWriter(directory, config), ownsDirectory: false, processLock: null);
    }

    /// <summary>
    /// The id, hash, pipeline version, file size and write time of every document in the last commit, from the
    /// <see cref="ArticleFields.State"/> doc values (one column, read segment by segment); a document written before that
    /// field existed is read from its stored fields.
    /// </summary>
    public Dictionary<string, IndexedState> ReadState()
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return new Dictionary<string, IndexedState>(StringComparer.Ordinal);
        }

        // Segments are decoded side by side (half a second for 215,780 documents on one thread), then gathered.
        using var reader = DirectoryReader.Open(directory);
        var segments = new List<(string Id, IndexedState State)>[reader.Leaves.Count];
        Parallel.For(0, segments.Length, i => segments[i] = ReadState(reader.Leaves[i].AtomicReader));
        var state = new Dictionary<string, IndexedState>(reader.NumDocs, StringComparer.Ordinal);
        foreach (var (id, indexed) in segments.SelectMany(s => s))
        {
            state[id] = indexed;
        }

        return state;
    }

    private static List<(string Id, IndexedState State)> ReadState(AtomicReader segment)
    {
        var result = new List<(string, IndexedState)>(segment.NumDocs);
        var column = segment.GetBinaryDocValues(ArticleFields.State);
        var live = segment.LiveDocs;
        var value = new BytesRef();
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
            {
                continue;
            }

            column?.Get(doc, value);
            if (column is not null && ArticleDocumentBuilder.DecodeState(value) is { } decoded)
            {
                result.Add(decoded);
                continue;
            }

            var stored = segment.Document(doc, StateFields);
            result.Add((stored.Get(ArticleFields.Id), new IndexedState(
                stored.Get(ArticleFields.ContentHash) ?? string.Empty,
                stored.Get(ArticleFields.PipelineVersion) ?? string.Empty,
                stored.GetField(ArticleFields.FileLength)?.GetInt64Value(),
                stored.GetField(ArticleFields.FileModified)?.GetInt64Value())));
        }

        return result;
    }

    /// <summary>
    /// Counts the lines repeated across the last commit: the <see cref="ArticleFields.LineKeys"/> doc values of every
    /// live document, segment by segment. Every live document counts as an article (one indexed before the field
    /// existed, with no line), so the table's <see cref="LineRepeats.Articles"/> is the number of documents.
    /// </summary>
    public LineRepeats ReadLineRepeats()
    {
        var builder = new LineRepeats.Builder();
        if (!DirectoryReader.IndexExists(directory))
        {
            return builder.Build();
        }

        using var reader = DirectoryReader.Open(directory);
        var keys = new List<ulong>();
        var value = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var values = segment.GetBinaryDocValues(ArticleFields.LineKeys);
            var live = segment.LiveDocs;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                keys.Clear();
                if (values is not null)
                {
                    values.Get(doc, value);
                    ArticleDocumentBuilder.DecodeLineKeys(value, keys);
                }

                builder.Add(keys);
            }
        }

        return builder.Build();
    }

    /// <summary>Adds <paramref name="article"/>, replacing any document with the same id; its entity fields from
    /// <paramref name="resolved"/> when given (see <see cref="ArticleDocumentBuilder.Build"/>).</summary>
    public void Upsert(Article article, DateTimeOffset indexedAt, string pipelineVersion, EntitySet? resolved = null) =>
        writer.UpdateDocument(new Term(ArticleFields.Id, article.Id.Value), ArticleDocumentBuilder.Build(article, indexedAt, pipelineVersion, resolved));

    /// <summary>The id and extracted entities (<see cref="ArticleFields.EntityData"/>) of every live document, changes not
    /// yet committed included, one document at a time (an archive's entities do not fit in memory at once).</summary>
    public IEnumerable<(string Id, EntitySet Extracted)> ReadExtractedEntities()
    {
        using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        foreach (var leaf in reader.Leaves)
        {
            var entities = new EntityColumns(leaf.AtomicReader);
            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (live is null || live.Get(doc))
                {
                    var (id, extracted, _) = entities.Read(doc);
                    yield return (id, extracted);
                }
            }
        }
    }

    /// <summary>
    /// Re-indexes every live document whose entities <paramref name="resolve"/> now resolves otherwise than it was indexed
    /// with (<see cref="ArticleFields.ResolvedData"/>), from its stored fields and line keys: no file is read and nothing is
    /// extracted again, and its pipeline version and indexing time stay. Only those documents' stored fields are read.
    /// Returns how many documents changed.
    /// </summary>
    public int ApplyResolution(Func<string, EntitySet, EntitySet> resolve)
    {
        var changed = 0;
        using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        var keys = new List<ulong>();
        var value = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var lineKeys = segment.GetBinaryDocValues(ArticleFields.LineKeys);
            var entities = new EntityColumns(segment);
            var live = segment.LiveDocs;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                // The entity columns first: most documents keep their resolution, and their stored fields need not be read.
                var (id, extracted, unchanged) = entities.Read(doc);
                var resolved = resolve(id, extracted);
                if (unchanged(resolved))
                {
                    continue;
                }

                var stored = segment.Document(doc);

                keys.Clear();
                if (lineKeys is not null)
                {
                    lineKeys.Get(doc, value);
                    ArticleDocumentBuilder.DecodeLineKeys(value, keys);
                }

                // Everything the document was built from comes back: the file's size and write time (so the next pass
                // still takes the file as unchanged without reading it) and what its page said about itself.
                var path = stored.Get(ArticleFields.Path);
                var length = stored.GetField(ArticleFields.FileLength)?.GetInt64Value() ?? 0;
                var ticks = stored.GetField(ArticleFields.FileModified)?.GetInt64Value() ?? 0;
                var article = new Article(
                    new ArticleFile(path, path, length, new DateTime(ticks, DateTimeKind.Utc)),
                    stored.Get(ArticleFields.Encoding) ?? string.Empty,
                    stored.Get(ArticleFields.ContentHash) ?? string.Empty,
                    stored.Get(ArticleFields.Title),
                    stored.Get(ArticleFields.Body) ?? string.Empty,
                    ArticleJson.ReadStripped(stored.Get(ArticleFields.Stripped)),
                    extracted,
                    [.. keys])
                {
                    Page = ArticleDocumentBuilder.ReadPage(stored),
                };
                var indexedAt = DateTimeOffset.TryParse(stored.Get(ArticleFields.IndexedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                    ? at
                    : DateTimeOffset.UnixEpoch;
                writer.UpdateDocument(new Term(ArticleFields.Id, id),
                    ArticleDocumentBuilder.Build(article, indexedAt, stored.Get(ArticleFields.PipelineVersion) ?? string.Empty, resolved));
                changed++;
            }
        }

        return changed;
    }

    /// <summary>
    /// Merges the index down to <paramref name="maxSegments"/> segments when it has more (Lucene's forced merge, which
    /// merges the smallest segments first), and returns how many it had; null when it had no more than that.
    /// </summary>
    public int? MergeDown(int maxSegments)
    {
        int segments;
        using (var reader = DirectoryReader.Open(writer, applyAllDeletes: false))
        {
            segments = reader.Leaves.Count;
        }

        if (segments <= maxSegments)
        {
            return null;
        }

        writer.ForceMerge(maxSegments);
        return segments;
    }

    /// <summary>Removes the document of <paramref name="id"/>, if any.</summary>
    public void Delete(string id) => writer.DeleteDocuments(new Term(ArticleFields.Id, id));

    /// <summary>Makes every change since the last commit durable and visible to new readers, with <paramref name="userData"/>.</summary>
    public void Commit(IDictionary<string, string> userData)
    {
        writer.SetCommitData(userData);
        writer.Commit();
    }

    /// <summary>The number of live documents, pending changes included.</summary>
    public int CountDocuments() => writer.NumDocs;

    /// <summary>Drops every change since the last commit.</summary>
    public void Rollback() => writer.Rollback();

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            writer.Dispose();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Closing commits what is pending; when that cannot be written (a full disk) the last commit stays as it
            // was. Passes commit explicitly before this, so nothing they counted is lost here.
            try
            {
                writer.Rollback();
            }
            catch (Exception again) when (again is IOException or ObjectDisposedException)
            {
                // Already closed by the failure.
            }
        }
        finally
        {
            if (ownsDirectory)
            {
                directory.Dispose();
            }

            processLock?.Dispose();
        }
    }

    /// <summary>
    /// Reads one segment's entities: id, extracted set, and whether a new resolution equals the one the document was
    /// indexed with. From the doc-values columns (<see cref="ArticleFields.EntityData"/>, <see cref="ArticleFields.ResolvedData"/>,
    /// the id from <see cref="ArticleFields.State"/>), or, for a document written before them, from its stored JSON.
    /// </summary>
    private sealed class EntityColumns(AtomicReader segment)
    {
        private readonly BinaryDocValues? state = segment.GetBinaryDocValues(ArticleFields.State);
        private readonly BinaryDocValues? extractedColumn = segment.GetBinaryDocValues(ArticleFields.EntityData);
        private readonly BinaryDocValues? resolvedColumn = segment.GetBinaryDocValues(ArticleFields.ResolvedData);
        private readonly BytesRef stateValue = new();
        private readonly BytesRef extractedValue = new();
        private readonly BytesRef resolvedValue = new();

        public (string Id, EntitySet Extracted, Func<EntitySet, bool> Unchanged) Read(int doc)
        {
            extractedValue.Length = 0;
            extractedColumn?.Get(doc, extractedValue);
            stateValue.Length = 0;
            state?.Get(doc, stateValue);
            if (extractedValue.Length > 0 && ArticleDocumentBuilder.DecodeState(stateValue) is { } decoded)
            {
                var extracted = EntityCodec.Decode(extractedValue);
                resolvedValue.Length = 0;
                resolvedColumn?.Get(doc, resolvedValue);
                var indexedAs = resolvedValue.Length == 0 ? extractedValue : resolvedValue;
                return (decoded.Id, extracted, resolved =>
                    ReferenceEquals(resolved, extracted) ? resolvedValue.Length == 0 : EntityCodec.Encode(resolved).AsSpan().SequenceEqual(indexedAs.Bytes.AsSpan(indexedAs.Offset, indexedAs.Length)));
            }

            // Written before the columns: the stored JSON, compared as JSON.
            var stored = segment.Document(doc, ResolutionFields);
            var extractedJson = stored.Get(ArticleFields.Entities);
            var fromJson = ArticleJson.ReadEntities(extractedJson);
            var storedResolved = stored.Get(ArticleFields.ResolvedEntities);
            return (stored.Get(ArticleFields.Id), fromJson, resolved =>
                ReferenceEquals(resolved, fromJson) ? extractedJson == storedResolved : ArticleJson.Write(resolved) == storedResolved);
        }
    }

    // FileShare.None is an exclusive flock() on Unix and a sharing lock on Windows: both keep other processes out.
    private static FileStream LockForProcess(string indexPath)
    {
        var path = System.IO.Path.Combine(indexPath, ProcessLockFile);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new LockObtainFailedException($"Lock held by another process: {path}", ex);
        }
    }
}
