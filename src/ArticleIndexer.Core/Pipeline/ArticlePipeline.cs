using System.Globalization;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Articles;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArticleIndexer.Core.Pipeline;

/// <summary>
/// One indexing pass: streams the article files of a source folder through the <see cref="ArticleProcessor"/> into
/// the index. Incremental: unchanged files (same hash, same pipeline version) are skipped, changed ones replaced,
/// and documents whose file is gone are deleted. The pass commits every <see cref="CommitEvery"/> changes (or
/// <see cref="CommitInterval"/>, whichever comes first) and at its end, each commit carrying the pass's figures so far, so a process killed mid-pass keeps everything up to its last
/// commit and the next pass picks up from there. Stops at the next file boundary when cancelled, and commits what it has.
/// </summary>
/// <remarks>
/// Entities: each article's extracted entities are stored as found; a pass that changed the index, or that finds the
/// alias file (<see cref="AliasRules"/>) changed, builds the archive's <see cref="EntityCatalog"/> (kept with the index)
/// and re-indexes the documents whose resolved entities it changes, without extracting again.
/// Each pass strips boilerplate with the <see cref="LineRepeats"/> table kept in the index folder
/// (<see cref="LineRepeatsFile"/>), and a pass that completes after changing the index rebuilds that table from the
/// index's live documents, so the next pass sees counts of exactly what the index holds.
/// </remarks>
public sealed class ArticlePipeline(ArticleProcessor processor, TimeProvider time, ILogger<ArticlePipeline> logger)
{
    /// <summary>The commit user data key of the <see cref="AliasRules.Fingerprint"/> the index's entities are resolved with.</summary>
    public const string AliasesKey = "aliases";

    /// <summary>How many changes (documents added, replaced or deleted) a pass makes between two commits. A commit
    /// flushes the writer's buffer into a new segment and syncs the files: every 1,000 changes cost 7-10 % of a first
    /// pass over Reuters-21578 (28.9-30.9 s against 27.8 s), so 10,000, with <see cref="CommitInterval"/> bounding what a
    /// killed pass loses on slow passes.</summary>
    public int CommitEvery { get; init; } = 10_000;

    /// <summary>
    /// The most segments the index keeps after a pass that changed it: more are merged down to this many before the
    /// pass's last commit (the smallest first, so a small pass over a large archive merges little). Search visits every
    /// segment: on the 10x Reuters index, 19 segments answered at p99 26-31 ms, 5 segments 20-24 ms, 1 segment
    /// 17-22 ms, on a loaded machine; merging 19 down to 5 took 7.7 s. 0 leaves merging to Lucene's tiered policy alone.
    /// </summary>
    public int MaxSegments { get; init; } = 5;

    /// <summary>
    /// How many files are read and processed at once (reading, cleaning, tagging); the index is written by one thread
    /// in the order the files were found, so the result is the same for any value. Defaults to the processor count.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How many notes a pass keeps in its <see cref="PassSummary.Notes"/>; <see cref="PassSummary.Noted"/> counts them all.</summary>
    public const int NotesKept = 1000;

    /// <summary>How many noted files a pass logs at Information level; the rest go to Debug (an archive of copies has a
    /// note on every file).</summary>
    public const int NotesLogged = 100;

    // Files prepared ahead of the writer, per thread: enough to keep every thread busy, few enough to bound memory.
    private const int WindowPerThread = 4;

    /// <summary>The longest a pass holds changes without committing them, for slow passes that rarely reach <see cref="CommitEvery"/>.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A pipeline with the default stages, the system clock and no logging (tests, the CLI).</summary>
    public ArticlePipeline()
        : this(new ArticleProcessor(), TimeProvider.System, NullLogger<ArticlePipeline>.Instance)
    {
    }

    /// <summary>
    /// Opens the Lucene directory of an index folder. Defaults to <see cref="FSDirectory.Open(string)"/>; tests wrap it
    /// to inject faults (a disk that fills up during a commit).
    /// </summary>
    public Func<string, LuceneDirectory> OpenDirectory { get; init; } = path => FSDirectory.Open(path);

