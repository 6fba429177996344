namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>
/// Hashes of token strings and of features, without allocating. A feature is a template number and one or two
/// 64-bit value hashes, folded to the 32-bit key the model stores. Characters are folded first (curly quotes to
/// straight ones, dashes to a hyphen), so text typed in a word processor hashes like CoNLL's ASCII.
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Hash of no characters: the start of an incremental hash.</summary>
    public const ulong Empty = FnvOffset;

    /// <summary>Hash of the characters as written (after <see cref="Fold"/>).</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = Add(h, Fold(c));
        }

        return h;
    }

    /// <summary>Hash of the lower-case form.</summary>
    public static ulong OfLower(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = Add(h, char.ToLowerInvariant(Fold(c)));
        }

        return h;
    }

    /// <summary>Adds one character to an incremental hash.</summary>
    public static ulong Add(ulong h, char c) => (h ^ c) * FnvPrime;

    /// <summary>Extends an incremental lower-case hash of words by a space and <paramref name="word"/>.</summary>
    public static ulong AddWord(ulong h, ReadOnlySpan<char> word)
    {
        if (h != FnvOffset)
        {
            h = Add(h, ' ');
        }

        foreach (var c in word)
        {
            h = Add(h, char.ToLowerInvariant(Fold(c)));
        }

        return h;
    }

    /// <summary>The 32-bit key of a feature with one value.</summary>
    public static uint Feature(int template, ulong value) => Finish(((ulong)template * 0x9E3779B97F4A7C15UL) ^ value);

    /// <summary>The 32-bit key of a feature with two values.</summary>
    public static uint Feature(int template, ulong first, ulong second) =>
        Finish(((ulong)template * 0x9E3779B97F4A7C15UL) ^ first ^ Mix(second + 0x632BE59BD9B4E019UL));

    /// <summary>Curly quotes and apostrophes to straight ones, en and em dashes to a hyphen.</summary>
    public static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2013' or '\u2014' or '\u2212' => '-',
        _ => c,
    };

    private static uint Finish(ulong h)
    {
        h = Mix(h);
        var key = (uint)(h ^ (h >> 32));
        return key == 0 ? 1u : key; // 0 marks an empty slot in the model's table
    }

    // MurmurHash3's 64-bit finaliser.
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
