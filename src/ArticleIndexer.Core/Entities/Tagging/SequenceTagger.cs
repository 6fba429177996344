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
    private readonly PairedWeights both;
    private readonly FeatureExtractor extractor;

    internal SequenceTagger(PerceptronModel first, PerceptronModel second, TaggerLexicon lexicon)
    {
        this.first = first;
        this.second = second;
        both = new PairedWeights(first, second);
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
        const int L = NerLabels.Count;
        words?.StartDocument();
        var local = extractor.ExtractLocal(document, words);

        // Both passes read the local features: their scores in both models at once, the second pass's kept for later.
        var n = document.Tokens.Length;
        var (firstScores, secondScores) = words?.Emissions(n * L) ?? (new float[n * L], new float[n * L]);
        for (var i = 0; i < n; i++)
        {
            var firstRow = firstScores.AsSpan(i * L, L);
            var secondRow = secondScores.AsSpan(i * L, L);
            if (local.WordEntries is { } entries)
            {
                // Every row is overwritten here: the lent arrays need no clearing.
                local.Words!.Scores(first, entries[i]).CopyTo(firstRow);
                local.Words.Scores(second, entries[i]).CopyTo(secondRow);
            }

            both.Score(local.Of(i), firstRow, secondRow);
        }

        var firstPass = Decode(document, firstScores, first.Transitions);
        var more = extractor.ExtractSecond(document, local, firstPass);
        for (var i = 0; i < n; i++)
        {
            second.Score(more.Of(i), secondScores.AsSpan(i * L, L));
        }

        return Decode(document, secondScores, second.Transitions);
    }

    /// <summary>A new cache of word features for this tagger's models.</summary>
    internal WordCache NewWordCache(int capacity = WordCache.DefaultCapacity) => new(extractor, first, second, capacity);

    /// <summary>The first pass alone, as the second pass sees it (to measure what the second pass adds).</summary>
    public NerLabel[] TagFirstPass(TaggerDocument document) => Decode(first, document, extractor.Extract(document, null));

    /// <summary>The labels of <paramref name="document"/> under <paramref name="model"/>, scoring each token's
    /// <paramref name="features"/> (all of them: not from a <see cref="WordCache"/>) then its <paramref name="more"/>
    /// features.</summary>
    internal static NerLabel[] Decode(PerceptronModel model, TaggerDocument document, FeatureSet features, FeatureSet? more = null)
    {
        const int L = NerLabels.Count;
        System.Diagnostics.Debug.Assert(features.WordEntries is null, "Features without their word features.");
        var emissions = new float[document.Tokens.Length * L];
        for (var i = 0; i < document.Tokens.Length; i++)
        {
            model.Score(features.Of(i), emissions.AsSpan(i * L, L));
            if (more is not null)
            {
                model.Score(more.Of(i), emissions.AsSpan(i * L, L));
            }
        }

        return Decode(document, emissions, model.Transitions);
    }

    // The best labels of each sentence under the emission scores of every token (L a token) and the transitions.
    private static NerLabel[] Decode(TaggerDocument document, float[] emissions, float[] transitions)
    {
        const int L = NerLabels.Count;
        var labels = new NerLabel[document.Tokens.Length];
        for (var s = 0; s + 1 < document.SentenceStarts.Length; s++)
        {
            var (start, end) = (document.SentenceStarts[s], document.SentenceStarts[s + 1]);
            Viterbi.Decode(emissions.AsSpan(start * L, (end - start) * L), transitions, labels.AsSpan(start, end - start));
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
