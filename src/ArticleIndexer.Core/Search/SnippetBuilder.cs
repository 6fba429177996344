using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArticleIndexer.Core.Search;

/// <summary>
/// Picks the passage of an article that holds the most distinct query terms and marks them, by analysing the stored
/// text again with the index's own analyser (so "migrants" matches "migrant"). No Highlighter package is needed.
/// </summary>
internal static class SnippetBuilder
{
    /// <summary>The passage's target length in characters.</summary>
    public const int Length = 240;

    /// <summary>
    /// The best passage of <paramref name="text"/> for <paramref name="terms"/> (analysed terms), and a second one when
    /// matches remain outside the first: then both, shorter (<see cref="Length"/> × 2/3 each), in text order, joined by a
    /// space. The start of the text when nothing matches.
    /// </summary>
    public static Snippet Build(Analyzer analyzer, string field, string text, IReadOnlySet<string> terms)
    {
        var matches = terms.Count == 0 ? [] : FindMatches(analyzer, field, text, terms);
        if (matches.Count == 0)
        {
            return Cut(text, 0, [], Length).Snippet;
        }

        var best = BestWindow(matches, _ => true, []);
        var first = Cut(text, matches[best].Start, matches, Length);
        var seen = matches.Where(m => m.Start >= first.Start && m.End <= first.End).Select(m => m.Term).ToHashSet(StringComparer.Ordinal);
        var outside = (Func<(int Start, int End, string Term), bool>)(m => m.End <= first.Start || m.Start >= first.End);
        if (!matches.Any(outside))
        {
            return first.Snippet;
        }

        // Two passages: each shorter, so the pair stays about one and a third passages long.
        const int shorter = Length * 2 / 3;
        first = Cut(text, matches[best].Start, matches, shorter);
        var next = BestWindow(matches, m => m.End <= first.Start || m.Start >= first.End, seen);
        if (next < 0)
        {
            return first.Snippet;
        }

        var second = Cut(text, matches[next].Start, matches, shorter);
        if (second.Start < first.End && first.Start < second.End)
        {
            return first.Snippet;
        }

        var (a, b) = first.Start < second.Start ? (first.Snippet, second.Snippet) : (second.Snippet, first.Snippet);
        var shift = a.Text.Length + 1;
        return new Snippet(a.Text + " " + b.Text, a.Highlights.Concat(b.Highlights.Select(h => h with { Start = h.Start + shift })).ToArray());
    }

    // The index of the match that starts the window holding the most distinct terms (terms not in seen count double);
    // ties go to the earliest; -1 when no match passes the filter.
    private static int BestWindow(List<(int Start, int End, string Term)> matches, Func<(int Start, int End, string Term), bool> allowed, HashSet<string> seen)
    {
        var bestStart = -1;
        var bestScore = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            if (!allowed(matches[i]))
            {
                continue;
            }

            var distinct = new HashSet<string>(StringComparer.Ordinal);
            for (var j = i; j < matches.Count && matches[j].End - matches[i].Start <= Length - 40 && allowed(matches[j]); j++)
            {
                distinct.Add(matches[j].Term);
            }

            var score = distinct.Count + distinct.Count(t => !seen.Contains(t));
            if (score > bestScore)
            {
                (bestScore, bestStart) = (score, i);
            }
        }

        return bestStart;
    }

    private static List<(int Start, int End, string Term)> FindMatches(Analyzer analyzer, string field, string text, IReadOnlySet<string> terms)
    {
        var matches = new List<(int, int, string)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (terms.Contains(value))
            {
                matches.Add((offset.StartOffset, offset.EndOffset, value));
            }
        }

        stream.End();
        return matches;
    }

    // The passage around focus, with the range of text it covers.
    private static (Snippet Snippet, int Start, int End) Cut(string text, int focus, List<(int Start, int End, string Term)> matches, int length)
    {
        // Start a little before the first match, at a sentence or word boundary.
        var start = Math.Max(0, focus - 60);
        if (start > 0)
        {
            var sentence = text.LastIndexOfAny(['.', '\n', '!', '?'], focus - 1, focus - start);
            start = sentence >= start ? sentence + 1 : text.IndexOf(' ', start) + 1;
            while (start < focus && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        var end = Math.Min(text.Length, start + length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            end = space > focus ? space : end;
        }

        // Paragraph breaks become one space; positions[i] is where text[start + i] lands in the passage.
        var passage = new System.Text.StringBuilder(end - start + 2);
        var positions = new int[end - start + 1];
        if (start > 0)
        {
            passage.Append('…');
        }

        for (var i = start; i < end; i++)
        {
            positions[i - start] = passage.Length;
            var c = text[i];
            if (c == '\n')
            {
                if (passage.Length > 0 && passage[^1] != ' ')
                {
                    passage.Append(' ');
                }
            }
            else
            {
                passage.Append(c);
            }
        }

        positions[end - start] = passage.Length;
        if (end < text.Length)
        {
            passage.Append('…');
        }

        var highlights = matches
            .Where(m => m.Start >= start && m.End <= end)
            .Select(m => new HighlightRange(positions[m.Start - start], positions[m.End - start] - positions[m.Start - start]))
            .ToArray();
        return (new Snippet(passage.ToString(), highlights), start, end);
    }
}
