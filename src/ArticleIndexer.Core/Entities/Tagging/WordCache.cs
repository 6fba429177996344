using System.Runtime.InteropServices;

namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>
/// What the tagger knows of a word form wherever it stands, kept across the documents one thread tags: its facts
/// (<see cref="FeatureExtractor.FactsOf"/>) and, for each pass's model, the sum of its word features' weights
/// (<see cref="FeatureExtractor.AddWordFeatures"/>). Those features come first among a token's features and the sum
/// starts from zero in the same order, so a token's score that starts from the cached sum is bit for bit the score
/// of all its features. Newswire repeats its vocabulary: most tokens skip hashing, the lexicon and a dozen model
/// lookups per pass. Not thread-safe: one per thread. Bounded: cleared between documents once it holds
/// <see cref="Capacity"/> word forms. It also lends the lists a document's feature keys are written in and the arrays
/// of its scores, so that tagging allocates no new ones.
/// </summary>
internal sealed class WordCache
{
    /// <summary>Word forms kept before the cache is cleared, by default: about 20 MB per thread at most (the strings,
    /// their facts and two rows of scores).</summary>
    public const int DefaultCapacity = 100_000;

    private const int L = PerceptronModel.Labels;

    // A list that grew beyond this many keys or scores for a long document is let go rather than kept (4 MB).
    private const int KeptKeys = 1 << 20;

    private readonly FeatureExtractor extractor;
    private readonly PerceptronModel first;
    private readonly PerceptronModel second;
    private readonly Dictionary<string, int> entries = new(StringComparer.Ordinal);
    private readonly List<uint> keys = [];
    private FeatureExtractor.WordFacts[] facts = new FeatureExtractor.WordFacts[1024];
    private float[] firstScores = new float[1024 * L];
    private float[] secondScores = new float[1024 * L];
    private float[] firstEmissions = [];
    private float[] secondEmissions = [];

    /// <summary>A cache of the words of <paramref name="extractor"/>'s features for the two passes' models.</summary>
    public WordCache(FeatureExtractor extractor, PerceptronModel first, PerceptronModel second, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.extractor = extractor;
        this.first = first;
        this.second = second;
        Capacity = capacity;
    }

    /// <summary>Word forms kept before the cache is cleared. Defaults to <see cref="DefaultCapacity"/>.</summary>
    public int Capacity { get; }

    /// <summary>Word forms held now.</summary>
    public int Count => entries.Count;

    /// <summary>The local feature keys of the document being tagged, emptied by <see cref="StartDocument"/>.</summary>
    public List<uint> LocalKeys { get; private set; } = [];

    /// <summary>The second pass's feature keys of the document being tagged, emptied by <see cref="StartDocument"/>.</summary>
    public List<uint> SecondKeys { get; private set; } = [];

    /// <summary>Whether the cache holds the scores of these two models.</summary>
    public bool IsFor(PerceptronModel firstModel, PerceptronModel secondModel) =>
        ReferenceEquals(first, firstModel) && ReferenceEquals(second, secondModel);

    /// <summary>Two arrays of at least <paramref name="length"/> scores, for the two passes' emissions of the document
    /// being tagged, lent like the key lists; their contents are left over from earlier documents.</summary>
    public (float[] First, float[] Second) Emissions(int length)
    {
        if (length > KeptKeys)
        {
            return (new float[length], new float[length]);
        }

        if (firstEmissions.Length < length)
        {
            firstEmissions = new float[Math.Max(length, 2 * firstEmissions.Length)];
            secondEmissions = new float[firstEmissions.Length];
        }

        return (firstEmissions, secondEmissions);
    }

    /// <summary>Clears the cache if it is full and empties the key lists. Call before each document: entries and
    /// keys stay valid until the next call.</summary>
    public void StartDocument()
    {
        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }

        LocalKeys = LocalKeys.Capacity > KeptKeys ? [] : LocalKeys;
        SecondKeys = SecondKeys.Capacity > KeptKeys ? [] : SecondKeys;
        LocalKeys.Clear();
        SecondKeys.Clear();
    }

    /// <summary>The entry of <paramref name="token"/>, added if the cache does not hold it yet.</summary>
    public int EntryOf(string token)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(entries, token, out var exists);
        if (!exists)
        {
            entry = entries.Count - 1;
            Add(entry, token);
        }

        return entry;
    }

    /// <summary>The facts of the word of <paramref name="entry"/>.</summary>
    public FeatureExtractor.WordFacts Facts(int entry) => facts[entry];

    /// <summary>The sum of the weights <paramref name="model"/> gives the word features of <paramref name="entry"/>.</summary>
    public ReadOnlySpan<float> Scores(PerceptronModel model, int entry) =>
        (ReferenceEquals(model, first) ? firstScores : ReferenceEquals(model, second) ? secondScores
            : throw new ArgumentException("The model is neither of the cache's.", nameof(model))).AsSpan(entry * L, L);

    private void Add(int entry, string token)
    {
        if (entry == facts.Length)
        {
            Array.Resize(ref facts, facts.Length * 2);
            Array.Resize(ref firstScores, firstScores.Length * 2);
            Array.Resize(ref secondScores, secondScores.Length * 2);
        }

        var fact = extractor.FactsOf(token);
        facts[entry] = fact;
        keys.Clear();
        FeatureExtractor.AddWordFeatures(keys, token, FeatureHash.Of(token), fact.Lower, fact.Shape);
        var features = CollectionsMarshal.AsSpan(keys);
        var firstRow = firstScores.AsSpan(entry * L, L);
        var secondRow = secondScores.AsSpan(entry * L, L);
        firstRow.Clear();
        secondRow.Clear();
        first.Score(features, firstRow);
        second.Score(features, secondRow);
    }
}
