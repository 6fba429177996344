using System.Globalization;

namespace ArticleIndexer.Cli;

/// <summary>
/// The human-readable output of <c>clean</c>: one line per file, as it is written, then a summary line:
/// <c>NAME  kept 12 lines, stripped 3 (ui-label 2, advertisement 1)</c>,
/// <c>NAME  skipped: Binary (the file contains NUL bytes: not text)</c>,
/// <c>400 files into /tmp/out: 396 cleaned, 2 empty (all boilerplate), 2 skipped in 1.23 s (3.40 MB/s)</c>.
/// A file that was all boilerplate is a "kept 0 lines" line, counted as empty.
/// </summary>
internal sealed partial class TextOutput
{
    public void CleanedFile(CleanResultJson result)
    {
        var line = result.Status switch
        {
            "cleaned" or "empty" => $"kept {Lines(result.Kept)}, stripped {Number(result.Stripped)}{Rules(result.Rules)}",
            "failed" => $"failed: {result.Detail}",
            _ => $"skipped: {SkipName(result.Reason)} ({result.Detail})",
        };
        writer.WriteLine($"{result.Name}  {line}");
    }

    public void CleanSummary(CleanSummaryJson summary)
    {
        var seconds = summary.Seconds.ToString("0.00", CultureInfo.InvariantCulture);
        var rate = summary.MegabytesPerSecond.ToString("0.00", CultureInfo.InvariantCulture);
        var failed = summary.Failed > 0 ? $", {Number(summary.Failed)} failed" : string.Empty;
        writer.WriteLine(
            $"{Files(summary.Files)} into {summary.Out}: {Number(summary.Cleaned)} cleaned, {Number(summary.Empty)} empty (all boilerplate), "
            + $"{Number(summary.Skipped)} skipped{failed} in {seconds} s ({rate} MB/s)");
    }

    private static string Lines(int count) => count == 1 ? "1 line" : $"{Number(count)} lines";

    private static string Files(int count) => count == 1 ? "1 file" : $"{Number(count)} files";

    private static string Rules(IReadOnlyDictionary<string, int> rules) =>
        rules.Count == 0 ? string.Empty : $" ({string.Join(", ", rules.Select(r => $"{r.Key} {Number(r.Value)}"))})";

    // The reason as the worker's log names it (the SkipReason), from the camelCase the JSON holds.
    private static string SkipName(string? reason) =>
        string.IsNullOrEmpty(reason) ? "unknown" : char.ToUpperInvariant(reason[0]) + reason[1..];
}
