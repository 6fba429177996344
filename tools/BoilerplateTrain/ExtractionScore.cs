using System.Text.RegularExpressions;

namespace BoilerplateTrain;

/// <summary>
/// The metric of ../shared/tools/eval/extraction_score.py, ported so that training can score its own cross-validated
/// output: 4-token shingles of \w+ runs, tp/fp/fn per page normalised by their sum, precision and recall averaged over
/// pages, F1 of the two means. The figures in the README always come from the Python scorer.
/// </summary>
internal static partial class ExtractionScore
{
    [GeneratedRegex(@"\w+")]
    private static partial Regex Token();

    public static string[] Tokens(string text) => Token().Matches(text).Select(m => m.Value).ToArray();

    public static Dictionary<string, int> Shingles(string[] tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length == 0)
        {
            return counts;
        }

        if (tokens.Length < 4)
        {
            counts[string.Join('\u0001', tokens)] = 1;
            return counts;
        }

        for (var i = 0; i + 4 <= tokens.Length; i++)
        {
            var key = string.Join('\u0001', tokens, i, 4);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>(precision, recall) of one page, null where the scorer leaves the page out of that mean.</summary>
    public static (double? Precision, double? Recall) Page(Dictionary<string, int> truth, string predicted)
    {
        var p = Shingles(Tokens(predicted));
        double tp = 0, fp = 0, fn = 0;
        foreach (var (k, c) in p)
        {
            var t = truth.GetValueOrDefault(k);
            tp += Math.Min(c, t);
            fp += Math.Max(0, c - t);
        }

        foreach (var (k, c) in truth)
        {
            fn += Math.Max(0, c - p.GetValueOrDefault(k));
        }

        var s = tp + fp + fn;
        if (s == 0)
        {
            return (null, null);
        }

        (tp, fp, fn) = (tp / s, fp / s, fn / s);
        double? precision = tp + fp > 0 ? (fp == 0 && fn == 0 ? 1 : tp / (tp + fp)) : null;
        double? recall = tp + fn > 0 ? (fp == 0 && fn == 0 ? 1 : tp / (tp + fn)) : null;
        return (precision, recall);
    }

    public static (double F1, double Precision, double Recall) Mean(IEnumerable<(double? Precision, double? Recall)> pages)
    {
        var list = pages.ToList();
        var ps = list.Where(x => x.Precision.HasValue).Select(x => x.Precision!.Value).ToList();
        var rs = list.Where(x => x.Recall.HasValue).Select(x => x.Recall!.Value).ToList();
        var p = ps.Count == 0 ? 0 : ps.Average();
        var r = rs.Count == 0 ? 0 : rs.Average();
        return (p + r == 0 ? 0 : 2 * p * r / (p + r), p, r);
    }
}
