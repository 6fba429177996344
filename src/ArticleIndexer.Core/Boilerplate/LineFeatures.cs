using System.Collections.Frozen;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// What the cleaner measures on one line before deciding: its length in words, how many of them are stop words
/// ("the", "of", "and": prose has many, menus and captions few, as jusText observed), whether it ends a sentence,
/// how much of it is capitalised, and how many item separators (<c>|</c>, <c>•</c>, <c>»</c>) it holds.
/// </summary>
public readonly record struct LineFeatures(int Words, int StopWords, int Capitalized, int Letters, int Digits, int Separators, bool EndsSentence)
{
    /// <summary>The share of the words that are stop words (0 for an empty line).</summary>
    public double StopWordDensity => Words == 0 ? 0 : (double)StopWords / Words;

    /// <summary>The share of the words that start with a capital letter.</summary>
    public double CapitalizedShare => Words == 0 ? 0 : (double)Capitalized / Words;

    /// <summary>Measures <paramref name="line"/>.</summary>
    public static LineFeatures Of(string line)
    {
        int words = 0, stop = 0, capitalized = 0, letters = 0, digits = 0, separators = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                var hasLetter = false;
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || (line[i] is '\'' or '’' or '-' && i + 1 < line.Length && char.IsLetter(line[i + 1]))))
                {
                    if (char.IsLetter(line[i]))
                    {
                        letters++;
                        hasLetter = true;
                    }
                    else if (char.IsDigit(line[i]))
                    {
                        digits++;
                    }

                    i++;
                }

                words++;
                if (hasLetter && char.IsUpper(line[start]))
                {
                    capitalized++;
                }

                if (hasLetter && i - start <= 7 && IsStopWord(line.AsSpan(start, i - start)))
                {
                    stop++;
                }

                continue;
            }

            if (c is '|' or '•' or '·' or '»' or '›' or '>' or '/' or '◦' or '▪')
            {
                separators++;
            }

            i++;
        }

        return new LineFeatures(words, stop, capitalized, letters, digits, separators, TextShape.EndsSentence(line));
    }

    /// <summary>True for an English function word (case ignored).</summary>
    public static bool IsStopWord(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return StopWordLookup.Contains(lower);
    }

    private static readonly FrozenSet<string> StopWordSet = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
        "in", "into", "is", "it", "its", "it's", "itself", "just", "least", "less", "let", "like", "many", "may", "me",
        "might", "more", "most", "much", "must", "my", "myself", "never", "no", "nor", "not", "now", "of", "off", "on",
        "once", "one", "only", "or", "other", "others", "our", "ours", "out", "over", "own", "per", "quite", "rather",
        "really", "same", "she", "should", "since", "so", "some", "still", "such", "than", "that", "that's", "the",
        "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to",
        "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether",
        "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
        "your", "yours", "yourself", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't",
        "can't", "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't", "i'm", "you're", "we're",
        "they're", "he's", "she's", "there's", "i've", "we've", "you've", "they've", "i'd", "you'd", "we'll", "you'll",
        "said", "says", "say", "around", "among", "across", "along", "another", "although", "back", "well", "two",
        "first", "new", "way", "get", "got", "make", "made", "take", "go", "going", "see", "use", "used",
        "don’t", "it’s", "that’s", "you’re", "we’re", "they’re", "i’m", "can’t", "won’t", "isn’t", "doesn’t", "there’s",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWordSet.GetAlternateLookup<ReadOnlySpan<char>>();
}
