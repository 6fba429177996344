using System.Diagnostics.CodeAnalysis;

namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>One token line of a CoNLL file: the token (first column), the tag (last column), and the line as read.</summary>
/// <param name="Text">The token.</param>
/// <param name="Tag">The last column: the gold tag.</param>
/// <param name="Line">The whole line without its line end, to write back with a predicted tag appended.</param>
public readonly record struct ConllToken(string Text, string Tag, string Line);

/// <summary>A story of a CoNLL file: the sentences between two <c>-DOCSTART-</c> lines.</summary>
/// <param name="Sentences">The sentences, each a list of tokens.</param>
/// <param name="Header">The <c>-DOCSTART-</c> line that opened the story; null for text before the first one.</param>
public sealed record ConllDocument(IReadOnlyList<IReadOnlyList<ConllToken>> Sentences, string? Header = null)
{
    /// <summary>Every token of the story, in order.</summary>
    public IEnumerable<ConllToken> Tokens => Sentences.SelectMany(s => s);

    /// <summary>The tokens as the tagger reads them: one string per token, sentence by sentence.</summary>
    public TaggerDocument ToTaggerDocument() => new(Sentences.Select(s => s.Select(t => t.Text).ToArray()).ToArray());
}

/// <summary>
/// A CoNLL-2003 file: one token per line with its tag in the last column (space-separated columns), a blank line
/// after each sentence, and a <c>-DOCSTART-</c> line starting each story. A file without <c>-DOCSTART-</c> lines is
/// one story.
/// </summary>
public sealed class ConllCorpus
{
    /// <summary>The line that starts a story.</summary>
    public const string DocStart = "-DOCSTART-";

    internal const string TooFewColumns = "{0}:{1}: expected a token and a tag separated by a space, got '{2}'.";
    internal const string BadTag = "{0}:{1}: '{2}' is not a tag: expected O or B-, I-, E-, S- and a type (B-PER).";

    private ConllCorpus(IReadOnlyList<ConllDocument> documents) => Documents = documents;

    /// <summary>The stories, in file order.</summary>
    public IReadOnlyList<ConllDocument> Documents { get; }

    /// <summary>How many tokens the file has.</summary>
    public int TokenCount => Documents.Sum(d => d.Sentences.Sum(s => s.Count));

    /// <summary>Reads <paramref name="lines"/>; a malformed line is an error naming <paramref name="name"/> and its line number.</summary>
    public static bool TryParse(IEnumerable<string> lines, string name, [NotNullWhen(true)] out ConllCorpus? corpus, [NotNullWhen(false)] out string? error)
    {
        var documents = new List<ConllDocument>();
        var sentences = new List<IReadOnlyList<ConllToken>>();
        var sentence = new List<ConllToken>();
        var number = 0;
        string? header = null;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            var columns = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length == 0)
            {
                EndSentence();
                continue;
            }

            if (columns[0] == DocStart)
            {
                EndSentence();
                EndDocument();
                header = line.TrimEnd();
                continue;
            }

            if (columns.Length < 2)
            {
                (corpus, error) = (null, string.Format(System.Globalization.CultureInfo.InvariantCulture, TooFewColumns, name, number, line));
                return false;
            }

            if (!IsTag(columns[^1]))
            {
                (corpus, error) = (null, string.Format(System.Globalization.CultureInfo.InvariantCulture, BadTag, name, number, columns[^1]));
                return false;
            }

            sentence.Add(new ConllToken(columns[0], columns[^1], line.TrimEnd()));
        }

        EndSentence();
        EndDocument();
        (corpus, error) = (new ConllCorpus(documents), null);
        return true;

        void EndSentence()
        {
            if (sentence.Count > 0)
            {
                sentences.Add(sentence);
                sentence = [];
            }
        }

        void EndDocument()
        {
            if (sentences.Count > 0)
            {
                documents.Add(new ConllDocument(sentences, header));
                sentences = [];
            }
        }
    }

    /// <summary>Reads the file at <paramref name="path"/> (UTF-8).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static bool TryRead(string path, [NotNullWhen(true)] out ConllCorpus? corpus, [NotNullWhen(false)] out string? error) =>
        TryParse(File.ReadLines(path), path, out corpus, out error);

    /// <summary>The gold labels of a sentence, as IOB2 over the four types (tags of other types become O).</summary>
    public static NerLabel[] GoldLabels(IReadOnlyList<ConllToken> sentence)
    {
        var labels = new NerLabel[sentence.Count];
        foreach (var chunk in ConllScorer.Chunks(sentence.Select(t => t.Tag).ToArray(), [0]))
        {
            var type = NerLabels.Types.IndexOf(chunk.Type);
            if (type < 0)
            {
                continue;
            }

            labels[chunk.Start] = NerLabels.Begin(type);
            for (var i = chunk.Start + 1; i < chunk.End; i++)
            {
                labels[i] = NerLabels.Inside(type);
            }
        }

        return labels;
    }

    private static bool IsTag(string tag) =>
        tag == "O" || (tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U');
}

internal static class ListExtensions
{
    public static int IndexOf<T>(this IReadOnlyList<T> list, T value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], value))
            {
                return i;
            }
        }

        return -1;
    }
}
