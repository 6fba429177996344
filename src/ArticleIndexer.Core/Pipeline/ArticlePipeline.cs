using System.Globalization;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Reading;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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

    /// <summary>How many changes (documents added, replaced or deleted) a pass makes between two commits.</summary>
    public int CommitEvery { get; init; } = 1000;

    /// <summary>The longest a pass holds changes without committing them, for slow passes that rarely reach <see cref="CommitEvery"/>.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A pipeline with the default stages, the system clock and no logging (tests, the CLI).</summary>
    public ArticlePipeline()
        : this(new ArticleProcessor(), TimeProvider.System, NullLogger<ArticlePipeline>.Instance)
    {
    }

    /// <summary>Indexes <paramref name="sourceFolder"/> into the index at <paramref name="indexFolder"/>.</summary>
    public PassSummary Run(string sourceFolder, string indexFolder, CancellationToken cancellationToken = default)
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
            writer = ArticleIndexWriter.Open(indexFolder);
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
            return RunPass(writer, passId, started, source, index, cancellationToken);
        }
    }

    private PassSummary RunPass(ArticleIndexWriter writer, string passId, DateTimeOffset started, string source, string index, CancellationToken cancellationToken)
    {
        var indexed = writer.ReadState();
        var (repeats, repeatsStale) = LoadRepeats(writer, index, indexed.Count);
        var aliasFile = AliasRules.PathFor(index);
        var rules = LoadAliases(aliasFile);
        var catalog = EntityCatalog.Load(index);
        var appliedAliases = writer.CommitDataAtOpen.GetValueOrDefault(AliasesKey) ?? AliasRules.Empty.Fingerprint;
        var remaining = new HashSet<string>(indexed.Keys, StringComparer.Ordinal);
        var problems = new List<PassProblem>();
        int seen = 0, added = 0, changed = 0, unchanged = 0, deleted = 0, skipped = 0, failed = 0;
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
        };

        void CountChange()
        {
            if (++pending >= CommitEvery || time.GetUtcNow() - lastCommit >= CommitInterval)
            {
                var data = SoFar().ToCommitData(source);
                data["in_progress"] = "true";
                data[AliasesKey] = appliedAliases;
                writer.Commit(data);
                pending = 0;
                lastCommit = time.GetUtcNow();
            }
        }

        var files = new SourceScanner().Discover(source, (folder, reason) =>
            logger.LogWarning("Cannot list folder {FolderPath}: {Reason}", folder, reason));
        foreach (var file in files)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            seen++;
            var id = file.Id.Value;
            remaining.Remove(id);
            try
            {
                var read = processor.Read(file);
                if (read.ContentHash is { } hash && indexed.TryGetValue(id, out var state)
                    && state.ContentHash == hash && state.PipelineVersion == ArticleProcessor.Version)
                {
                    unchanged++;
                    continue;
                }

                var outcome = processor.Process(read, repeats);
                if (outcome.Article is { } article)
                {
                    // Resolved with the catalog of the last pass; the end of the pass re-resolves what the new catalog changes.
                    var resolved = catalog?.Resolve(id, article.Entities, rules) ?? EntityCatalog.Apply(article.Entities, rules, _ => null);
                    writer.Upsert(article, time.GetUtcNow(), ArticleProcessor.Version, resolved);
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
                }
                else
                {
                    skipped++;
                    problems.Add(new PassProblem(file.RelativePath, outcome.Skip.ToString()!, outcome.Detail ?? string.Empty));
                    logger.LogWarning("Skipped {ArticlePath}: {SkipReason} ({Detail})", file.RelativePath, outcome.Skip, outcome.Detail);
                    if (indexed.ContainsKey(id))
                    {
                        writer.Delete(id);
                        deleted++;
                        CountChange();
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failed++;
                problems.Add(new PassProblem(file.RelativePath, "Failed", ex.Message));
                logger.LogError(ex, "Failed on {ArticlePath}; the pass goes on", file.RelativePath);
            }
        }

        if (!cancelled)
        {
            foreach (var gone in remaining)
            {
                writer.Delete(gone);
                deleted++;
                CountChange();
                logger.LogInformation("Removed {ArticleId}: its file is gone", gone);
            }
        }

        var catalogStale = catalog is null ? indexed.Count > 0 || added > 0 : catalog.ArticleCount != writer.CountDocuments();
        EntityCatalog? rebuilt = null;
        if (!cancelled && (added + changed + deleted > 0 || rules.Fingerprint != appliedAliases || catalogStale))
        {
            rebuilt = ResolveArchive(writer, rules, aliasFile);
            appliedAliases = rules.Fingerprint;
        }

        var summary = SoFar();
        var commitData = summary.ToCommitData(source);
        commitData[AliasesKey] = appliedAliases;
        writer.Commit(commitData);
        if (rebuilt is not null)
        {
            SaveCatalog(rebuilt, index);
        }

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
        var catalog = EntityCatalog.Build(writer.ReadExtractedEntities(), rules);
        var changed = writer.ApplyResolution((id, extracted) => catalog.Resolve(id, extracted, rules));
        logger.LogInformation(
            "Resolved the entities of {ArticleCount} articles into {EntityCount} entities ({LinkCount} surnames linked across articles, {Directives} alias directives from {AliasFile}); {ChangedCount} documents re-indexed in {DurationMs} ms",
            catalog.ArticleCount, catalog.Entities.Count, catalog.Links.Count, rules.Directives, aliasFile, changed, (long)time.GetElapsedTime(startedAt).TotalMilliseconds);
        return catalog;
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

    private static int Count(Articles.Article article, Entities.EntityKind kind) => article.Entities.Entities.Count(e => e.Kind == kind);

    private PassSummary Fail(string passId, DateTimeOffset started, string error)
    {
        logger.LogDebug("Pass {PassId} could not run: {Error}", passId, error);
        return new PassSummary { PassId = passId, Started = started, Finished = time.GetUtcNow(), Error = error };
    }
}