    /// <summary>Indexes <paramref name="sourceFolder"/> into the index at <paramref name="indexFolder"/>.</summary>
    public PassSummary Run(string sourceFolder, string indexFolder, CancellationToken cancellationToken = default) =>
        Run(sourceFolder, indexFolder, retryProblems: false, cancellationToken);

    /// <summary>
    /// Indexes <paramref name="sourceFolder"/> into the index at <paramref name="indexFolder"/>. Files a previous pass
    /// skipped or failed on are tried again only when they changed, or every one of them when
    /// <paramref name="retryProblems"/> (<c>articles reindex --failed</c>).
    /// </summary>
    public PassSummary Run(string sourceFolder, string indexFolder, bool retryProblems, CancellationToken cancellationToken = default)
    {
        var started = time.GetUtcNow();
        var passId = started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);
        var source = Path.GetFullPath(sourceFolder);
        if (!System.IO.Directory.Exists(source))
        {
            return Fail(passId, started, $"the source folder '{source}' does not exist");
        }

        ArticleIndexWriter writer;
        try
        {
            writer = ArticleIndexWriter.Open(indexFolder, OpenDirectory);
        }
        catch (LockObtainFailedException)
        {
            return Fail(passId, started, $"another pass is writing to the index '{Path.GetFullPath(indexFolder)}'; try again when it has finished");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(passId, started, $"the index '{Path.GetFullPath(indexFolder)}' cannot be opened for writing: {ex.Message}");
        }

