using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Worker.Tests.Support;
using Xunit.Abstractions;

namespace ArticleIndexer.Worker.Tests;

/// <summary>
/// The safety promises, on real worker processes and a corpus big enough that a pass takes seconds: kill -9 at any
/// moment loses nothing and duplicates nothing, a killed rebuild leaves readers on the old generation and is resumed,
/// and SIGTERM stops a pass cleanly with what it did committed. Kill moments are chosen from what the worker has
/// done (its log, its commits), not from the clock alone, so they land mid-pass on a slow machine too.
/// </summary>
public sealed class WorkerSafetyTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Files in the corpus: about five seconds of indexing here, and three commits (one per 1000 changes).</summary>
    private const int CorpusSize = 3000;

    /// <summary>A schedule that never fires: the scheduled worker runs only its start-up pass.</summary>
    private const string Never = "0 0 0 1 1 ? 2099";

    /// <summary>What the log says when a pass has opened the index: "Pass 20261123T160555.056Z started: SOURCE into INDEX".</summary>
    private const string PassStarted = " started: ";

    private readonly TempFolder temp = new();

    private string IndexRoot => temp.Combine("index");

    private PassHistory History => new(IndexTarget.DefaultDatabase(IndexRoot));

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Once_KilledThreeTimesMidPass_EndsWithExactlyOneDocumentPerFile()
    {
        var corpus = Corpus.Generate(temp.Combine("articles"), CorpusSize);

        // 1. Killed as soon as its first commit (1000 documents) appears: in or just after the commit.
        using (var worker = Start(corpus, "--once"))
        {
            await worker.WaitForLogAsync(PassStarted);
            var path = IndexContents.CurrentPath(IndexRoot);
            var before = IndexContents.CommitGeneration(path);
            await worker.WaitUntilAsync(() => IndexContents.CommitGeneration(path) > before, "the pass's first commit");
            KillMidPass(worker, "first");
        }

        Report("after kill 1", corpus);
        corpus.Delete(every: 20, first: 3);
        corpus.Change(every: 50, first: 7);
        corpus.Add(150, section: "late");

        // 2. Killed early, before the pass can have committed anything.
        using (var worker = Start(corpus, "--once"))
        {
            await worker.WaitForLogAsync(PassStarted);
            Assert.Equal([PassStatus.Running, PassStatus.Interrupted], History.Recent(2).Select(p => p.Status));
            await Task.Delay(300);
            KillMidPass(worker, "second");
        }

        Report("after kill 2", corpus);
        corpus.Delete(every: 40, first: 11);
        corpus.Add(100, section: "later");

        // 3. Killed between two commits: some time after the pass's first commit.
        using (var worker = Start(corpus, "--once"))
        {
            await worker.WaitForLogAsync(PassStarted);
            var path = IndexContents.CurrentPath(IndexRoot);
            var before = IndexContents.CommitGeneration(path);
            await worker.WaitUntilAsync(() => IndexContents.CommitGeneration(path) > before, "the pass's first commit");
            await Task.Delay(400);
            KillMidPass(worker, "third");
        }

        Report("after kill 3", corpus);
        var last = await WorkerProcess.RunAsync(temp.Path, Args(corpus, "--once"));

        output.WriteLine($"last pass: {last.Elapsed.TotalSeconds:0.0} s: {last.Stdout.Trim()}");
        Assert.True(last.ExitCode == 0, $"Exit code {last.ExitCode}. stderr: {last.Stderr}");
        Assert.Contains("were cut short", last.Stderr, StringComparison.Ordinal);
        IndexContents.AssertMatches(IndexRoot, corpus);
        var passes = History.Recent(10);
        Assert.Equal(
            [PassStatus.Completed, PassStatus.Interrupted, PassStatus.Interrupted, PassStatus.Interrupted],
            passes.Select(p => p.Status));
        Assert.All(passes, p => Assert.Equal(PassKind.Incremental, p.Kind));
        Assert.All(passes.Skip(1), p => Assert.Null(p.Finished));
        Assert.Equal(corpus.Ids.Count, passes[0].Documents);
    }

    [Fact]
    public async Task Rebuild_KilledMidway_LeavesReadersOnTheOldGeneration_AndTheNextRebuildResumesIt()
    {
        // The old generation need not be big; the rebuild must be, to be killed after a commit and before its end.
        var corpus = Corpus.Generate(temp.Combine("articles"), 500);
        var first = await WorkerProcess.RunAsync(temp.Path, Args(corpus, "--once"));
        Assert.True(first.ExitCode == 0, $"Exit code {first.ExitCode}. stderr: {first.Stderr}");
        output.WriteLine($"first pass: {first.Elapsed.TotalSeconds:0.0} s");
        var indexed = corpus.Ids;
        var layout = new IndexLayout(IndexRoot);
        var old = layout.CurrentGeneration;
        Assert.Equal("gen-000001", old);
        corpus.Delete(every: 30, first: 5);
        corpus.Change(every: 60, first: 2);
        corpus.Add(CorpusSize - 500);

        int partial;
        using (var worker = Start(corpus, "--rebuild"))
        {
            var building = layout.PathOf("gen-000002");
            await worker.WaitUntilAsync(() => IndexContents.CommittedDocuments(building) > 0, "the rebuild's first commit");
            KillMidPass(worker, "rebuild");
            partial = IndexContents.CommittedDocuments(building);
        }

        output.WriteLine($"killed rebuild: gen-000002 holds {partial} documents");
        Assert.Equal(old, layout.CurrentGeneration);
        Assert.Equal(indexed.Order(StringComparer.Ordinal), IndexContents.Live(IndexRoot).Select(d => d.Id).Order(StringComparer.Ordinal));
        var open = ArticleSearcher.Open(IndexRoot);
        using (open.Searcher)
        {
            Assert.True(open.Searcher is not null, open.Message);
            Assert.Equal(indexed.Count, open.Searcher.DocumentCount);
            var found = open.Searcher.Search(new SearchRequest { Query = "Calais" });
            Assert.True(found.Results is { Total: > 0 }, found.QueryError);
        }

        Assert.InRange(partial, 1, corpus.Ids.Count - 1);

        var resumed = await WorkerProcess.RunAsync(temp.Path, Args(corpus, "--rebuild"));

        output.WriteLine($"resumed rebuild: {resumed.Elapsed.TotalSeconds:0.0} s: {resumed.Stdout.Trim()}");
        Assert.True(resumed.ExitCode == 0, $"Exit code {resumed.ExitCode}. stderr: {resumed.Stderr}");
        Assert.Contains("Rebuilt gen-000002", resumed.Stdout, StringComparison.Ordinal);
        Assert.Equal("gen-000002", layout.CurrentGeneration);
        Assert.Equal(["gen-000002"], layout.Generations);
        IndexContents.AssertMatches(IndexRoot, corpus);
        var passes = History.Recent(10);
        Assert.Equal(
            [(PassKind.Rebuild, PassStatus.Completed), (PassKind.Rebuild, PassStatus.Interrupted), (PassKind.Incremental, PassStatus.Completed)],
            passes.Select(p => (p.Kind, p.Status)));
        Assert.All(passes.Take(2), p => Assert.Equal("gen-000002", p.Generation));

        // Resumed, not started over: what the killed rebuild committed is left as it is.
        Assert.True(passes[0].Unchanged == partial, $"The killed rebuild had committed {partial} documents; the next one: {resumed.Stdout}");
    }

    [Fact]
    public async Task ScheduledWorker_StopsItsPassCleanly_OnSigterm()
    {
        var corpus = Corpus.Generate(temp.Combine("articles"), CorpusSize);
        using var worker = Start(corpus, "--incremental-schedule", Never, "--rebuild-schedule", Never);
        await worker.WaitForLogAsync(PassStarted);
        await Task.Delay(500);

        var signalled = worker.Elapsed;
        worker.Terminate();
        var result = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var stopping = result.Elapsed - signalled;
        output.WriteLine($"exit {result.ExitCode} {stopping.TotalSeconds:0.00} s after SIGTERM");
        Assert.True(result.ExitCode == 0, $"Exit code {result.ExitCode}. stderr: {result.Stderr}");
        Assert.True(stopping < TimeSpan.FromSeconds(10), $"The worker took {stopping} to stop. stderr: {result.Stderr}");
        Assert.Contains("finished", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Worker {worker.Id} stopped", result.Stderr, StringComparison.Ordinal);
        var pass = Assert.Single(History.Recent(10));
        Assert.Equal((PassKind.Incremental, PassStatus.Stopped, "start-up"), (pass.Kind, pass.Status, pass.TriggeredBy));
        var documents = IndexContents.AssertConsistentSubset(IndexRoot, corpus);
        Assert.Equal(documents, pass.Documents);
        Assert.InRange(documents, 0, CorpusSize - 1);
    }

    [Fact]
    public async Task Once_StopsEarly_OnSigterm_AndPrintsItsSummary()
    {
        var corpus = Corpus.Generate(temp.Combine("articles"), CorpusSize);
        using var worker = Start(corpus, "--once");
        await worker.WaitForLogAsync(PassStarted);
        await Task.Delay(500);

        var signalled = worker.Elapsed;
        worker.Terminate();
        var result = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        output.WriteLine($"exit {result.ExitCode} {(result.Elapsed - signalled).TotalSeconds:0.00} s after SIGTERM: {result.Stdout.Trim()}");
        Assert.True(result.ExitCode == 0, $"Exit code {result.ExitCode}. stderr: {result.Stderr}");
        Assert.Contains("(stopped early", result.Stdout, StringComparison.Ordinal);
        var pass = Assert.Single(History.Recent(10));
        Assert.Equal(PassStatus.Stopped, pass.Status);
        var documents = IndexContents.AssertConsistentSubset(IndexRoot, corpus);
        Assert.Equal(documents, pass.Documents);
        Assert.InRange(documents, 0, CorpusSize - 1);
    }

    private string[] Args(Corpus corpus, params string[] mode) => [.. mode, "--source", corpus.Folder, "--index", IndexRoot];

    // Commits every 1,000 changes (the setting through the environment, as ops would set it), so these passes commit
    // several times before they end.
    private WorkerProcess Start(Corpus corpus, params string[] mode) =>
        WorkerProcess.StartWith(new Dictionary<string, string> { ["ARTICLEINDEXER_Indexer__CommitEvery"] = "1000" }, temp.Path, Args(corpus, mode));

    private void KillMidPass(WorkerProcess worker, string which)
    {
        var elapsed = worker.Elapsed;
        Assert.True(worker.Kill(), $"The {which} pass had ended before it could be killed; the corpus is too small for this machine. stderr: {worker.Stderr}");
        output.WriteLine($"{which} kill after {elapsed.TotalSeconds:0.00} s");
    }

    private void Report(string when, Corpus corpus) =>
        output.WriteLine($"{when}: {IndexContents.CommittedDocuments(new IndexLayout(IndexRoot).ReadablePath)} documents committed, {corpus.Ids.Count} files");
}
