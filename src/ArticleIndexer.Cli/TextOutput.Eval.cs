using System.Globalization;

namespace ArticleIndexer.Cli;

/// <summary>
/// The human-readable output of <c>eval ner</c>: what was tagged and how fast, then one row per type and the overall
/// row, in percent with two decimals as conlleval prints them, with the entity counts behind each.
/// </summary>
internal sealed partial class TextOutput
{
    public void NerEval(NerEvalJson report)
    {
        var seconds = report.Seconds.ToString("0.00", CultureInfo.InvariantCulture);
        writer.WriteLine(
            $"{report.Gold}: {Number(report.Tokens)} tokens, {Number(report.Sentences)} sentences, {Number(report.Documents)} documents; "
            + $"tagged in {seconds} s ({Number((long)report.TokensPerSecond)} tokens/s, JIT warm-up included)");
        if (report.Types is { } types)
        {
            writer.WriteLine($"types counted: {string.Join(",", types)}");
        }

        writer.WriteLine($"{"type",-8} {"precision",9} {"recall",7} {"F1",6} {"gold",7} {"found",7} {"correct",7}");
        foreach (var score in report.PerType.Append(report.Overall))
        {
            writer.WriteLine(
                $"{score.Type,-8} {Percent(score.Precision),9} {Percent(score.Recall),7} {Percent(score.F1),6} "
                + $"{Number(score.Gold),7} {Number(score.Found),7} {Number(score.Correct),7}");
        }

        writer.WriteLine($"token accuracy {Percent(report.TokenAccuracy)}%");
        if (report.Predictions is { } predictions)
        {
            writer.WriteLine($"predictions written to {predictions}");
        }
    }

    private static string Percent(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