        using (writer)
        {
            var index = Path.GetFullPath(indexFolder);
            logger.LogInformation("Pass {PassId} started: {SourceFolder} into {IndexFolder}", passId, source, index);
            return RunPass(writer, passId, started, source, index, retryProblems, cancellationToken);
        }
    }

    private PassSummary RunPass(ArticleIndexWriter writer, string passId, DateTimeOffset started, string source, string index, bool retryProblems, CancellationToken cancellationToken)
    {
        var indexed = writer.ReadState();
        var (repeats, repeatsStale) = LoadRepeats(writer, index, indexed.Count);
        var aliasFile = AliasRules.PathFor(index);
        var rules = LoadAliases(aliasFile);
        // The last pass's catalog resolves new and changed articles; a pass that finds none never reads it (47,510
        // entities take half a second to load), only the number of articles it counted.
        var catalog = new Lazy<EntityCatalog?>(() => EntityCatalog.Load(index));
        var catalogArticles = EntityCatalog.ReadArticleCount(index);
        var appliedAliases = writer.CommitDataAtOpen.GetValueOrDefault(AliasesKey) ?? AliasRules.Empty.Fingerprint;
        var remaining = new HashSet<string>(indexed.Keys, StringComparer.Ordinal);
        var recorded = FileProblemsFile.Load(index).ToDictionary(p => p.Path, StringComparer.Ordinal);
        var known = retryProblems
            ? []
            : recorded.Values.Where(p => p.Pipeline == ArticleProcessor.Version).ToDictionary(p => p.Path, StringComparer.Ordinal);
        var current = new Dictionary<string, FileProblem>(StringComparer.Ordinal);
        var problems = new List<PassProblem>();
        var notes = new List<PassProblem>();
        var noted = 0;
        var unlisted = new List<string>();
        var firstWithHash = new Dictionary<ulong, string>();
        int seen = 0, added = 0, changed = 0, unchanged = 0, deleted = 0, skipped = 0, failed = 0, notRetried = 0;
        var cancelled = false;
        var pending = 0;
        var lastCommit = time.GetUtcNow();

        PassSummary SoFar() => new()
        {
            PassId = passId,
            Started = started,
            Finished = time.GetUtcNow(),
            Seen = seen,
            New = added,
            Changed = changed,
            Unchanged = unchanged,
            Deleted = deleted,
            Skipped = skipped,
            Failed = failed,
            Cancelled = cancelled,
            Problems = problems,
            Notes = notes,
            Noted = noted,
            UnreadableFolders = unlisted.Count,
            NotRetried = notRetried,
        };

        Dictionary<string, string> CommitData(PassSummary summary)
        {
            var data = summary.ToCommitData(source);
            data[MaxFileBytesKey] = processor.MaxFileBytes.ToString(CultureInfo.InvariantCulture);
            return data;
        }

        void CountChange()
        {
            if (++pending >= CommitEvery || time.GetUtcNow() - lastCommit >= CommitInterval)
            {
                var data = CommitData(SoFar());
                data["in_progress"] = "true";
                data[AliasesKey] = appliedAliases;
                IndexWrite(() => writer.Commit(data));
                pending = 0;
                lastCommit = time.GetUtcNow();
            }
        }

        void Record(ArticleFile file, string reason, string detail, string? hash, long length)
        {
            var now = time.GetUtcNow();
            var since = recorded.TryGetValue(file.RelativePath, out var before) && before.Reason == reason ? before.Since : now;
            current[file.RelativePath] = new FileProblem(file.RelativePath, reason, detail, hash, length, file.LastWriteUtc, ArticleProcessor.Version, since, now);
        }

        // A file that is as it was when a pass last skipped it or failed on it is not tried again (nor logged again as a warning).
        void Carry(FileProblem problem)
        {
            notRetried++;
            if (problem.Reason == FileProblemsFile.Failed)
            {
                failed++;
            }
            else
            {
                skipped++;
            }

            current[problem.Path] = problem;
            problems.Add(new PassProblem(problem.Path, problem.Reason, problem.Detail));
            logger.LogDebug("Not retried {ArticlePath}: {SkipReason} ({Detail}), unchanged since {Since}", problem.Path, problem.Reason, problem.Detail, problem.Since);
        }

        // A file decided without reading it: a problem file as it was when a pass last gave up on it, or a file built by
        // these rules with the size and write time it had when it was indexed (unless a smaller size cap now skips it).
        // Cheap enough to decide on the pass's own thread, without a hop to another.
        Prepared? Settled(ArticleFile file)
        {
            if (known.TryGetValue(file.RelativePath, out var unread) && unread.ContentHash is null
                && unread.Length == file.Length && unread.LastWriteUtc == file.LastWriteUtc)
            {
                return new Prepared(file) { Carried = unread };
            }

            return indexed.TryGetValue(file.Id.Value, out var state) && state.PipelineVersion == ArticleProcessor.Version
                   && state.Matches(file) && file.Length <= processor.MaxFileBytes
                ? new Prepared(file) { UnchangedHash = state.ContentHash }
                : null;
        }

        // What a file not Settled needs before the index is touched; reads only state no other thread writes. A file
        // whose size or write time changed is read and compared by its hash, else processed.
        Prepared Prepare(ArticleFile file)
        {
            ReadResult? read = null;
            try
            {
                var current = indexed.TryGetValue(file.Id.Value, out var state) && state.PipelineVersion == ArticleProcessor.Version;
                read = processor.Read(file);
                if (current && read.ContentHash == state.ContentHash)
                {
                    return new Prepared(file) { Read = read, UnchangedHash = state.ContentHash };
                }

                if (read.ContentHash is { } readHash && known.TryGetValue(file.RelativePath, out var problem) && problem.ContentHash == readHash)
                {
                    return new Prepared(file) { Read = read, Carried = problem };
                }

                var outcome = processor.Process(read, repeats);
                // Resolved with the catalog of the last pass; the end of the pass re-resolves what the new catalog changes.
                var resolved = outcome.Article is { } built
                    ? catalog.Value?.Resolve(file.Id.Value, built.Entities, rules) ?? EntityCatalog.Apply(built.Entities, rules, _ => null)
                    : null;
                return new Prepared(file) { Read = read, Outcome = outcome, Resolved = resolved };
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return new Prepared(file) { Read = read, Error = ex };
            }
        }

        // Counts a prepared file and writes what it changes to the index.
        void Write(Prepared prepared)
        {
            var file = prepared.File;
            var read = prepared.Read;
            seen++;
            var id = file.Id.Value;
            remaining.Remove(id);
            if (prepared.Error is { } error)
            {
                Failed(file, read, error);
                return;
            }

            try
            {
                if (prepared.UnchangedHash is { } same)
                {
                    unchanged++;
                    firstWithHash.TryAdd(HashKey(same), file.RelativePath);
                    return;
                }

                if (prepared.Carried is { } carried)
                {
                    Carry(carried);
                    return;
                }

                var outcome = prepared.Outcome!;
                if (outcome.Article is { } article)
                {
                    IndexWrite(() => writer.Upsert(article, time.GetUtcNow(), ArticleProcessor.Version, prepared.Resolved!));
                    CountChange();
                    var isNew = !indexed.ContainsKey(id);
                    if (isNew)
                    {
                        added++;
                    }
                    else
                    {
                        changed++;
                    }

                    logger.LogDebug(
                        "Indexed {ArticleId} ({Change}): {PersonCount} persons, {PlaceCount} places, {OrgCount} organisations, {StrippedCount} lines stripped, {Encoding}",
                        id, isNew ? "new" : "changed", Count(article, Entities.EntityKind.Person), Count(article, Entities.EntityKind.Place),
                        Count(article, Entities.EntityKind.Organization), article.Stripped.Count, article.Encoding);
                    if (outcome.MojibakeRepairs > 0)
                    {
                        logger.LogInformation("Repaired {RepairCount} mis-decoded characters in {ArticlePath}", outcome.MojibakeRepairs, file.RelativePath);
                    }

                    var articleNotes = outcome.Notes.ToList();
                    var hashKey = HashKey(article.ContentHash);
                    if (!firstWithHash.TryAdd(hashKey, file.RelativePath))
                    {
                        articleNotes.Add($"the same bytes as {firstWithHash[hashKey]}, indexed as its own article");
                    }

                    if (articleNotes.Count > 0 && ++noted == NotesLogged + 1)
                    {
                        logger.LogInformation("More than {NotesLogged} files indexed with notes in this pass; the rest are logged at Debug level", NotesLogged);
                    }

                    foreach (var note in articleNotes)
                    {
                        if (notes.Count < NotesKept)
                        {
                            notes.Add(new PassProblem(file.RelativePath, "Note", note));
                        }

                        logger.Log(noted <= NotesLogged ? LogLevel.Information : LogLevel.Debug, "Indexed {ArticlePath} with a note: {Note}", file.RelativePath, note);
                    }
                }
                else
                {
                    var reason = outcome.Skip ?? SkipReason.Unreadable;
                    var detail = outcome.Detail ?? string.Empty;
                    var keep = reason == SkipReason.Unreadable && indexed.ContainsKey(id);
                    if (keep)
                    {
                        detail += "; the document indexed from an earlier version of the file is kept";
                    }

                    skipped++;
                    problems.Add(new PassProblem(file.RelativePath, reason.ToString(), detail));
                    logger.LogWarning("Skipped {ArticlePath}: {SkipReason} ({Detail})", file.RelativePath, reason, detail);
                    if (reason != SkipReason.Vanished)
                    {
                        Record(file, reason.ToString(), detail, read!.ContentHash, read.Length);
                    }

                    if (indexed.ContainsKey(id) && !keep)
                    {
                        IndexWrite(() => writer.Delete(id));
                        deleted++;
                        CountChange();
                    }
                }
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or IndexWriteException))
            {
                Failed(file, read, ex);
            }
        }

        // A file the pass could not prepare or write for a reason of its own (a bug): counted, recorded, logged.
        void Failed(ArticleFile file, ReadResult? read, Exception ex)
        {
            failed++;
            problems.Add(new PassProblem(file.RelativePath, FileProblemsFile.Failed, ex.Message));
            Record(file, FileProblemsFile.Failed, $"{ex.GetType().Name}: {ex.Message}", read?.ContentHash, read?.Length ?? file.Length);
            logger.LogError(ex, "Failed on {ArticlePath}; the pass goes on", file.RelativePath);
        }

        var files = new SourceScanner().Discover(source, (folder, reason) =>
        {
            var relative = Path.GetRelativePath(source, folder).Replace('\\', '/');
            unlisted.Add(relative == "." ? string.Empty : relative + "/");
            problems.Add(new PassProblem(relative, FileProblemsFile.UnreadableFolder, reason));
            var now = time.GetUtcNow();
            current[relative] = new FileProblem(relative, FileProblemsFile.UnreadableFolder, reason, null, 0, default, ArticleProcessor.Version,
                recorded.TryGetValue(relative, out var before) ? before.Since : now, now);
            logger.LogWarning("Cannot list folder {FolderPath}: {Reason}; the documents of its files are kept", folder, reason);
        });
        string? writeError = null;
        EntityCatalog? rebuilt = null;
        try
        {
            // Files are prepared (read, compared, processed) by up to Parallelism threads, a bounded window ahead of
            // the writer, and written here one at a time in the order they were found: the index, the counts and the
            // logs come out as a one-thread pass would leave them.
            var window = new Queue<Task<Prepared>>();
            var ahead = Parallelism > 1 ? Parallelism * WindowPerThread : 0;
            foreach (var file in files)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                // An unchanged file costs a dictionary look-up: it takes its place in the window already decided.
                window.Enqueue(Settled(file) is { } settled
                    ? Task.FromResult(settled)
                    : Parallelism > 1 ? Task.Run(() => Prepare(file)) : Task.FromResult(Prepare(file)));
                while (window.Count > ahead)
                {
                    Write(window.Dequeue().GetAwaiter().GetResult());
                }
            }

            // Files already under way when the pass was stopped are finished: the pass stops at a file boundary.
            while (window.Count > 0)
            {
                Write(window.Dequeue().GetAwaiter().GetResult());
            }

            // A stop that came while the last files were under way still stops the pass: files not seen stay as they are.
            cancelled |= cancellationToken.IsCancellationRequested;

            if (!cancelled)
            {
                foreach (var gone in remaining)
                {
                    // A folder that could not be listed hid its files, which are not gone: their documents stay.
                    if (unlisted.Any(folder => gone.StartsWith(folder, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    IndexWrite(() => writer.Delete(gone));
                    deleted++;
                    CountChange();
                    logger.LogInformation("Removed {ArticleId}: its file is gone", gone);
                }
            }

            var catalogStale = catalogArticles is not { } counted ? indexed.Count > 0 || added > 0 : counted != writer.CountDocuments();
            if (!cancelled && (added + changed + deleted > 0 || rules.Fingerprint != appliedAliases || catalogStale))
            {
                IndexWrite(() => rebuilt = ResolveArchive(writer, rules, aliasFile));
                appliedAliases = rules.Fingerprint;
            }

            if (!cancelled && MaxSegments > 0 && (added + changed + deleted > 0 || rebuilt is not null))
            {
                IndexWrite(() => MergeDown(writer));
            }

            var commitData = CommitData(SoFar());
            commitData[AliasesKey] = appliedAliases;
            IndexWrite(() => writer.Commit(commitData));
        }
        catch (IndexWriteException ex)
        {
            writeError = ex.InnerException?.Message ?? ex.Message;
        }

        if (writeError is not null)
        {
            return AbandonPass(writer, index, SoFar(), writeError);
        }

        // A stopped pass keeps what it did not reach as the previous pass left it; files not seen otherwise are gone.
        if (cancelled)
        {
            foreach (var (path, problem) in recorded)
            {
                current.TryAdd(path, problem);
            }
        }

        SaveProblems(index, current.Values);
        if (rebuilt is not null)
        {
            SaveCatalog(rebuilt, index);
        }

        var summary = SoFar();
        // A stopped pass leaves the table as it was (the next pass that completes rebuilds it, see LoadRepeats): a
        // stopped rebuild keeps the current generation's counts for the rebuild that resumes it, not a partial count.
        if (!cancelled && (repeatsStale || added + changed + deleted > 0))
        {
            SaveRepeats(writer, index);
        }

        summary = summary with { Documents = writer.CountDocuments(), Finished = time.GetUtcNow() };
        // The event operators read is the runner's summary (Operations); this one is for runs without it.
        logger.LogDebug(
            "Pass {PassId} finished: {Seen} seen, {New} new, {Changed} changed, {Unchanged} unchanged, {Deleted} deleted, {Skipped} skipped, {Failed} failed, {Documents} documents in {DurationMs} ms",
            passId, summary.Seen, summary.New, summary.Changed, summary.Unchanged, summary.Deleted, summary.Skipped, summary.Failed, summary.Documents,
            (long)summary.Duration.TotalMilliseconds);
        return summary;
    }

    // Files with the same bytes are found by the first 64 bits of their SHA-256 (hex): a chance collision among a million
    // files is about 3 in 10^8, and a wrong match would only add a note.
    private static ulong HashKey(string hash) =>
        hash.Length >= 16 && ulong.TryParse(hash.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var key)
            ? key
            : (ulong)StringComparer.Ordinal.GetHashCode(hash);

    /// <summary>Reads the alias file; every bad line is a warning with its number, and the pass goes on without it.</summary>
    private AliasRules LoadAliases(string path)
    {
        var rules = AliasRules.Load(path);
        foreach (var problem in rules.Problems)
        {
            logger.LogWarning("{AliasFile}:{Line}: {Problem}; the line is ignored", path, problem.Line, problem.Message);
        }

        if (rules.Directives > 0)
        {
            logger.LogInformation("Loaded {Directives} alias directives from {AliasFile}", rules.Directives, path);
        }

        return rules;
    }

    /// <summary>
    /// Builds the archive's entity catalog from every live document's extracted entities under <paramref name="rules"/>,
    /// and re-indexes the documents whose resolved entities changed (a new alias line, a surname now linked), from their
    /// stored fields: no file is read again.
    /// </summary>
    private EntityCatalog ResolveArchive(ArticleIndexWriter writer, AliasRules rules, string aliasFile)
    {
        var startedAt = time.GetTimestamp();
        // Two reads of the stored entities, neither holding the archive: the surname links, then each article resolved
        // and counted (and re-indexed where its resolution changed).
        var links = EntityCatalog.LinkSurnames(writer.ReadExtractedEntities().Select(a => (a.Id, EntityCatalog.Apply(a.Extracted, rules, _ => null))), rules);
        var builder = new EntityCatalog.Builder(links, rules);
        var changed = writer.ApplyResolution(builder.Add);
        var catalog = builder.Build();
        logger.LogInformation(
            "Resolved the entities of {ArticleCount} articles into {EntityCount} entities ({LinkCount} surnames linked across articles, {Directives} alias directives from {AliasFile}); {ChangedCount} documents re-indexed in {DurationMs} ms",
            catalog.ArticleCount, catalog.Entities.Count, catalog.Links.Count, rules.Directives, aliasFile, changed, (long)time.GetElapsedTime(startedAt).TotalMilliseconds);
        return catalog;
    }

    private void MergeDown(ArticleIndexWriter writer)
    {
        var startedAt = time.GetTimestamp();
        if (writer.MergeDown(MaxSegments) is { } before)
        {
            logger.LogInformation("Merged the index from {SegmentsBefore} to at most {MaxSegments} segments in {DurationMs} ms",
                before, MaxSegments, (long)time.GetElapsedTime(startedAt).TotalMilliseconds);
        }
    }

    private void SaveCatalog(EntityCatalog catalog, string index)
    {
        try
        {
            catalog.Save(index);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not write the entity catalog {CatalogPath}; the next pass writes it again", Path.Combine(index, EntityCatalog.FileName));
        }
    }

    /// <summary>
    /// The index could not be written (a full disk, an I/O error): everything since the last commit is dropped, so the
    /// index stays exactly at that commit, which searches keep seeing. The pass fails with a sentence saying so.
    /// </summary>
    private PassSummary AbandonPass(ArticleIndexWriter writer, string index, PassSummary soFar, string reason)
    {
        try
        {
            writer.Rollback();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            logger.LogWarning("Rolling back the index {IndexFolder} failed too: {Reason}", index, ex.Message);
        }

        var documents = ArticleIndexWriter.CountCommitted(index, OpenDirectory);
        var error = $"could not write to the index '{index}' ({reason}); the changes since its last commit were dropped, so it stays as that commit left it"
                    + (documents is { } count ? $" ({count} documents)" : string.Empty)
                    + ", which searches keep seeing. Free space or fix the disk; the next pass carries on from there";
        logger.LogError("Pass {PassId} could not write to {IndexFolder}: {Reason}; rolled back to the last commit", soFar.PassId, index, reason);
        return soFar with { Finished = time.GetUtcNow(), Error = error, Documents = documents ?? 0 };
    }

    private void SaveProblems(string index, IEnumerable<FileProblem> problems)
    {
        try
        {
            FileProblemsFile.Save(index, problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write the list of problem files {ProblemsPath}: {Reason}; the next pass tries those files again", FileProblemsFile.PathIn(index), ex.Message);
        }
    }

    // Every change to the index goes through here, so that a failure to write it (a full disk) ends the pass instead of
    // being taken for a problem with the file being indexed.
    private static void IndexWrite(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            throw new IndexWriteException(ex);
        }
    }

    /// <summary>
    /// Reads the table this pass strips with, and says whether it must be rebuilt at the end even if the pass changes
    /// nothing: it is missing while the index has documents, unreadable, counts another number of articles than the
    /// index holds, or the last commit is from a pass that did not finish (stopped, or killed between two commits).
    /// </summary>
    private (LineRepeats Table, bool Stale) LoadRepeats(ArticleIndexWriter writer, string index, int documents)
    {
        var loaded = LineRepeatsFile.Load(index);
        var last = writer.CommitDataAtOpen;
        var unfinished = last.GetValueOrDefault("in_progress") == "true" || last.GetValueOrDefault("cancelled") == "true";
        switch (loaded.State)
        {
            case LineRepeatsFileState.Loaded:
                logger.LogInformation(
                    "Loaded {RepeatedLines} repeated lines over {ArticleCount} articles from {RepeatsPath}",
                    loaded.Table.RepeatedLines, loaded.Table.Articles, LineRepeatsFile.PathIn(index));
                return (loaded.Table, unfinished || loaded.Table.Articles != documents);
            case LineRepeatsFileState.Unreadable:
                logger.LogWarning(
                    "Cannot read the line repeats {RepeatsPath}: {Reason}; this pass strips without them and rebuilds the file",
                    LineRepeatsFile.PathIn(index), loaded.Problem);
                return (LineRepeats.Empty, true);
            default:
                logger.LogInformation("No line repeats yet ({RepeatsPath} does not exist); this pass strips without them", LineRepeatsFile.PathIn(index));
                return (LineRepeats.Empty, documents > 0);
        }
    }

    /// <summary>Rebuilds the table from the live documents of the last commit and saves it with the index. A table
    /// that cannot be written is a warning, not a failed pass: the old one stays, and the next pass that changes the
    /// index (or finds the table missing or counting another number of articles) writes it again.</summary>
    private void SaveRepeats(ArticleIndexWriter writer, string index)
    {
        var startedAt = time.GetTimestamp();
        try
        {
            var table = writer.ReadLineRepeats();
            var size = LineRepeatsFile.Save(index, table);
            logger.LogInformation(
                "Rebuilt the line repeats {RepeatsPath}: {RepeatedLines} repeated lines over {ArticleCount} articles, {SizeBytes} bytes in {DurationMs} ms",
                LineRepeatsFile.PathIn(index), table.RepeatedLines, table.Articles, size, (long)time.GetElapsedTime(startedAt).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not rebuild the line repeats {RepeatsPath}; the previous table stays", LineRepeatsFile.PathIn(index));
        }
    }

    /// <summary>The commit user data key holding the size cap of the pass that made the commit, in bytes.</summary>
    public const string MaxFileBytesKey = "max_file_bytes";

    private static int Count(Articles.Article article, Entities.EntityKind kind) => article.Entities.Entities.Count(e => e.Kind == kind);

    private PassSummary Fail(string passId, DateTimeOffset started, string error)
    {
        logger.LogDebug("Pass {PassId} could not run: {Error}", passId, error);
        return new PassSummary { PassId = passId, Started = started, Finished = time.GetUtcNow(), Error = error };
    }

    /// <summary>Wraps a failure to write the index, which ends the pass.</summary>
    private sealed class IndexWriteException(Exception inner) : Exception(inner.Message, inner);

    /// <summary>A file as a preparing thread leaves it for the writer.</summary>
    private sealed record Prepared(ArticleFile File)
    {
        public ReadResult? Read { get; init; }

        /// <summary>The hash of a file found unchanged (by size and write time, or by its bytes); null otherwise.</summary>
        public string? UnchangedHash { get; init; }

        public FileProblem? Carried { get; init; }

        public ArticleOutcome? Outcome { get; init; }

        public EntitySet? Resolved { get; init; }

        public Exception? Error { get; init; }
    }
}
