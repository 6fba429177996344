namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// How many articles of the archive contain each line: a site's furniture ("Sign up for our newsletter", "Follow us on
/// X") repeats across its articles, an article's sentences do not. Lines are compared by <see cref="Key"/>, which
/// ignores case, digits and punctuation, so "Updated 3 June" and "Updated 14 June" are one line ("Updated 14 July" is another).
/// Only lines seen in at least two articles are kept, so the table stays small; it is immutable once built.
/// </summary>
public sealed class LineRepeats
{
    /// <summary>Lines longer than this are never counted: a repeated paragraph that long is content (a quote, a
    /// standard disclaimer), not furniture, and the table should not grow with long text.</summary>
    public const int MaxLineLength = 300;

    private const uint Magic = 0x4C525031; // "LRP1"

    private readonly Dictionary<ulong, int> counts;

    private LineRepeats(Dictionary<ulong, int> counts, int articles)
    {
        this.counts = counts;
        Articles = articles;
    }

    /// <summary>A table that has seen no article.</summary>
    public static LineRepeats Empty { get; } = new([], 0);

    /// <summary>The number of articles counted.</summary>
    public int Articles { get; }

    /// <summary>The number of distinct lines that occur in two or more articles.</summary>
    public int RepeatedLines => counts.Count;

    /// <summary>The number of counted articles containing the line with key <paramref name="key"/> (0 or 1 when it repeats nowhere).</summary>
    public int ArticlesContaining(ulong key) => counts.TryGetValue(key, out var count) ? count : 0;

    /// <summary>The number of counted articles containing <paramref name="line"/>.</summary>
    public int ArticlesContaining(string line) => line.Length is 0 or > MaxLineLength ? 0 : ArticlesContaining(Key(line));

    /// <summary>
    /// The key of a line: a 64-bit hash of its letters, lower-cased, with every run of digits written as one <c>0</c>
    /// and everything else left out. 0 for a line with no letter or digit, never 0 otherwise.
    /// </summary>
    public static ulong Key(ReadOnlySpan<char> line)
    {
        Span<char> buffer = line.Length <= 512 ? stackalloc char[line.Length] : new char[line.Length];
        var length = 0;
        var inDigits = false;
        foreach (var c in line)
        {
            if (char.IsDigit(c))
            {
                if (!inDigits)
                {
                    buffer[length++] = '0';
                    inDigits = true;
                }

                continue;
            }

            inDigits = false;
            if (char.IsLetter(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        if (length == 0)
        {
            return 0;
        }

        // FNV-1a over the UTF-16 code units: stable across processes and versions, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in buffer[..length])
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash == 0 ? 1 : hash;
    }

    /// <summary>The distinct keys of the countable lines of <paramref name="text"/> (normalised text, <c>\n</c> line ends).</summary>
    public static ulong[] KeysOf(string text)
    {
        var keys = new HashSet<ulong>();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range);
            if (line.Length is > 0 and <= MaxLineLength && Key(line) is var key and not 0)
            {
                keys.Add(key);
            }
        }

        var result = keys.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Writes the table in a compact binary form (a 12-byte header, then 12 bytes a line).</summary>
    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Articles);
        writer.Write(counts.Count);
        foreach (var (key, count) in counts.OrderBy(pair => pair.Key))
        {
            writer.Write(key);
            writer.Write(count);
        }
    }

    /// <summary>Reads a table written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> when the stream holds something else.</summary>
    public static LineRepeats Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadUInt32() != Magic)
            {
                throw new InvalidDataException("Not a line-repeats table.");
            }

            var articles = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (articles < 0 || count < 0)
            {
                throw new InvalidDataException("A line-repeats table with negative counts.");
            }

            // A damaged count must not allocate gigabytes before the stream runs out: grow as lines are read.
            var counts = new Dictionary<ulong, int>(Math.Min(count, 1 << 16));
            for (var i = 0; i < count; i++)
            {
                counts[reader.ReadUInt64()] = reader.ReadInt32();
            }

            return new LineRepeats(counts, articles);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The line-repeats table is cut short.");
        }
    }

    /// <summary>Counts lines over articles, then builds the immutable table.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<ulong, int> counts = [];
        private int articles;

        /// <summary>Counts one article's distinct line keys (from <see cref="KeysOf"/>).</summary>
        public void Add(IEnumerable<ulong> distinctKeys)
        {
            articles++;
            foreach (var key in distinctKeys)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        /// <summary>Counts the lines of one article's normalised text.</summary>
        public void AddText(string text) => Add(KeysOf(text));

        /// <summary>The table of the lines counted in two or more articles.</summary>
        public LineRepeats Build()
        {
            var repeated = new Dictionary<ulong, int>();
            foreach (var (key, count) in counts)
            {
                if (count >= 2)
                {
                    repeated[key] = count;
                }
            }

            return new LineRepeats(repeated, articles);
        }
    }
}
