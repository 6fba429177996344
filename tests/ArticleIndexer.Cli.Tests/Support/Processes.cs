using System.Diagnostics;

namespace ArticleIndexer.Cli.Tests.Support;

/// <summary>Starts the real programs: <c>dotnet articles.dll</c> and <c>dotnet ArticleIndexer.Worker.dll</c>.</summary>
public static class Processes
{
    /// <summary>articles.dll, next to the test assembly (the Cli project is a reference).</summary>
    public static string Articles
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "articles.dll");
            Assert.True(File.Exists(dll), $"articles.dll is not next to the test assembly in {AppContext.BaseDirectory}");
            return dll;
        }
    }

    /// <summary>
    /// The worker's own build output: the test project references the Worker project without its assembly, so that it
    /// is built first and nothing of it is copied here.
    /// </summary>
    public static string Worker
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
            var dll = Path.Combine(SeedIndexFixture.RepositoryRoot(), "src", "ArticleIndexer.Worker", "bin", configuration, "net10.0", "ArticleIndexer.Worker.dll");
            Assert.True(File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), $"ArticleIndexer.Worker.dll is not built: {dll}");
            return dll;
        }
    }

    /// <summary>
    /// <c>dotnet <paramref name="dll"/> <paramref name="args"/></c> in <paramref name="workingDirectory"/>, output
    /// redirected, without the <c>ARTICLEINDEXER_</c> variables of the environment the tests run in.
    /// </summary>
    public static ProcessStartInfo Dotnet(string dll, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Prepend(dll))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ARTICLEINDEXER_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        return start;
    }

    /// <summary>Runs <c>articles</c> with <paramref name="args"/> to its end (a minute at most).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> ArticlesAsync(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(Dotnet(Articles, workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"articles {string.Join(' ', args)} did not exit within a minute. stderr: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The dotnet CLI tells the processes it starts where it is; falls back to the one on the PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
