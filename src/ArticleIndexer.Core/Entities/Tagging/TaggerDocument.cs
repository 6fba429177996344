namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>
/// What the tagger reads: one article or CoNLL story as sentences of token strings. The document is the unit of the
/// tagger's second pass, which tags the same word alike across it.
/// </summary>
public sealed class TaggerDocument
{
    /// <summary>A document of <paramref name="sentences"/>; empty sentences are allowed and hold no token.</summary>
    public TaggerDocument(IReadOnlyList<string[]> sentences)
    {
        Sentences = sentences;
        SentenceStarts = new int[sentences.Count + 1];
        var count = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            SentenceStarts[s] = count;
            count += sentences[s].Length;
        }

        SentenceStarts[^1] = count;
        Tokens = new string[count];
        var k = 0;
        foreach (var sentence in sentences)
        {
            foreach (var token in sentence)
            {
                Tokens[k++] = token;
            }
        }
    }

    /// <summary>The tokens of <paramref name="text"/> as the product's recogniser gives them to the tagger: the
    /// entity tokenizer's words and punctuation, split into sentences, possessives joined ("May 's").</summary>
    public static TaggerDocument FromText(string text) => TaggerInput.From(Tokenizer.Tokenize(text)).Document;

    /// <summary>The sentences.</summary>
    public IReadOnlyList<string[]> Sentences { get; }

    /// <summary>Every token, sentence after sentence.</summary>
    public string[] Tokens { get; }

    /// <summary>The position in <see cref="Tokens"/> of each sentence's first token, then the token count.</summary>
    public int[] SentenceStarts { get; }
}
