using System.Diagnostics;
using ArticleIndexer.Worker.Tests.Support;

namespace ArticleIndexer.Worker.Tests;

/// <summary>The real worker process, end to end: the one test that starts <c>dotnet ArticleIndexer.Worker.dll</c>.</summary>
public sealed class WorkerProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Once_IndexesEverySeed_OnFirstPass()
    {
        using var temp = new TempFolder();
        Seeds.CopyTo(temp.Combine("seeds"));

        var (exitCode, stdout, stderr) = await RunWorkerAsync(temp, "--once", "--source", temp.Combine("seeds"), "--index", temp.Combine("index"));

        Assert.True(exitCode == 0, $"Exit code {exitCode}. stderr: {stderr}");
        Assert.Contains("5 files seen, 5 indexed", stdout, StringComparison.Ordinal);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Single(Directory.GetFiles(temp.Combine("logs"), "worker-*.clef"));
    }

    [Fact]
    public async Task Once_RefusesToWrite_WhileAnotherProcessHoldsTheIndex()
    {
        using var temp = new TempFolder();
        Seeds.CopyTo(temp.Combine("seeds"));
        string stdout, stderr;
        int exitCode;
        Assert.True(ArticleIndexer.Operations.Locking.IndexLock.TryAcquire(temp.Combine("index"), "test holder", out var held, out _));
        using (held)
        {
            (exitCode, stdout, stderr) = await RunWorkerAsync(temp, "--once", "--source", temp.Combine("seeds"), "--index", temp.Combine("index"));
        }

        Assert.Equal(3, exitCode);
        Assert.Contains($"the index is locked by test holder (pid {Environment.ProcessId} on", stderr, StringComparison.Ordinal);
        Assert.Contains("indexer.lock", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunWorkerAsync(TempFolder temp, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The current directory is the temp folder, so the worker's logs/ lands there and goes with it.
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Prepend(FindWorker()))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ARTICLEINDEXER_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"The worker did not exit within {Timeout}. stderr: {await stderr}");
            }
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The worker's own build output first, then the copy next to this assembly.</summary>
    private static string FindWorker()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var candidates = new[]
        {
            Path.Combine(Seeds.RepositoryRoot, "src", "ArticleIndexer.Worker", "bin", configuration, "net10.0", "ArticleIndexer.Worker.dll"),
            Path.Combine(AppContext.BaseDirectory, "ArticleIndexer.Worker.dll"),
        };
        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
               ?? throw new FileNotFoundException("ArticleIndexer.Worker.dll is not built: " + string.Join(", ", candidates));
    }
}
