using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Titles;

/// <summary>The article split into its headline (if any) and its body.</summary>
/// <param name="Title">The headline, or null.</param>
/// <param name="Body">The kept lines after the headline, one paragraph each, separated by a blank line.</param>
public readonly record struct TitledText(string? Title, string Body);

/// <summary>
/// Finds the headline: the first kept line when it is short, starts like a sentence, does not end one, and more
/// text follows. Headlines carry no terminal punctuation; a first paragraph does.
/// </summary>
public sealed class TitleFinder
{
    /// <summary>A headline has at most this many words. Defaults to 20.</summary>
    public const int MaxWords = 20;

    /// <summary>A headline has at most this many characters. Defaults to 200.</summary>
    public const int MaxLength = 200;

    /// <summary>Splits <paramref name="text"/> into title and body.</summary>
    public TitledText Find(StrippedText text)
    {
        var kept = text.Kept;
        if (kept.Count == 0)
        {
            return new TitledText(null, string.Empty);
        }

        var first = kept[0].Text;
        var isTitle = kept.Count > 1 && LooksLikeHeadline(first);
        var bodyLines = kept.Skip(isTitle ? 1 : 0).Select(line => line.Text);
        return new TitledText(isTitle ? first : null, string.Join("\n\n", bodyLines));
    }

    internal static bool LooksLikeHeadline(string line) =>
        line.Length <= MaxLength
        && TextShape.CountWords(line) <= MaxWords
        && (char.IsUpper(line[0]) || char.IsDigit(line[0]) || line[0] is '"' or '“' or '‘' or '\'')
        && !TextShape.EndsSentence(line)
        && line[^1] is not (',' or ';' or ':' or '-' or '–' or '—')
        && !TextShape.OpensStory(line);
}
