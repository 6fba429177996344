using System.Diagnostics;
using System.Security.Cryptography;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Core.Tests.Support;
using ArticleIndexer.Tests.Support;
using Xunit.Abstractions;

namespace ArticleIndexer.Core.Tests.Pipeline;

/// <summary>
/// Every hostile file of <see cref="HostileFiles"/> in one pass, beside the seeds: each gets its defined outcome (an
/// article, an article with a note, or a skip with its reason), the pass goes on and counts it, the problems are kept
/// with the index and not retried until the file changes (or a pass retries them on purpose). Then the cases that need
/// timing: a file that vanishes mid-pass, one being appended to, huge files, and the size cap.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder temp = new();

    private string Source => temp.Combine("source");

    private string Index => temp.Combine("index");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Pass_GivesEveryHostileFileItsOutcome_AndIndexesTheSeedsBesideThem()
    {
        temp.CopySeeds();
        var files = HostileFiles.Write(Source);

        var summary = new ArticlePipeline().Run(Source, Index);

        output.WriteLine(summary.ToString());
        Assert.Null(summary.Error);
        var indexed = files.Count(f => f.Outcome != Expected.Skipped);
        var skipped = files.Count(f => f.Outcome == Expected.Skipped);
        Assert.Equal((Seeds.All.Length + files.Count, Seeds.All.Length + indexed, skipped, 0), (summary.Seen, summary.New, summary.Skipped, summary.Failed));
        Assert.Equal(Seeds.All.Length + indexed, summary.Documents);
        Assert.Equal(files.Count(f => f.Outcome == Expected.IndexedWithNote), summary.Noted);

        var open = ArticleSearcher.Open(Index);
        using var searcher = open.Searcher!;
        foreach (var file in files)
        {
            var problem = summary.Problems.SingleOrDefault(p => p.Path == file.RelativePath);
            var notes = summary.Notes.Where(n => n.Path == file.RelativePath).Select(n => n.Detail).ToList();
            var article = searcher.Get(Articles.ArticleId.FromRelativePath(file.RelativePath).Value);
            switch (file.Outcome)
            {
                case Expected.Skipped:
                    Assert.True(problem is not null, $"{file.Case}: not in the problems");
                    Assert.Equal(file.Reason, problem.Reason);
                    Assert.Contains(file.Detail!, problem.Detail, StringComparison.OrdinalIgnoreCase);
                    Assert.Null(article);
                    break;
                default:
                    Assert.True(problem is null, $"{file.Case}: {problem}");
                    Assert.True(article is not null, $"{file.Case}: {file.RelativePath} is not in the index");
                    Assert.Equal(file.Encoding, article.Encoding);
                    Assert.Contains(file.Marker!, article.Body, StringComparison.Ordinal);
                    Assert.DoesNotContain('\r', article.Body);
                    Assert.DoesNotContain('\0', article.Body);
                    var hits = searcher.Search(new SearchRequest { Query = file.Marker, Limit = 50 }).Results!.Hits.Select(h => h.Id);
                    Assert.Contains(article.Id, hits);
                    if (file.Outcome == Expected.IndexedWithNote)
                    {
                        Assert.Contains(notes, note => note.Contains(file.Detail!, StringComparison.Ordinal));
                    }
                    else
                    {
                        Assert.True(notes.Count == 0, $"{file.Case}: unexpected notes {string.Join("; ", notes)}");
                    }

                    break;
            }
        }

        // Decoded, not just kept: the accented and typographic characters of each legacy encoding came through.
        Assert.Contains("“café” cost €12 — a bargain", searcher.Get("windows-1252")!.Body, StringComparison.Ordinal);
        Assert.Contains("Le café de la gare à Calais était fermé", searcher.Get("latin-1")!.Body, StringComparison.Ordinal);
        Assert.Contains("Café.", searcher.Get("utf16be")!.Body, StringComparison.Ordinal);
        Assert.Contains("Café au lait", searcher.Get("invalid-utf8")!.Body, StringComparison.Ordinal);
        foreach (var seed in Seeds.All)
        {
            Assert.NotNull(searcher.Get(seed));
        }
    }

    [Fact]
    public void NextPass_RetriesProblemFilesOnlyWhenTheyChanged_OrWhenAskedTo()
    {
        var files = HostileFiles.Write(Source);
        var pipeline = new ArticlePipeline();
        var first = pipeline.Run(Source, Index);
        var problems = FileProblemsFile.Load(Index);
        Assert.Equal(files.Where(f => f.Outcome == Expected.Skipped).Select(f => f.RelativePath).Order(StringComparer.Ordinal), problems.Select(p => p.Path));

        var second = pipeline.Run(Source, Index);

        Assert.Equal((first.Skipped, first.Skipped, 0), (second.Skipped, second.NotRetried, second.Indexed));
        Assert.Contains("unchanged problem files not retried", second.ToString(), StringComparison.Ordinal);
        Assert.Equal(problems, FileProblemsFile.Load(Index));

        // The all-boilerplate file gets an article; the PNG is replaced by another binary file.
        File.WriteAllText(Path.Combine(Source, "furniture.txt"), HostileFiles.Article("hostilerepaired"));
        File.WriteAllBytes(Path.Combine(Source, "image.txt"), HostileFiles.Zip());
        var third = pipeline.Run(Source, Index);

        Assert.Equal((1, first.Skipped - 1, first.Skipped - 2), (third.New, third.Skipped, third.NotRetried));
        Assert.Contains("ZIP", FileProblemsFile.Load(Index).Single(p => p.Path == "image.txt").Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(FileProblemsFile.Load(Index), p => p.Path == "furniture.txt");

        var retried = pipeline.Run(Source, Index, retryProblems: true);

        Assert.Equal((third.Skipped, 0), (retried.Skipped, retried.NotRetried));
        var since = problems.ToDictionary(p => p.Path);
        Assert.All(FileProblemsFile.Load(Index).Where(p => p.Path != "image.txt"), p =>
        {
            Assert.Equal(since[p.Path].Since, p.Since);
            Assert.True(p.LastTried > since[p.Path].LastTried, $"{p.Path} was not tried again");
        });
    }

    [Fact]
    public void FileThatVanishesBetweenDiscoveryAndReading_IsSkipped_AndItsDocumentRemoved()
    {
        temp.CopySeeds();
        var doomed = Path.Combine(Source, "zz-vanishes.txt");
        File.WriteAllText(doomed, HostileFiles.Article("hostilevanish"));
        new ArticlePipeline().Run(Source, Index);
        File.AppendAllText(doomed, "An update.\n");
        File.AppendAllText(Path.Combine(Source, Seeds.Kent + ".txt"), "\nThe minister visited Folkestone on Monday.\n");
        // The folder has been listed when the first file is processed; the last file goes before it is read.
        var stripper = new RecordingStripper { OnStrip = () => File.Delete(doomed) };

        var summary = stripper.Pipeline().Run(Source, Index);

        Assert.Equal((6, 1, 1, 1), (summary.Seen, summary.Changed, summary.Skipped, summary.Deleted));
        var problem = Assert.Single(summary.Problems);
        Assert.Equal((nameof(SkipReason.Vanished), "zz-vanishes.txt"), (problem.Reason, problem.Path));
        Assert.Empty(FileProblemsFile.Load(Index));
        using var searcher = ArticleSearcher.Open(Index).Searcher!;
        Assert.Null(searcher.Get("zz-vanishes"));
        Assert.Equal(5, searcher.DocumentCount);
    }

    [Fact]
    public async Task FileAppendedToWhileRead_IsIndexedAsRead_AndTheNextPassCatchesUp()
    {
        var growing = Path.Combine(Source, "growing.txt");
        Directory.CreateDirectory(Source);
        File.WriteAllText(growing, HostileFiles.Article("hostilegrowing"));
        using var stop = new CancellationTokenSource();
        var appended = 0;
        var writer = Task.Run(async () =>
        {
            await using var stream = new FileStream(growing, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            while (!stop.IsCancellationRequested)
            {
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"The harbour master added line {appended++} to the report on the strike.\n"));
                await stream.FlushAsync();
                await Task.Delay(1);
            }
        });
        var pipeline = new ArticlePipeline();
        PassSummary during;
        try
        {
            while (appended < 20)
            {
                await Task.Delay(10);
            }

            during = pipeline.Run(Source, Index);
            // The file grows on after the pass read it, whatever the thread pool did meanwhile.
            var atEnd = appended;
            while (appended == atEnd)
            {
                await Task.Delay(5);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        Assert.Equal((1, 0, 0), (during.New, during.Skipped, during.Failed));
        var after = pipeline.Run(Source, Index);
        Assert.Equal(1, after.Changed);
        using var searcher = ArticleSearcher.Open(Index).Searcher!;
        var article = searcher.Get("growing")!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(growing))), article.ContentHash);
        Assert.Contains("hostilegrowing", article.Body, StringComparison.Ordinal);
        output.WriteLine($"{appended} lines appended while the first pass ran");
    }

    [Fact]
    public void FileOverTheCap_IsSkippedWithoutBeingRead_AndTheCapIsConfigurable()
    {
        Directory.CreateDirectory(Source);
        File.WriteAllText(Path.Combine(Source, "small.txt"), HostileFiles.Article("hostilesmall"));
        var pipeline = new ArticlePipeline();
        Assert.Equal(1, pipeline.Run(Source, Index).New);
        var big = Path.Combine(Source, "fifty-megabyte-line.txt");
        WriteLine(big, 50L * 1024 * 1024);
        var memoryBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var summary = pipeline.Run(Source, Index);

        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - memoryBefore;
        output.WriteLine($"50 MB line with the default cap: {clock.ElapsedMilliseconds} ms, {allocated / 1024 / 1024} MB allocated: {summary}");
        Assert.Equal((1, 1), (summary.Unchanged, summary.Skipped));
        var problem = Assert.Single(summary.Problems);
        Assert.Equal(nameof(SkipReason.TooLarge), problem.Reason);
        Assert.Contains("20,971,520-byte cap", problem.Detail, StringComparison.Ordinal);
        Assert.True(allocated < 10L * 1024 * 1024, $"{allocated:N0} bytes allocated: the file was read");

        // A smaller cap skips the small file too; a pass with it records the cap in its commit.
        var capped = new ArticlePipeline(new ArticleProcessor(maxFileBytes: 100), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ArticlePipeline>.Instance);
        var second = capped.Run(Source, Index);
        Assert.Equal((2, 1), (second.Skipped, second.Deleted));
    }

    [Theory]
    [InlineData(5)]
    public void OneLongLine_IsIndexedInLinearTime_WithEntitiesFromItsFirstMillionCharacters(int megabytes)
    {
        Directory.CreateDirectory(Source);
        WriteLine(Path.Combine(Source, "long-line.txt"), megabytes * 1024L * 1024);
        var clock = Stopwatch.StartNew();

        var summary = new ArticlePipeline().Run(Source, Index);

        output.WriteLine($"one {megabytes} MB line: {clock.ElapsedMilliseconds} ms: {summary}");
        Assert.Equal(1, summary.New);
        var note = Assert.Single(summary.Notes);
        Assert.Contains("entities from the first", note.Detail, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed} for one {megabytes} MB line");
        using var searcher = ArticleSearcher.Open(Index).Searcher!;
        Assert.Equal(1, searcher.Search(new SearchRequest { Query = "harbour" }).Results!.Total);
    }

    [Fact]
    public void TwoHundredThousandShortLines_AreIndexedInLinearTime()
    {
        Directory.CreateDirectory(Source);
        using (var writer = new StreamWriter(Path.Combine(Source, "many-lines.txt")))
        {
            writer.Write("Ferry strike ends at the port of Calais\n");
            for (var i = 0; i < 200_000; i++)
            {
                writer.Write($"Item {i} of the list.\n");
            }
        }

        var clock = Stopwatch.StartNew();

        var summary = new ArticlePipeline().Run(Source, Index);

        output.WriteLine($"200,000 short lines: {clock.ElapsedMilliseconds} ms: {summary}");
        Assert.Equal((1, 1, 0), (summary.Seen, summary.New, summary.Failed));
        // A bound on the complexity, not a speed target: a stage quadratic in the lines would take hours, while a loaded
        // machine can double a linear pass's time.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(180), $"{clock.Elapsed} for 200,000 lines");
    }

    [Fact]
    public async Task NamedPipe_IsSkippedWithoutWaitingForAWriter()
    {
        Directory.CreateDirectory(Source);
        File.WriteAllText(Path.Combine(Source, "article.txt"), HostileFiles.Article("hostilepipe"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(Source, "pipe.txt")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Opening a pipe for reading waits for a writer: a pass that did would never end.
        var summary = await Task.Run(() => new ArticlePipeline().Run(Source, Index)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((2, 1, 1), (summary.Seen, summary.New, summary.Skipped));
        Assert.Equal(("pipe.txt", nameof(SkipReason.Empty)), (summary.Problems[0].Path, summary.Problems[0].Reason));
    }

    // One line of prose words, no line break, of about `bytes` bytes.
    private static void WriteLine(string path, long bytes)
    {
        var words = "the harbour master at Calais said ferries to Dover would sail again after the strike".Split(' ');
        using var writer = new StreamWriter(path);
        var random = new Random(7);
        long written = 0;
        while (written < bytes)
        {
            var word = words[random.Next(words.Length)];
            writer.Write(word);
            writer.Write(' ');
            written += word.Length + 1;
        }
    }
}
