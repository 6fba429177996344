using System.Diagnostics;
using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class ArticlesProcessTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public async Task TheArticlesProgram_SearchesByPersonAsJson_AndExitsWithZero()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "articles.dll");
        Assert.True(File.Exists(dll), $"articles.dll is not next to the test assembly in {AppContext.BaseDirectory}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "search", "--person", "Cazeneuve", "--index", index.IndexPath, "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == ExitCodes.Ok, $"exit code {process.ExitCode}: {await error}");
        using var json = CliJson.Parse(await output);
        Assert.Equal(4, json.RootElement.GetProperty("total").GetInt32());
        var ids = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).Order();
        Assert.Equal([Seeds.Toughen001, Seeds.Agree002, Seeds.Flow003, Seeds.Command004], ids);
        Assert.Equal(string.Empty, await error);
    }

    // The dotnet CLI tells the processes it starts where it is; fall back to the one on the PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
