namespace ArticleIndexer.Core.Normalization;

/// <summary>Small questions about the shape of a line of text, shared by the boilerplate and title stages.</summary>
public static class TextShape
{
    /// <summary>True when <paramref name="line"/> ends a sentence: <c>. ! ? …</c>, possibly followed by closing quotes or brackets.</summary>
    public static bool EndsSentence(string line)
    {
        var end = line.Length - 1;
        while (end >= 0 && line[end] is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or ' ')
        {
            end--;
        }

        return end >= 0 && line[end] is '.' or '!' or '?' or '…';
    }

    /// <summary>The number of space-separated words in <paramref name="line"/>.</summary>
    public static int CountWords(string line)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }
}
