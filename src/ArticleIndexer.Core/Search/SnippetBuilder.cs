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

    public static Snippet Build(Analyzer analyzer, string field, string text, IReadOnlySet<string> terms)
    {
        var matches = terms.Count == 0 ? [] : FindMatches(analyzer, field, text, terms);
        if (matches.Count == 0)
        {
            return Cut(text, 0, []);
        }

        // The window starting at a match that covers the most distinct terms; ties go to the earliest.
        var bestStart = 0;
        var bestScore = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            for (var j = i; j < matches.Count && matches[j].End - matches[i].Start <= Length - 40; j++)
            {
                distinct.Add(matches[j].Term);
            }

            if (distinct.Count > bestScore)
            {
                (bestScore, bestStart) = (distinct.Count, i);
            }
        }

        return Cut(text, matches[bestStart].Start, matches);
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

    private static Snippet Cut(string text, int focus, List<(int Start, int End, string Term)> matches)
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

        var end = Math.Min(text.Length, start + Length);
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
        return new Snippet(passage.ToString(), highlights);
    }
}
