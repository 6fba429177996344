using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArticleIndexer.Cli.Tests.Support;

/// <summary>What one in-process run of <see cref="CliApp"/> returned and wrote.</summary>
public sealed partial record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// Runs <c>articles</c> in-process. <c>reindex --wait</c> reads the history every 50 ms and gives up after
    /// <paramref name="waitTimeout"/> (default a minute).
    /// </summary>
    public static async Task<CliRun> InvokeAsync(string[] args, bool color = false, TimeSpan? waitTimeout = null, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = new CliApp(output, error, color)
        {
            WaitTimeout = waitTimeout ?? TimeSpan.FromMinutes(1),
            WaitPollInterval = TimeSpan.FromMilliseconds(50),
        };
        var code = await app.InvokeAsync(args, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The ids of the hits of a text search output, in order: each hit starts with "id  score".</summary>
    public IReadOnlyList<string> HitIds => HitLine().Matches(Output).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>The lines written to the error writer.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The output parsed as one JSON document, its schema checked (<see cref="CliJson.Parse"/>).</summary>
    public JsonDocument Json() => CliJson.Parse(Output);

    /// <summary>The ids of the hits of a <c>search --json</c> output, in order.</summary>
    public IReadOnlyList<string> JsonHitIds()
    {
        using var json = Json();
        return json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToArray();
    }

    [GeneratedRegex(@"^(\S+)  \d+\.\d{3}(?:  \d{4}-\d{2}-\d{2})?(?:  by .+)?$", RegexOptions.Multiline)]
    private static partial Regex HitLine();
}
