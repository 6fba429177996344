namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// The second look of the line model: each line's first score beside the scores of the lines around it and of the page
/// as a whole, followed by the line's own vector. An article is a run of lines, so a line the first look doubts is
/// article text when the lines around it are, and a sentence of prose far from where the page's article stands (an
/// author's note, a teaser, a disclaimer) is not; a page where no line looks like an article has none.
/// </summary>
internal static class ScoreContext
{
    private static readonly string[] ContextNames =
    [
        "first look", "first look 3 lines above", "first look 2 lines above", "first look of the line above",
        "first look of the line below", "first look 2 lines below", "first look 3 lines below",
        "article share of the words within 2 lines", "best first look within 3 lines", "page: best first look",
        "page: article share of its words", "page: article words", "article words above", "lines since a sure line",
        "lines until a sure line", "rank of the first look", "first look of the long line above",
        "first look of the long line below", "page: article lines",
    ];

    /// <summary>The feature names, in vector order: the context, then <see cref="LineVectors.Names"/>.</summary>
    public static readonly string[] Names = [.. ContextNames, .. LineVectors.Names];

    /// <summary>The length of a vector.</summary>
    public static int Length => Names.Length;

    // A line that is not there (above the first, below the last) reads as this score: below any real one.
    private const float Missing = -12;

    // Scores are clamped to ±Clamp so that a missing line stays below every real one.
    private const double Clamp = 10;

    // A line the first look gives at least this probability of being article text is "sure".
    private const double Sure = 0.9;

    // Lines counted to a sure line stop here.
    private const int MaxDistance = 30;

    // A line with at least this many words is "long" (a sentence, not a label).
    private const int LongWords = 12;

    /// <summary>The second-look vectors of <paramref name="lines"/>, given their first-look <paramref name="vectors"/>
    /// (<see cref="LineVectors.Build"/>) and <paramref name="scores"/>.</summary>
    public static float[] Build(IReadOnlyList<LineBoilerplateStripper.Line> lines, float[] vectors, double[] scores)
    {
        var n = lines.Count;
        var width = Length;
        var context = ContextNames.Length;
        var result = new float[n * width];
        if (n == 0)
        {
            return result;
        }

        var s = new double[n];
        var p = new double[n];
        var words = new double[n];
        double pageWords = 0, pageArticle = 0, articleWords = 0, best = -Clamp;
        var articleLines = 0;
        for (var i = 0; i < n; i++)
        {
            s[i] = Math.Clamp(scores[i], -Clamp, Clamp);
            p[i] = 1 / (1 + Math.Exp(-s[i]));
            words[i] = lines[i].Features.Words + 1;
            pageWords += words[i];
            pageArticle += words[i] * p[i];
            best = Math.Max(best, s[i]);
            if (s[i] >= 0)
            {
                articleWords += words[i];
                articleLines++;
            }
        }

        var ranked = Enumerable.Range(0, n).OrderByDescending(i => s[i]).ThenBy(i => i).ToArray();
        var rank = new int[n];
        for (var r = 0; r < n; r++)
        {
            rank[ranked[r]] = r;
        }

        var sinceSure = new int[n];
        var last = -1;
        for (var i = 0; i < n; i++)
        {
            sinceSure[i] = last < 0 ? MaxDistance + 1 : Math.Min(i - last, MaxDistance);
            if (p[i] >= Sure)
            {
                last = i;
            }
        }

        var untilSure = new int[n];
        last = -1;
        for (var i = n - 1; i >= 0; i--)
        {
            untilSure[i] = last < 0 ? MaxDistance + 1 : Math.Min(last - i, MaxDistance);
            if (p[i] >= Sure)
            {
                last = i;
            }
        }

        var longAbove = new float[n];
        var seen = Missing;
        for (var i = 0; i < n; i++)
        {
            longAbove[i] = seen;
            if (lines[i].Features.Words >= LongWords)
            {
                seen = (float)s[i];
            }
        }

        var longBelow = new float[n];
        seen = Missing;
        for (var i = n - 1; i >= 0; i--)
        {
            longBelow[i] = seen;
            if (lines[i].Features.Words >= LongWords)
            {
                seen = (float)s[i];
            }
        }

        double articleAbove = 0;
        for (var i = 0; i < n; i++)
        {
            var v = result.AsSpan(i * width, width);
            var k = 0;
            v[k++] = (float)s[i];
            foreach (var offset in (ReadOnlySpan<int>)[-3, -2, -1, 1, 2, 3])
            {
                var j = i + offset;
                v[k++] = j >= 0 && j < n ? (float)s[j] : Missing;
            }

            double near = 0, nearWords = 0, nearBest = Missing;
            for (var j = Math.Max(0, i - 3); j <= Math.Min(n - 1, i + 3); j++)
            {
                if (j == i)
                {
                    continue;
                }

                if (Math.Abs(j - i) <= 2)
                {
                    near += words[j] * p[j];
                    nearWords += words[j];
                }

                nearBest = Math.Max(nearBest, s[j]);
            }

            v[k++] = nearWords > 0 ? (float)(near / nearWords) : -1;
            v[k++] = (float)nearBest;
            v[k++] = (float)best;
            v[k++] = (float)(pageArticle / pageWords);
            v[k++] = (float)Math.Log(1 + articleWords);
            v[k++] = articleWords > 0 ? (float)(articleAbove / articleWords) : -1;
            v[k++] = sinceSure[i];
            v[k++] = untilSure[i];
            v[k++] = (float)rank[i] / n;
            v[k++] = longAbove[i];
            v[k++] = longBelow[i];
            v[k++] = articleLines;
            vectors.AsSpan(i * LineVectors.Length, LineVectors.Length).CopyTo(v[context..]);
            if (s[i] >= 0)
            {
                articleAbove += words[i];
            }
        }

        return result;
    }
}
