namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>Tags a CoNLL file with a <see cref="SequenceTagger"/> and scores it against the file's own tags.</summary>
public static class ConllEvaluation
{
    /// <summary>The predicted IOB2 tag of every token of <paramref name="corpus"/>, in file order. Each story is tagged
    /// as one document, on CoNLL's own tokens.</summary>
    public static string[] Tag(SequenceTagger tagger, ConllCorpus corpus)
    {
        var tags = new List<string>(corpus.TokenCount);
        foreach (var document in corpus.Documents)
        {
            tags.AddRange(tagger.Tag(document.ToTaggerDocument()).Select(l => l.ToTag()));
        }

        return [.. tags];
    }

    /// <summary>Scores <paramref name="predicted"/> (one tag per token, file order) against the corpus's tags.</summary>
    public static NerScore Score(ConllCorpus corpus, IReadOnlyList<string> predicted, IReadOnlyCollection<string>? types = null)
    {
        var gold = new List<string>(corpus.TokenCount);
        var starts = new HashSet<int>();
        foreach (var sentence in corpus.Documents.SelectMany(d => d.Sentences))
        {
            starts.Add(gold.Count);
            gold.AddRange(sentence.Select(t => t.Tag));
        }

        return ConllScorer.Score(gold, predicted, starts, types);
    }
}
