using System.Diagnostics;
using System.Text.Json;
using ArticleIndexer.Worker.Tests.Support;
using Xunit.Abstractions;

namespace ArticleIndexer.Worker.Tests;

/// <summary>
/// 200 searches from separate <c>articles</c> processes while worker processes run incremental passes and rebuilds on the
/// same index: no search fails, and each sees one whole committed state of the index. The corpus goes through three
/// states, 300, 350 and 400 articles, and rebuilds of the last one run again and again, each switching generations and
/// deleting the old one under the readers. A search that lists every article (no query, no filter) reports how many the
/// index it opened holds, so any other total, a failed search, or a stream of searches going back to an older state is
/// a torn read. (That readers never see a rebuild's own intermediate commits is <c>WorkerSafetyTests</c>' killed rebuild.)
/// Starting 200 <c>dotnet</c> processes costs about 0.35 s of CPU each, so on two cores this test takes close to a minute.
/// </summary>
[Collection(Alone.Name)]
public sealed class ConcurrentSearchTests(ITestOutputHelper output) : IDisposable
{
    private const int Searches = 200;

    /// <summary>Searches run in this many parallel streams of separate processes (the machine has two cores).</summary>
    private const int Streams = 4;

    private readonly TempFolder temp = new();

    private string IndexRoot => temp.Combine("index");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task TwoHundredSearchProcesses_DuringPassesAndRebuilds_NeverFail_AndEachSeesOneCommittedState()
    {
        var corpus = Corpus.Generate(temp.Combine("articles"), 300);
        var first = await WorkerProcess.RunAsync(temp.Path, "--once", "--source", corpus.Folder, "--index", IndexRoot);
        Assert.True(first.ExitCode == 0, first.Stderr);
        int[] states = [300, 350, 400];

        var clock = Stopwatch.StartNew();
        using var done = new CancellationTokenSource();
        var rebuilding = new List<(TimeSpan From, TimeSpan To)>();
        var passes = new List<string>();
        var writer = Task.Run(async () =>
        {
            var cycle = 0;
            // Two cycles of a pass and a rebuild, then rebuilds every few seconds while searches still run.
            while (!done.IsCancellationRequested)
            {
                if (cycle == 0)
                {
                    corpus.Add(75, section: "later");
                    corpus.Delete(every: 15);
                }

                var once = await WorkerProcess.RunAsync(temp.Path, "--once", "--source", corpus.Folder, "--index", IndexRoot);
                Assert.True(once.ExitCode == 0, once.Stderr);
                passes.Add("pass: " + once.Stdout.Trim());
                if (cycle == 0)
                {
                    Assert.Equal(states[1], corpus.Ids.Count);
                    corpus.Add(50, section: "latest");
                }

                var from = clock.Elapsed;
                var rebuild = await WorkerProcess.RunAsync(temp.Path, "--rebuild", "--source", corpus.Folder, "--index", IndexRoot);
                Assert.True(rebuild.ExitCode == 0, rebuild.Stderr);
                lock (rebuilding)
                {
                    rebuilding.Add((from, clock.Elapsed));
                }

                passes.Add("rebuild: " + rebuild.Stdout.Trim());
                cycle++;

                // Leave the searches some of the two cores between rebuilds.
                await Task.Delay(TimeSpan.FromSeconds(cycle < 2 ? 1 : 5));
            }
        });

        var streams = Enumerable.Range(0, Streams).Select(stream => Task.Run(async () =>
        {
            var seen = new List<(int Total, TimeSpan Start, TimeSpan End)>();
            for (var i = stream; i < Searches; i += Streams)
            {
                var start = clock.Elapsed;
                var (code, stdout, stderr) = await SearchAsync();
                Assert.True(code == 0, $"search {i}: exit {code}: {stderr}");
                Assert.Empty(stderr);
                using var json = JsonDocument.Parse(stdout);
                seen.Add((json.RootElement.GetProperty("total").GetInt32(), start, clock.Elapsed));
            }

            return seen;
        })).ToList();

        var results = await Task.WhenAll(streams);
        await done.CancelAsync();
        await writer;
        clock.Stop();

        var all = results.SelectMany(r => r).ToList();
        var duringRebuild = all.Count(s => rebuilding.Any(r => s.Start < r.To && s.End > r.From));
        output.WriteLine($"{all.Count} searches in {clock.Elapsed.TotalSeconds:0.0} s ({Streams} streams), {duringRebuild} of them during one of {rebuilding.Count} rebuilds");
        output.WriteLine("totals seen: " + string.Join(", ", all.GroupBy(s => s.Total).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}")));
        passes.ForEach(output.WriteLine);
        Assert.Equal(Searches, all.Count);
        Assert.All(all, s => Assert.Contains(s.Total, states));
        foreach (var stream in results)
        {
            var order = stream.Select(s => Array.IndexOf(states, s.Total)).ToList();
            Assert.True(order.SequenceEqual(order.Order()), "A stream of searches went back to an older state: " + string.Join(", ", stream.Select(s => s.Total)));
        }

        Assert.True(duringRebuild > 0, "No search overlapped a rebuild: nothing concurrent was tested.");
        Assert.Equal(states[2], all.Max(s => s.Total));
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> SearchAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { ArticlesDll(), "search", "--json", "--limit", "1", "--index", IndexRoot })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The CLI's own build output (the test project references it without copying it).</summary>
    private static string ArticlesDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var dll = Path.Combine(Seeds.RepositoryRoot, "src", "ArticleIndexer.Cli", "bin", configuration, "net10.0", "articles.dll");
        Assert.True(File.Exists(dll), $"articles.dll is not built: {dll}");
        return dll;
    }
}

/// <summary>Tests that load the machine so much that timing-sensitive tests beside them would fail: run after the others, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "alone";
}
