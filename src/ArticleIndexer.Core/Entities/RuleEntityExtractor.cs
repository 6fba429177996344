namespace ArticleIndexer.Core.Entities;

/// <summary>
/// First-version recogniser: rules over capitalised phrases, backed by the <see cref="Gazetteer"/>.
/// <list type="number">
/// <item>Split the text into capitalised phrases ("Home Secretary Theresa May", "Mayor of Calais Natacha Bouchart").</item>
/// <item>Within a phrase, left to right: organisation heads ("Home Office"), known organisations, titles and roles
/// (kept as attributes, not as part of the name), first name + surname, name after a title, gazetteer places,
/// and a lone name before a verb of saying ("Cameron said").</item>
/// <item>Resolve within the article: a surname alone ("Cazeneuve", "May said", "Mr Cazeneuve") becomes the full
/// name seen in the same article; same-name cities prefer a country the article mentions.</item>
/// </list>
/// A later version replaces step 2 with a trained sequence tagger; the resolution steps stay.
/// </summary>
public sealed class RuleEntityExtractor(Gazetteer gazetteer) : IEntityExtractor
{
    /// <summary>Cities at least this large are places even where their name is also a common word or first name.</summary>
    internal const long LargeCityPopulation = 15_000;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "We", "They", "You", "I", "His", "Her",
        "Their", "Our", "Its", "My", "Your", "But", "And", "Or", "Nor", "If", "In", "On", "At", "As", "For", "To", "Of",
        "By", "With", "From", "So", "Yet", "Then", "When", "While", "Where", "Why", "How", "What", "Who", "Which",
    };

    /// <summary>A recogniser over the built-in gazetteer.</summary>
    public RuleEntityExtractor()
        : this(Gazetteer.Default)
    {
    }

    /// <inheritdoc />
    public EntitySet Extract(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var spans = new List<FoundSpan>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].IsCapitalized)
            {
                i++;
                continue;
            }

            var end = ChunkEnd(tokens, i);
            Segment(tokens, i, end, spans);
            i = end;
        }

        var resolver = new EntityResolver(gazetteer);
        EntityResolver.ResolvePersons(tokens, spans);
        return resolver.Aggregate(text, tokens, spans);
    }

    private static int ChunkEnd(List<Token> tokens, int start)
    {
        var j = start + 1;
        while (j < tokens.Count && !tokens[j].SentenceStart)
        {
            if (tokens[j].IsCapitalized)
            {
                j++;
            }
            else if (Lexicon.NameConnectors.Contains(tokens[j].Text) && j + 1 < tokens.Count
                     && tokens[j + 1].IsCapitalized && !tokens[j + 1].SentenceStart)
            {
                j += 2;
            }
            else
            {
                break;
            }
        }

        return j;
    }

    private void Segment(List<Token> tokens, int start, int end, List<FoundSpan> spans)
    {
        var i = start;
        while (i < end && IsLeadingNoise(tokens[i], i == start))
        {
            i++;
        }

        var roleStart = -1;
        var afterTitle = false;
        var afterUnknown = false;
        while (i < end)
        {
            var token = tokens[i];
            string? role = roleStart >= 0 ? Join(tokens, roleStart, i) : null;

            if (end - i >= 2 && Lexicon.OrganizationHeads.Contains(tokens[end - 1].Text) && !Lexicon.NameConnectors.Contains(token.Text))
            {
                spans.Add(new FoundSpan(EntityKind.Organization, i, end));
                return;
            }

            if (Lexicon.KnownOrganizations.Contains(token.Text) || (token.Text.Contains('&') && token.Text.Length <= 12))
            {
                spans.Add(new FoundSpan(EntityKind.Organization, i, i + 1));
                (i, roleStart, afterTitle) = (i + 1, -1, false);
                continue;
            }

            if (IsTitleWord(token.Text) && !(gazetteer.FirstNames.Contains(token.Text) && i + 1 < end && tokens[i + 1].IsCapitalized && !IsTitleWord(tokens[i + 1].Text)))
            {
                roleStart = roleStart < 0 ? i : roleStart;
                afterTitle = Lexicon.HeadTitles.Contains(token.Text);
                i++;
                if (afterTitle && i + 1 < end && tokens[i].Text == "of")
                {
                    var (length, entries) = MatchPlace(tokens, i + 1, end);
                    if (length > 0)
                    {
                        spans.Add(new FoundSpan(EntityKind.Place, i + 1, i + 1 + length, Place: entries[0]));
                        i += 1 + length;
                    }
                    else if (IsTitleWord(tokens[i + 1].Text))
                    {
                        i++;
                    }
                }

                continue;
            }

            var (placeLength, places) = MatchPlace(tokens, i, end);
            if (placeLength > 1)
            {
                spans.Add(new FoundSpan(EntityKind.Place, i, i + placeLength, Place: places[0]));
                (i, roleStart, afterTitle) = (i + placeLength, -1, false);
                continue;
            }

            if (gazetteer.FirstNames.Contains(token.Text) && i + 1 < end && IsNamePart(tokens[i + 1]))
            {
                var nameEnd = NameEnd(tokens, i + 1, end);
                spans.Add(new FoundSpan(EntityKind.Person, i, nameEnd, Role: role));
                (i, roleStart, afterTitle) = (nameEnd, -1, false);
                continue;
            }

            if (afterTitle && IsNamePart(token))
            {
                var nameEnd = NameEnd(tokens, i, end);
                spans.Add(new FoundSpan(EntityKind.Person, i, nameEnd, Role: role));
                (i, roleStart, afterTitle) = (nameEnd, -1, false);
                continue;
            }

            if (placeLength > 0 && !(afterUnknown && places[0].Info.Type is "city" or "region")
                && AcceptPlace(tokens, i, placeLength, end, places, spans))
            {
                spans.Add(new FoundSpan(EntityKind.Place, i, i + placeLength, Place: places[0]));
                (i, roleStart, afterTitle) = (i + placeLength, -1, false);
                continue;
            }

            if (end - i <= 3 && end < tokens.Count && Lexicon.SpeechVerbs.Contains(tokens[end].Text)
                && (end - i > 1 || !Lexicon.NeverAlone.Contains(token.Text)) && !token.IsAllCaps)
            {
                spans.Add(new FoundSpan(EntityKind.Person, i, end, Role: role));
                return;
            }

            // An unknown capitalised word: the next one is part of the same unknown name ("Middle Eastern").
            (i, roleStart, afterTitle, afterUnknown) = (i + 1, -1, false, true);
        }
    }

    private bool IsLeadingNoise(Token token, bool chunkStart) =>
        FunctionWords.Contains(token.Text)
        || (chunkStart && token.SentenceStart && gazetteer.CommonWords.Contains(token.Text.ToLowerInvariant())
            && !gazetteer.FirstNames.Contains(token.Text) && gazetteer.FindPlaces(token.Text).Count == 0);

    private bool IsTitleWord(string word) =>
        Lexicon.HeadTitles.Contains(word) || Lexicon.TitleModifiers.Contains(word) || gazetteer.Demonyms.Contains(word);

    private static bool IsNamePart(Token token) =>
        token.IsCapitalized && !Lexicon.OrganizationHeads.Contains(token.Text) && !Lexicon.HeadTitles.Contains(token.Text)
        && !Lexicon.NeverAlone.Contains(token.Text) || token.Text == "May";

    // A name runs over at most four words in all, connectors included ("Charles de Gaulle").
    private static int NameEnd(List<Token> tokens, int from, int end)
    {
        var j = from + 1;
        while (j < end && j - from < 3)
        {
            if (IsNamePart(tokens[j]))
            {
                j++;
            }
            else if (Lexicon.NameConnectors.Contains(tokens[j].Text) && j + 1 < end && IsNamePart(tokens[j + 1]))
            {
                j += 2;
            }
            else
            {
                break;
            }
        }

        return j;
    }

    private (int Length, IReadOnlyList<PlaceEntry> Entries) MatchPlace(List<Token> tokens, int start, int end)
    {
        for (var length = Math.Min(gazetteer.MaxPlaceWords, end - start); length >= 1; length--)
        {
            var entries = gazetteer.FindPlaces(Join(tokens, start, start + length));
            if (entries.Count > 0)
            {
                return (length, entries);
            }
        }

        return (0, []);
    }

    private bool AcceptPlace(List<Token> tokens, int start, int length, int chunkEnd, IReadOnlyList<PlaceEntry> entries, List<FoundSpan> spans)
    {
        var name = tokens[start].Text;
        if (length == 1 && (Lexicon.NeverAlone.Contains(name) || (name.Length <= 3 && name.All(char.IsUpper) && entries[0].Info.Type != "country")))
        {
            return false;
        }

        var best = entries[0];
        if (best.Info.Type is "country" or "area" || length > 1)
        {
            return true;
        }

        var previous = start > 0 ? tokens[start - 1] : default;
        var afterLocative = previous.IsWord && Lexicon.Locatives.Contains(previous.Text);
        var coordinated = previous.IsWord && previous.Text is "and" or "or" && spans.Count > 0
                          && spans[^1].Kind == EntityKind.Place && spans[^1].End == start - 1;
        var largest = entries.Max(e => e.Population);
        var ambiguous = gazetteer.CommonWords.Contains(name.ToLowerInvariant()) || gazetteer.FirstNames.Contains(name);
        var beforeSpeech = start + length == chunkEnd && chunkEnd < tokens.Count && Lexicon.SpeechVerbs.Contains(tokens[chunkEnd].Text);
        if (beforeSpeech && largest < LargeCityPopulation)
        {
            return false;
        }

        return !ambiguous || afterLocative || coordinated || largest >= LargeCityPopulation;
    }

    private static string Join(List<Token> tokens, int start, int end) => EntityResolver.Join(tokens, start, end);
}
