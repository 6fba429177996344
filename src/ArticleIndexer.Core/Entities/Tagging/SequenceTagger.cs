namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>
/// The trained named-entity tagger: labels every token of a document with IOB2 tags over PER, LOC, ORG and MISC.
/// Two passes of an averaged perceptron with Viterbi decoding: the first over local and lexicon features, the second
/// with the first pass's labels as features too, among them the types the same word got elsewhere in the document,
/// so that "Blackburn" alone is tagged like "Peter Blackburn" earlier. Immutable and thread-safe: each thread keeps
/// its own <see cref="WordCache"/> of the words it has seen.
/// </summary>
public sealed class SequenceTagger
{
    private static readonly Lazy<SequenceTagger> Shared = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // The calling thread's cache, for the tagger that made it (a thread that uses two taggers starts afresh on each
    // switch, which only tests do).
    [ThreadStatic]
    private static WordCache? threadWords;

    private readonly PerceptronModel first;
    private readonly PerceptronModel second;
    private readonly FeatureExtractor extractor;

    internal SequenceTagger(PerceptronModel first, PerceptronModel second, TaggerLexicon lexicon)
    {
        this.first = first;
        this.second = second;
        extractor = new FeatureExtractor(lexicon);
    }

    /// <summary>The model built into the product (<c>Entities/Data/ner-model.bin.gz</c>), loaded on first use.</summary>
    public static SequenceTagger Default => Shared.Value;

    /// <summary>Features of the two passes, for the model file's size in the docs.</summary>
    public int FeatureCount => first.Keys.Length + second.Keys.Length;

    internal PerceptronModel First => first;

    internal PerceptronModel Second => second;

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of this version.</exception>
    public static SequenceTagger Load(Stream stream)
    {
        var stages = ModelFile.Read(stream);
        if (stages.Length != 2)
        {
            throw new InvalidDataException($"The NER model has {stages.Length} passes; this version needs 2.");
        }

        return new SequenceTagger(stages[0], stages[1], TaggerLexicon.Default);
    }

    /// <summary>Writes the model (gzip-compressed binary).</summary>
    public void Save(Stream stream) => ModelFile.Write(stream, [first, second]);

    /// <summary>The label of every token of <paramref name="document"/>, in <see cref="TaggerDocument.Tokens"/> order.</summary>
    public NerLabel[] Tag(TaggerDocument document) => Tag(document, WordsOfThisThread());

    /// <summary>Tags <paramref name="document"/> with <paramref name="words"/> as the cache of word features, or with
    /// every feature extracted anew when it is null (the labels are the same).</summary>
    internal NerLabel[] Tag(TaggerDocument document, WordCache? words)
    {
        words?.StartDocument();
        var local = extractor.ExtractLocal(document, words);
        var firstPass = Decode(first, document, local);
        return Decode(second, document, local, extractor.ExtractSecond(document, local, firstPass));
    }

    /// <summary>A new cache of word features for this tagger's models.</summary>
    internal WordCache NewWordCache(int capacity = WordCache.DefaultCapacity) => new(extractor, first, second, capacity);

    /// <summary>The first pass alone, as the second pass sees it (to measure what the second pass adds).</summary>
    public NerLabel[] TagFirstPass(TaggerDocument document) => Decode(first, document, extractor.Extract(document, null));

    internal static NerLabel[] Decode(PerceptronModel model, TaggerDocument document, FeatureSet features, FeatureSet? more = null)
    {
        const int L = NerLabels.Count;
        var labels = new NerLabel[document.Tokens.Length];
        var longest = 0;
        for (var s = 0; s + 1 < document.SentenceStarts.Length; s++)
        {
            longest = Math.Max(longest, document.SentenceStarts[s + 1] - document.SentenceStarts[s]);
        }

        var emissions = new float[longest * L];
        for (var s = 0; s + 1 < document.SentenceStarts.Length; s++)
        {
            var (start, end) = (document.SentenceStarts[s], document.SentenceStarts[s + 1]);
            var n = end - start;
            if (features.WordEntries is { } entries)
            {
                for (var t = 0; t < n; t++)
                {
                    features.Words!.Scores(model, entries[start + t]).CopyTo(emissions.AsSpan(t * L, L));
                }
            }
            else
            {
                Array.Clear(emissions, 0, n * L);
            }

            for (var t = 0; t < n; t++)
            {
                model.Score(features.Of(start + t), emissions.AsSpan(t * L, L));
                if (more is not null)
                {
                    model.Score(more.Of(start + t), emissions.AsSpan(t * L, L));
                }
            }

            Viterbi.Decode(emissions.AsSpan(0, n * L), model.Transitions, labels.AsSpan(start, n));
        }

        return labels;
    }

    private WordCache WordsOfThisThread()
    {
        var words = threadWords;
        if (words is null || !words.IsFor(first, second))
        {
            words = NewWordCache();
            threadWords = words;
        }

        return words;
    }

    private static SequenceTagger LoadEmbedded()
    {
        using var stream = ModelFile.OpenEmbedded();
        return Load(stream);
    }
}
