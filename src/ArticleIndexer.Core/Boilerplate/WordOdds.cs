using System.Collections.Frozen;
namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// How much more often each word is found in article lines than in the furniture around them, as a log-odds learned
/// from the dev sets ("subscribe", "newsletter", "reply", "editor", "©" lean one way; "said", "however" the other).
/// Only words found on many different pages are kept, so what it learns is the vocabulary of boilerplate, not the
/// words of one site. The line model reads a line's mean, lowest and highest word odds as features.
/// </summary>
public sealed class WordOdds
{
    private const int Magic = 0x57444F44; // "DODW"
    private const int FormatVersion = 1;

    // Longer runs of letters are not words (a URL's glued path, a base64 blob); they are counted but not looked up.
    private const int MaxWordLength = 64;

    private readonly FrozenDictionary<string, float> odds;
    private readonly FrozenDictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> lookup;

    /// <summary>A table of word log-odds (words lower-cased).</summary>
    public WordOdds(IReadOnlyDictionary<string, float> odds)
    {
        this.odds = odds.ToFrozenDictionary(StringComparer.Ordinal);
        lookup = this.odds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A table without words: every line measures zero.</summary>
    public static WordOdds Empty { get; } = new(new Dictionary<string, float>());

    /// <summary>How many words the table holds.</summary>
    public int Count => odds.Count;

    /// <summary>What a line's words say: their mean, lowest and highest log-odds, and the share of its words the table knows.</summary>
    public readonly record struct Measure(float Mean, float Lowest, float Highest, float Known);

    /// <summary>Measures <paramref name="line"/>.</summary>
    public Measure Of(string line)
    {
        Span<char> lower = stackalloc char[MaxWordLength];
        float sum = 0, lowest = 0, highest = 0;
        int known = 0, words = 0;
        for (var at = 0; NextLetterRun(line, ref at, out var start, out var length);)
        {
            words++;
            if (length > MaxWordLength)
            {
                continue;
            }

            line.AsSpan(start, length).ToLowerInvariant(lower);
            if (lookup.TryGetValue(lower[..length], out var value))
            {
                sum += value;
                lowest = known == 0 ? value : Math.Min(lowest, value);
                highest = known == 0 ? value : Math.Max(highest, value);
                known++;
            }
        }

        return known == 0 ? default : new Measure(sum / known, lowest, highest, (float)known / words);
    }

    /// <summary>The words of <paramref name="line"/> as <see cref="Of"/> looks them up: runs of letters, lower-cased.</summary>
    public static IEnumerable<string> Words(string line)
    {
        for (var at = 0; NextLetterRun(line, ref at, out var start, out var length);)
        {
            if (length <= MaxWordLength)
            {
                yield return line.Substring(start, length).ToLowerInvariant();
            }
        }
    }

    /// <summary>The next run of letters in <paramref name="text"/> at or after <paramref name="at"/>, which moves past
    /// it: the words of the cleaner's vocabulary measures. False when there is none.</summary>
    internal static bool NextLetterRun(string text, ref int at, out int start, out int length)
    {
        while (at < text.Length && !char.IsLetter(text[at]))
        {
            at++;
        }

        start = at;
        while (at < text.Length && char.IsLetter(text[at]))
        {
            at++;
        }

        length = at - start;
        return length > 0;
    }

    /// <summary>Writes the table (words in ordinal order so the file is the same on every run).</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(odds.Count);
        foreach (var (word, value) in odds.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(value);
        }
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold such a table.</exception>
    internal static WordOdds Read(BinaryReader reader)
    {
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a word-odds table of a version this build reads.");
        }

        var count = reader.ReadInt32();
        var odds = new Dictionary<string, float>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            odds[reader.ReadString()] = reader.ReadSingle();
        }

        return new WordOdds(odds);
    }
}
