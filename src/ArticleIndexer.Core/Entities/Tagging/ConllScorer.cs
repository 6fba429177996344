namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>An entity span over token positions: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct Chunk(int Start, int End, string Type);

/// <summary>Precision, recall and F1 (percent) of one entity type, with the counts behind them.</summary>
public sealed record TypeScore(string Type, double Precision, double Recall, double F1, int Gold, int Found, int Correct);

/// <summary>The scores of a tagging: per type, and micro-averaged over all types counted.</summary>
public sealed record NerScore(int Tokens, int Sentences, double TokenAccuracy, TypeScore Overall, IReadOnlyList<TypeScore> PerType);

/// <summary>
/// Exact-span scoring as <c>conlleval</c> and <c>../shared/tools/eval/conll_score.py</c> do it: chunks are decoded
/// from IOB1, IOB2 or IOBES tags with conlleval's start and end rules, never across a sentence boundary, and an
/// entity counts as correct only when its start, end and type all match.
/// </summary>
public static class ConllScorer
{
    /// <summary>Scores <paramref name="predicted"/> tags against <paramref name="gold"/> tags (whole file, in token
    /// order); <paramref name="sentenceStarts"/> are the positions that begin a sentence. With <paramref name="types"/>,
    /// only chunks of those types count, on both sides.</summary>
    public static NerScore Score(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, IReadOnlyCollection<int> sentenceStarts, IReadOnlyCollection<string>? types = null)
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException("Gold and predicted tags must be as many.", nameof(predicted));
        }

        var goldChunks = Chunks(gold, sentenceStarts).ToHashSet();
        var predictedChunks = Chunks(predicted, sentenceStarts).ToHashSet();
        if (types is { Count: > 0 })
        {
            goldChunks.RemoveWhere(c => !types.Contains(c.Type));
            predictedChunks.RemoveWhere(c => !types.Contains(c.Type));
        }

        var correct = goldChunks.Intersect(predictedChunks).ToList();
        var allTypes = goldChunks.Concat(predictedChunks).Select(c => c.Type).Concat(types ?? []).Distinct().Order(StringComparer.Ordinal);
        var perType = allTypes.Select(t => Measure(t, goldChunks.Count(c => c.Type == t), predictedChunks.Count(c => c.Type == t), correct.Count(c => c.Type == t))).ToList();
        var same = gold.Where((tag, i) => tag == predicted[i]).Count();
        return new NerScore(
            gold.Count,
            sentenceStarts.Count,
            gold.Count == 0 ? 0 : 100.0 * same / gold.Count,
            Measure("overall", goldChunks.Count, predictedChunks.Count, correct.Count),
            perType);
    }

    /// <summary>The chunks of <paramref name="tags"/>; a chunk never spans a position in <paramref name="sentenceStarts"/>.</summary>
    public static IEnumerable<Chunk> Chunks(IReadOnlyList<string> tags, IReadOnlyCollection<int> sentenceStarts)
    {
        var start = -1;
        var type = string.Empty;
        var (previousPrefix, previousType) = ('O', string.Empty);
        for (var i = 0; i < tags.Count; i++)
        {
            var (prefix, currentType) = Split(tags[i]);
            if (sentenceStarts.Contains(i))
            {
                if (start >= 0)
                {
                    yield return new Chunk(start, i, type);
                    start = -1;
                }

                (previousPrefix, previousType) = ('O', string.Empty);
            }

            if (start >= 0 && ChunkEnds(previousPrefix, prefix, previousType, currentType))
            {
                yield return new Chunk(start, i, type);
                start = -1;
            }

            if (ChunkStarts(previousPrefix, prefix, previousType, currentType))
            {
                start = i;
                type = currentType;
            }

            (previousPrefix, previousType) = (prefix, currentType);
        }

        if (start >= 0)
        {
            yield return new Chunk(start, tags.Count, type);
        }
    }

    private static TypeScore Measure(string type, int gold, int found, int correct)
    {
        var precision = found == 0 ? 0 : 100.0 * correct / found;
        var recall = gold == 0 ? 0 : 100.0 * correct / gold;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new TypeScore(type, precision, recall, f1, gold, found, correct);
    }

    // As conll_score.py's split_tag: "B-PER" is ('B', "PER"); L and U read as E and S; a bare type is inside a chunk.
    private static (char Prefix, string Type) Split(string tag)
    {
        if (tag is "O" or "" or "_" or "-")
        {
            return ('O', string.Empty);
        }

        if (tag.Length > 2 && tag[1] is '-' or '_' && tag[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U')
        {
            var prefix = tag[0] switch { 'L' => 'E', 'U' => 'S', var p => p };
            return (prefix, tag[2..]);
        }

        return ('I', tag);
    }

    private static bool ChunkEnds(char previousPrefix, char prefix, string previousType, string type) =>
        previousPrefix != 'O' && (previousPrefix is 'E' or 'S' || prefix is 'B' or 'S' or 'O' || previousType != type);

    private static bool ChunkStarts(char previousPrefix, char prefix, string previousType, string type) =>
        prefix != 'O' && (prefix is 'B' or 'S' || previousPrefix is 'O' or 'E' or 'S' || previousType != type);
}
