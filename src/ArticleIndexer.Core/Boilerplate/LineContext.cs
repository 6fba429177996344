namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// The model's second reading of a file (stacking, or "auto-context": Tu and Bai 2010): once every line has a first
/// score, each line is scored again from the first scores of the lines around it and from where the lines the first
/// reading kept stand: a short line among kept paragraphs reads as part of the article, a paragraph far below the
/// last kept one after a run of dropped lines as a teaser. The first reading sees the neighbours' features, not what
/// was made of them; this one sees that. Trained on the first reading's cross-validated scores by
/// <c>tools/BoilerplateTrain</c> (docs/design.md, "Second reading").
/// </summary>
internal static class LineContext
{
    private static readonly int[] Offsets = [-3, -2, -1, 1, 2, 3];

    /// <summary>The score of a line beyond the file's first or last.</summary>
    private const float Missing = -10;

    /// <summary>The features, in vector order.</summary>
    public static readonly string[] Names =
    [
        "first reading: score",
        .. Offsets.Select(o => $"first reading: score {Math.Abs(o)} line{(Math.Abs(o) == 1 ? "" : "s")} {(o < 0 ? "above" : "below")}"),
        "first reading: mean score of five lines either side", "first reading: highest score of five lines either side",
        "first reading: mean score by words of five lines either side", "first reading: mean score of fifteen lines either side",
        "first reading: share of the words near that are kept", "first reading: lines to the kept line above",
        "first reading: lines to the kept line below", "first reading: share of the kept words above",
        "first reading: share of the kept words below", "first reading: inside the kept span",
        "first reading: lines in its run", "first reading: words in its run", "first reading: kept lines",
        "first reading: kept words", "first reading: lines", "first reading: highest score", "first reading: rank of its score",
        "first reading: score of the kept line above", "first reading: score of the kept line below",
        "first reading: dropped words to the kept line above", "first reading: dropped words to the kept line below",
        "words",
    ];

    /// <summary>The length of a vector.</summary>
    public static int Length => Names.Length;

    /// <summary>
    /// The context vectors of a file's lines, one row of <see cref="Length"/> floats per line: from each line's first
    /// <paramref name="scores"/>, its <paramref name="words"/>, and which lines the first reading kept (a score of at
    /// least <paramref name="threshold"/>).
    /// </summary>
    public static float[] Build(ReadOnlySpan<double> scores, ReadOnlySpan<float> words, double threshold)
    {
        var n = scores.Length;
        var width = Length;
        var vectors = new float[n * width];
        if (n == 0)
        {
            return vectors;
        }

        // Prefix sums: kept lines, kept words, words, score, score by words.
        var keptWords = new double[n + 1];
        var allWords = new double[n + 1];
        var scoreSum = new double[n + 1];
        var weightedSum = new double[n + 1];
        var keptLines = 0;
        int first = -1, last = -1;
        var highest = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var kept = scores[i] >= threshold;
            var w = Math.Max(words[i], 0);
            keptWords[i + 1] = keptWords[i] + (kept ? w : 0);
            allWords[i + 1] = allWords[i] + w;
            scoreSum[i + 1] = scoreSum[i] + scores[i];
            weightedSum[i + 1] = weightedSum[i] + scores[i] * (w + 1);
            if (kept)
            {
                keptLines++;
                first = first < 0 ? i : first;
                last = i;
            }

            highest = Math.Max(highest, scores[i]);
        }

        // Each line's rank among the file's scores, as a share (0 lowest, 1 highest).
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var sorted = scores.ToArray();
        Array.Sort(sorted, order);
        var rank = new float[n];
        for (var r = 0; r < n; r++)
        {
            rank[order[r]] = n == 1 ? 1 : (float)r / (n - 1);
        }

        // The nearest kept line above and below each line, and the runs of like decisions.
        var above = new int[n];
        var below = new int[n];
        for (int i = 0, at = -1; i < n; i++)
        {
            above[i] = at;
            at = scores[i] >= threshold ? i : at;
        }

        for (int i = n - 1, at = -1; i >= 0; i--)
        {
            below[i] = at;
            at = scores[i] >= threshold ? i : at;
        }

        var runStart = new int[n];
        var runEnd = new int[n];
        for (var i = 0; i < n; i++)
        {
            runStart[i] = i > 0 && (scores[i - 1] >= threshold) == (scores[i] >= threshold) ? runStart[i - 1] : i;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            runEnd[i] = i < n - 1 && (scores[i + 1] >= threshold) == (scores[i] >= threshold) ? runEnd[i + 1] : i;
        }

        var totalKept = keptWords[n];
        for (var i = 0; i < n; i++)
        {
            var v = vectors.AsSpan(i * width, width);
            var k = 0;
            v[k++] = (float)scores[i];
            foreach (var offset in Offsets)
            {
                var j = i + offset;
                v[k++] = j >= 0 && j < n ? (float)scores[j] : Missing;
            }

            var (lo, hi) = (Math.Max(0, i - 5), Math.Min(n - 1, i + 5));
            var count = hi - lo; // the line itself left out
            v[k++] = count == 0 ? Missing : (float)((scoreSum[hi + 1] - scoreSum[lo] - scores[i]) / count);
            var max = Missing;
            for (var j = lo; j <= hi; j++)
            {
                max = j == i ? max : Math.Max(max, (float)scores[j]);
            }

            v[k++] = max;
            var weights = allWords[hi + 1] - allWords[lo] + (hi - lo + 1);
            v[k++] = (float)((weightedSum[hi + 1] - weightedSum[lo]) / weights);
            var (wideLo, wideHi) = (Math.Max(0, i - 15), Math.Min(n - 1, i + 15));
            v[k++] = (float)((scoreSum[wideHi + 1] - scoreSum[wideLo]) / (wideHi - wideLo + 1));
            var near = allWords[hi + 1] - allWords[lo];
            v[k++] = near <= 0 ? 0 : (float)((keptWords[hi + 1] - keptWords[lo]) / near);
            v[k++] = above[i] < 0 ? n : i - above[i];
            v[k++] = below[i] < 0 ? n : below[i] - i;
            v[k++] = totalKept <= 0 ? 0 : (float)(keptWords[i] / totalKept);
            v[k++] = totalKept <= 0 ? 0 : (float)((totalKept - keptWords[i + 1]) / totalKept);
            v[k++] = first >= 0 && i >= first && i <= last ? 1 : 0;
            v[k++] = runEnd[i] - runStart[i] + 1;
            v[k++] = (float)(allWords[runEnd[i] + 1] - allWords[runStart[i]]);
            v[k++] = keptLines;
            v[k++] = (float)totalKept;
            v[k++] = n;
            v[k++] = (float)highest;
            v[k++] = rank[i];
            v[k++] = above[i] < 0 ? Missing : (float)scores[above[i]];
            v[k++] = below[i] < 0 ? Missing : (float)scores[below[i]];
            v[k++] = above[i] < 0 ? -1 : (float)(allWords[i] - allWords[above[i] + 1]);
            v[k++] = below[i] < 0 ? -1 : (float)(allWords[below[i]] - allWords[i + 1]);
            v[k] = words[i];
        }

        return vectors;
    }
}
