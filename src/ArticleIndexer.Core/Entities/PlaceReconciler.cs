namespace ArticleIndexer.Core.Entities;

/// <summary>
/// Second opinion of the gazetteer on the tagger's mentions, within one article. CoNLL-2003 is sports-heavy newswire,
/// so the tagger has learnt that a town alone is often a club ("Leeds", ORG), that "Kent" is a cricket team, and that
/// an unknown capitalised word is often a surname; in general news they are places. A mention the tagger calls a
/// person or an organisation becomes a place when it is a gazetteer place and the article says so: the same name is
/// tagged a place elsewhere in it, written after a locative ("at Dover", "to Dover"), or coordinated with a place
/// ("Calais and Coquelles"); a single-word
/// organisation that is a country or region is a place. An untagged gazetteer place coordinated with a place ("Dover
/// and Deal") is a place.
/// </summary>
internal sealed class PlaceReconciler(Gazetteer gazetteer)
{
    /// <summary>Words after which a gazetteer name is a place, not a club or a surname.</summary>
    private static readonly HashSet<string> PlaceLocatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "from", "to", "into", "outside", "towards", "toward", "via", "around", "through", "inside", "across",
    };

    /// <summary>Applies the rules to <paramref name="spans"/> (sorted by start), in place.</summary>
    public void Reconcile(List<Token> tokens, List<FoundSpan> spans)
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            var name = EntityResolver.Join(tokens, span.Start, span.End);
            if (span.Kind == EntityKind.Place
                || (IsCandidate(tokens, span) && (AfterLocative(tokens, span.Start) || CoordinatedWithPlace(tokens, spans, k))))
            {
                places.Add(name);
            }
        }

        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            if (span.Kind == EntityKind.Place || !IsCandidate(tokens, span))
            {
                continue;
            }

            var name = EntityResolver.Join(tokens, span.Start, span.End);
            var entries = gazetteer.FindPlaces(name);
            var countryOrRegion = span.Kind == EntityKind.Organization && span.End - span.Start == 1 && entries[0].Info.Type != "city";
            if (places.Contains(name) || countryOrRegion)
            {
                spans[k] = new FoundSpan(EntityKind.Place, span.Start, span.End, Place: entries[0]);
            }
        }

        AddCoordinatedPlaces(tokens, spans);
    }

    // A person or organisation of one or two words that the gazetteer knows as a place, and that does not start
    // with a first name ("Theresa May" is not a place, "Dover" may be).
    private bool IsCandidate(List<Token> tokens, FoundSpan span) =>
        span.Kind is EntityKind.Person or EntityKind.Organization
        && span.End - span.Start <= 2
        && !(span.Kind == EntityKind.Person && span.End - span.Start == 2 && gazetteer.FirstNames.Contains(tokens[span.Start].Text))
        && gazetteer.FindPlaces(EntityResolver.Join(tokens, span.Start, span.End)).Count > 0;

    // "Calais and Coquelles", "Coquelles or Calais": next to a place, across "and" or "or".
    private static bool CoordinatedWithPlace(List<Token> tokens, List<FoundSpan> spans, int k)
    {
        var span = spans[k];
        var before = k > 0 && spans[k - 1] is { Kind: EntityKind.Place } previous && previous.End == span.Start - 1
                     && tokens[span.Start - 1].Text is "and" or "or";
        var after = k + 1 < spans.Count && spans[k + 1] is { Kind: EntityKind.Place } next && next.Start == span.End + 1
                    && tokens[span.End].Text is "and" or "or";
        return before || after;
    }

    private static bool AfterLocative(List<Token> tokens, int start) =>
        start > 0 && tokens[start - 1].IsWord && PlaceLocatives.Contains(tokens[start - 1].Text);

    // "Dover and Deal": a capitalised word after "and" or "or" that follows a place, when the gazetteer knows it.
    private void AddCoordinatedPlaces(List<Token> tokens, List<FoundSpan> spans)
    {
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            var candidate = span.End + 1;
            if (span.Kind != EntityKind.Place || candidate >= tokens.Count || tokens[span.End].Text is not ("and" or "or")
                || !tokens[candidate].IsCapitalized || tokens[candidate].SentenceStart
                || (k + 1 < spans.Count && spans[k + 1].Start <= candidate))
            {
                continue;
            }

            var entries = gazetteer.FindPlaces(tokens[candidate].Text);
            if (entries.Count > 0 && !Lexicon.NeverAlone.Contains(tokens[candidate].Text))
            {
                spans.Insert(k + 1, new FoundSpan(EntityKind.Place, candidate, candidate + 1, Place: entries[0]));
            }
        }
    }
}
