using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Operations.Passes;

namespace ArticleIndexer.Cli;

/// <summary><c>articles check</c>: Lucene's full index check of the current generation.</summary>
public sealed partial class CliApp
{
    private Command CheckCommand()
    {
        var command = new Command(
            "check",
            "Checks the current index generation with Lucene's CheckIndex: every segment opened, every posting, stored "
            + "field and doc value decoded. Reads only. When it finds damage it says how to rebuild (exit code 3).");
        examples[command] = ["articles check", "articles check --json --index /data/index"];
        command.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(index) ?? "index");
            var clock = Stopwatch.StartNew();
            var report = IndexHealth.Check(new IndexLayout(root));
            var seconds = clock.Elapsed.TotalSeconds;
            if (parse.GetValue(json))
            {
                OperationsJson.Write(output, new CheckJson(root, report.Path, report.Clean, report.Segments, report.Documents, report.Problem, report.ChangedDuringCheck, Math.Round(seconds, 3)));
            }
            else if (report.Clean)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{report.Path}: no problem found in {report.Segments} segments, {report.Documents} documents ({seconds:0.00} s)"));
            }

            if (report.Clean)
            {
                return ExitCodes.Ok;
            }

            if (report.ChangedDuringCheck)
            {
                return Fail(ExitCodes.IndexBusy, $"A pass committed to the index while it was checked, so files changed under the check; run `articles check` again. What it saw: {report.Problem}");
            }

            return Fail(ExitCodes.IndexUnavailable, report.Path is null ? $"No index at '{root}': {report.Problem}." : $"Index check failed: {report.Problem}.");
        });
        return command;
    }
}

/// <summary><c>check --json</c>: <see cref="Path"/> is the generation checked (null without an index); <see cref="Problem"/> is null when clean.</summary>
internal sealed record CheckJson(string IndexRoot, string? Path, bool Clean, int Segments, int Documents, string? Problem, bool ChangedDuringCheck, double Seconds);
