namespace ArticleIndexer.Core.Entities;

/// <summary>A word, number or punctuation mark, with its place in the text.</summary>
/// <param name="Text">The characters.</param>
/// <param name="Offset">Offset of the first character in the text.</param>
/// <param name="IsWord">True for words and numbers, false for punctuation.</param>
/// <param name="SentenceStart">True for the first word of a sentence (or of a quotation opening one).</param>
internal readonly record struct Token(string Text, int Offset, bool IsWord, bool SentenceStart)
{
    public int End => Offset + Text.Length;

    public bool IsCapitalized => IsWord && char.IsUpper(Text[0]);

    public bool IsAllCaps => IsWord && Text.Length >= 2 && Text.All(c => !char.IsLetter(c) || char.IsUpper(c)) && Text.Any(char.IsLetter);

    public bool StartsWithDigit => IsWord && char.IsDigit(Text[0]);
}

/// <summary>
/// Splits text into tokens that keep their offsets. Words keep inner hyphens, apostrophes, ampersands and the dots
/// of initialisms ("Pas-de-Calais", "O'Brien", "P&amp;O", "U.S."); a possessive "'s" is a token of its own.
/// </summary>
internal static class Tokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Sr", "Jr", "Prof", "Gen", "Col", "Capt", "Lt", "Sgt", "Rev", "Gov", "Sen",
        "Rep", "No", "Co", "Corp", "Inc", "Ltd", "vs", "v", "e.g", "i.e", "approx", "Mt", "Ft",
    };

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                sentenceStart = true;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var end = ScanWord(text, i);
                var word = text[i..end];
                tokens.Add(new Token(word, i, true, sentenceStart));
                sentenceStart = false;
                i = end;
                continue;
            }

            // Punctuation: one character a token. A sentence ends at . ! ? (not after an abbreviation or initial),
            // and a quotation opened after a sentence end or a colon starts one.
            var wasStart = sentenceStart;
            tokens.Add(new Token(text[i].ToString(), i, false, false));
            if (c is '!' or '?' or '…' || (c == '.' && !AfterAbbreviation(tokens)))
            {
                sentenceStart = true;
            }
            else if (c == ':')
            {
                sentenceStart = true;
            }
            else if (c is '"' or '“' or '‘' or '\'' or '(' or '«' or '„' or '”' or '’' or ')' or '»')
            {
                sentenceStart = wasStart;
            }
            else
            {
                sentenceStart = false;
            }

            i++;
        }

        return tokens;
    }

    private static int ScanWord(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                i++;
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if ((c is '\'' or '’') && (next is 's' or 'S') && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                break; // possessive: "May's" is "May" + "'s"
            }

            if ((c is '-' or '\'' or '’' or '&' or '.') && char.IsLetterOrDigit(next))
            {
                if (c == '.' && !IsInitialism(text, start, i))
                {
                    break;
                }

                i += 2;
                continue;
            }

            if (c == '.' && IsInitialism(text, start, i) && i - start >= 3)
            {
                i++; // the last dot of "U.S."
            }

            break;
        }

        return i;
    }

    // "U.S", "e.g": single letters separated by dots.
    private static bool IsInitialism(string text, int start, int dot)
    {
        for (var k = start; k < dot; k++)
        {
            var isLetterPosition = (k - start) % 2 == 0;
            if (isLetterPosition ? !char.IsLetter(text[k]) : text[k] != '.')
            {
                return false;
            }
        }

        return dot + 1 < text.Length && (char.IsLetter(text[dot + 1]) || (dot - start) >= 3);
    }

    private static bool AfterAbbreviation(List<Token> tokens)
    {
        if (tokens.Count < 2 || !tokens[^2].IsWord || tokens[^2].End != tokens[^1].Offset)
        {
            return false;
        }

        var word = tokens[^2].Text;
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }
}
