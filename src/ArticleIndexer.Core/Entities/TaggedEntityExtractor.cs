using ArticleIndexer.Core.Entities.Tagging;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Entities;

/// <summary>
/// The product's recogniser: the trained <see cref="SequenceTagger"/> finds persons, places and organisations (CoNLL's
/// MISC names are left out), then the resolution steps of the rule-based recogniser apply within the article: titles
/// and roles before a person ("Home Secretary", "Mayor of Calais") are kept as its roles, not its name; a surname alone
/// takes the full name seen in the article; a month ("in May") is not a person; places get their gazetteer entry,
/// preferring a city in a country the article mentions.
/// </summary>
public sealed class TaggedEntityExtractor(SequenceTagger tagger, Gazetteer gazetteer) : IEntityExtractor
{
    /// <summary>A recogniser with the built-in model and gazetteer.</summary>
    public TaggedEntityExtractor()
        : this(SequenceTagger.Default, Gazetteer.Default)
    {
    }

    /// <inheritdoc />
    public EntitySet Extract(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var input = TaggerInput.From(tokens);
        var labels = tagger.Tag(input.Document);
        var spans = new List<FoundSpan>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (!labels[i].IsBegin())
            {
                continue;
            }

            var end = i + 1;
            while (end < labels.Length && labels[end].IsInside() && labels[end].TypeIndex() == labels[i].TypeIndex())
            {
                end++;
            }

            if (Found(tokens, labels[i], input.FirstToken(i), input.EndToken(end - 1), spans) is { } span)
            {
                spans.Add(span);
            }

            i = end - 1;
        }

        DatelinePlaces(text, tokens, spans);
        new PlaceReconciler(gazetteer).Reconcile(tokens, spans);
        DropNonNames(text, tokens, spans);
        CompaniesByShortName(tokens, spans);
        EntityResolver.ResolvePersons(tokens, spans);
        return new EntityResolver(gazetteer).Aggregate(text, tokens, spans);
    }

    // What the tagger takes for a name and is none, by kind of mistake, not by string: a place that the gazetteer
    // knows under no name and whose words are all common lower-case words ("Command and Control Centre") or that is one
    // word after "the" ("the Channel", "the Tunnel": place names that take "the" are in the gazetteer, "the
    // Netherlands"); a known organisation taken for a place ("Eurotunnel"); a word that is never an entity alone taken
    // for an organisation ("CCTV"), or a month's abbreviation, a sentence adverb or an earnings table's row label for
    // anything ("Feb 48.7", "Moreover,", "Revs 28.2 mln", "Nine mths"); a one-word person alone on its
    // line, which is a wire service's sign-off or a credit ("REUTER" ends every Reuters-21578 article; "Staff"), not a
    // person the article speaks of; another name of a known organisation ("told Reuter") is that organisation.
    private void DropNonNames(string text, List<Token> tokens, List<FoundSpan> spans)
    {
        var resolver = new PlaceResolver(gazetteer);
        for (var k = spans.Count - 1; k >= 0; k--)
        {
            var span = spans[k];
            var name = EntityResolver.Join(tokens, span.Start, span.End);
            var oneWord = span.End - span.Start == 1;
            if ((oneWord && (Lexicon.MonthAbbreviations.Contains(name) || Lexicon.SentenceAdverbs.Contains(name)
                    || (span.Kind == EntityKind.Organization && Lexicon.NeverAlone.Contains(name))))
                || Lexicon.TableLabels.Contains(tokens[span.End - 1].Text))
            {
                spans.RemoveAt(k);
            }
            else if (oneWord && (span.Kind == EntityKind.Person || Lexicon.OrganizationAliases.ContainsKey(name)) && AloneOnItsLine(text, tokens[span.Start]))
            {
                spans.RemoveAt(k);
            }
            else if (oneWord && span.Kind != EntityKind.Place && Lexicon.OrganizationAliases.TryGetValue(name, out var organization))
            {
                spans[k] = span with { Kind = EntityKind.Organization, Canonical = organization, Role = null };
            }
            else if (span.Kind == EntityKind.Place && span.Place is null && !resolver.IsKnown(name))
            {
                if (Lexicon.KnownOrganizations.Contains(name))
                {
                    spans[k] = span with { Kind = EntityKind.Organization };
                }
                else if (AllCommonWords(tokens, span) || (span.End - span.Start == 1 && span.Start > 0
                         && string.Equals(tokens[span.Start - 1].Text, "the", StringComparison.OrdinalIgnoreCase)))
                {
                    spans.RemoveAt(k);
                }
            }
        }
    }

    // A company named in full once ("Chrysler Corp") and then by its short name ("Chrysler is about to...") is the same
    // company, not a person the tagger took the short name for (54 Reuters-21578 articles had the person "Chrysler").
    private static void CompaniesByShortName(List<Token> tokens, List<FoundSpan> spans)
    {
        Dictionary<string, string>? companies = null;
        foreach (var span in spans)
        {
            if (span.Kind == EntityKind.Organization && span.End - span.Start >= 2 && Lexicon.CompanySuffixes.Contains(tokens[span.End - 1].Text))
            {
                (companies ??= new(StringComparer.Ordinal)).TryAdd(
                    EntityResolver.Join(tokens, span.Start, span.End - 1), span.Canonical ?? EntityResolver.Join(tokens, span.Start, span.End));
            }
        }

        if (companies is null)
        {
            return;
        }

        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            if (span.Kind == EntityKind.Person && companies.TryGetValue(EntityResolver.Join(tokens, span.Start, span.End), out var company))
            {
                spans[k] = span with { Kind = EntityKind.Organization, Canonical = company, Role = null };
            }
        }
    }

    // The place a wire dateline opens a line with is a place, whatever the tagger made of a name in capitals or of a
    // state's abbreviation: "SAO PAULO, March 3 - ", "HARTFORD, Conn., March 3 - " (persons "SAO PAULO" and "Conn" in
    // 44 and 43 Reuters-21578 articles before). One look at each line, then at each span.
    private void DatelinePlaces(string text, List<Token> tokens, List<FoundSpan> spans)
    {
        List<(int Start, int End)>? places = null;
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            if (char.IsUpper(text[lineStart]) && TextShape.DatelinePlaceLength(text.AsSpan(lineStart, lineEnd - lineStart)) is > 0 and var length)
            {
                (places ??= []).Add((lineStart, lineStart + length));
            }

            lineStart = lineEnd + 1;
        }

        if (places is null)
        {
            return;
        }

        var starts = places.ConvertAll(p => p.Start);
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            var (start, end) = (tokens[span.Start].Offset, tokens[span.End - 1].End);
            var at = starts.BinarySearch(start);
            at = at >= 0 ? at : ~at - 1; // the last dateline starting at or before the span
            if (span.Kind != EntityKind.Place && at >= 0 && end <= places[at].End)
            {
                spans[k] = Place(tokens, span.Start, span.End);
            }
        }
    }

    // Nothing but spaces and punctuation on either side of the token up to the line's ends ("REUTER", " Reuter",
    // "REUTER..."). Reads only up to the nearest letter or digit, so a long line costs no more than a short one.
    private static bool AloneOnItsLine(string text, Token token)
    {
        for (var i = token.Offset - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        for (var i = token.End; i < text.Length && text[i] != '\n'; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool AllCommonWords(List<Token> tokens, FoundSpan span) =>
        tokens.Skip(span.Start).Take(span.End - span.Start)
            .All(t => !t.IsWord || gazetteer.CommonWords.Contains(t.Text.ToLowerInvariant()) || Lexicon.NameConnectors.Contains(t.Text));

    private FoundSpan? Found(List<Token> tokens, NerLabel label, int start, int end, List<FoundSpan> spans) => label.TypeIndex() switch
    {
        0 => Person(tokens, start, end),
        1 => Place(tokens, start, end),
        2 => TitledPerson(tokens, start, end, spans) ?? new FoundSpan(EntityKind.Organization, start, end),
        _ => null,
    };

    // Titles written inside the name ("President Bill Clinton") or before it ("Mayor of Calais Natacha Bouchart")
    // become the person's role; a month in a date is no one; a name ending in a company's word is the company's.
    private FoundSpan? Person(List<Token> tokens, int start, int end)
    {
        if (end - start >= 2 && Lexicon.CompanyWords.Contains(tokens[end - 1].Text))
        {
            return new FoundSpan(EntityKind.Organization, start, end);
        }

        while (end - start >= 2 && IsTitleWord(tokens[start].Text))
        {
            start++;
        }

        if (end - start == 1 && EntityResolver.IsMonthUse(tokens, start))
        {
            return null;
        }

        var roleStart = start;
        while (roleStart > 0 && !tokens[roleStart].SentenceStart)
        {
            var previous = tokens[roleStart - 1];
            if (previous.IsCapitalized && IsTitleWord(previous.Text))
            {
                roleStart--;
            }
            else if (PlaceOfTitle(tokens, roleStart) is { } titleStart)
            {
                roleStart = titleStart; // "Mayor of Calais"
            }
            else
            {
                break;
            }
        }

        var role = roleStart < start ? EntityResolver.Join(tokens, roleStart, start) : null;
        return new FoundSpan(EntityKind.Person, start, end, Role: role);
    }

    // "Mayor of Calais Natacha Bouchart" tagged as one organisation: title words, maybe "of" and a place, then a name.
    private FoundSpan? TitledPerson(List<Token> tokens, int start, int end, List<FoundSpan> spans)
    {
        if (!Lexicon.HeadTitles.Contains(tokens[start].Text) || Lexicon.CompanyWords.Contains(tokens[end - 1].Text))
        {
            return null;
        }

        var name = start + 1;
        while (name < end && IsTitleWord(tokens[name].Text))
        {
            name++;
        }

        if (name < end && tokens[name].Text == "of")
        {
            for (var length = Math.Min(4, end - name - 2); length >= 1; length--)
            {
                var entries = gazetteer.FindPlaces(EntityResolver.Join(tokens, name + 1, name + 1 + length));
                if (entries.Count > 0)
                {
                    spans.Add(new FoundSpan(EntityKind.Place, name + 1, name + 1 + length, Place: entries[0]));
                    name += 1 + length;
                    break;
                }
            }
        }

        var isName = name < end && tokens.Skip(name).Take(end - name).All(t => t.IsCapitalized);
        return isName ? Person(tokens, name, end) : null;
    }

    // "Mayor of Calais" right before `before`: the position of "Mayor", else null.
    private int? PlaceOfTitle(List<Token> tokens, int before)
    {
        for (var length = 1; length <= Math.Min(gazetteer.MaxPlaceWords, 4); length++)
        {
            var of = before - length - 1;
            if (of < 1 || tokens[of].Text != "of" || !Lexicon.HeadTitles.Contains(tokens[of - 1].Text))
            {
                continue;
            }

            if (gazetteer.FindPlaces(EntityResolver.Join(tokens, of + 1, before)).Count > 0)
            {
                return of - 1;
            }
        }

        return null;
    }

    private FoundSpan Place(List<Token> tokens, int start, int end)
    {
        var name = EntityResolver.Join(tokens, start, end);
        var entries = gazetteer.FindPlaces(name);
        if (entries.Count == 0 && tokens[start].IsAllCaps)
        {
            // Datelines and headlines: "BRUSSELS" is Brussels.
            entries = gazetteer.FindPlaces(EntityResolver.OrdinaryCase(name));
        }

        return new FoundSpan(EntityKind.Place, start, end, Place: entries.Count > 0 ? entries[0] : null);
    }

    private bool IsTitleWord(string word) =>
        Lexicon.HeadTitles.Contains(word) || Lexicon.TitleModifiers.Contains(word) || gazetteer.Demonyms.Contains(word);
}

/// <summary>
/// The product's tokens as the tagger reads them: sentences split where the <see cref="Tokenizer"/> starts one
/// (an opening quotation mark goes with the sentence it opens), and a possessive apostrophe joined to its "s" as
/// CoNLL writes it ("May 's"). Each tagger token knows the product tokens it covers, so offsets are kept.
/// </summary>
internal sealed class TaggerInput
{
    private readonly int[] first;
    private readonly int[] end;

    private TaggerInput(TaggerDocument document, int[] first, int[] end) => (Document, this.first, this.end) = (document, first, end);

    public TaggerDocument Document { get; }

    /// <summary>The first product token of tagger token <paramref name="i"/>.</summary>
    public int FirstToken(int i) => first[i];

    /// <summary>The product token after the last one of tagger token <paramref name="i"/>.</summary>
    public int EndToken(int i) => end[i];

    public static TaggerInput From(List<Token> tokens)
    {
        var sentences = new List<string[]>();
        var current = new List<string>();
        var first = new List<int>(tokens.Count);
        var end = new List<int>(tokens.Count);
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.SentenceStart && current.Count > 0)
            {
                // Opening quotation marks and brackets just before the sentence belong to it.
                var carried = 0;
                while (carried < current.Count && IsOpening(current[^(carried + 1)]))
                {
                    carried++;
                }

                var kept = current.Count - carried;
                if (kept > 0)
                {
                    sentences.Add([.. current.Take(kept)]);
                    current = current.Skip(kept).ToList();
                }
            }

            if (token.Text is "'" or "’" && k + 1 < tokens.Count && tokens[k + 1].Text is "s" or "S"
                && tokens[k + 1].Offset == token.End && k > 0 && tokens[k - 1].End == token.Offset)
            {
                current.Add("'s");
                first.Add(k);
                end.Add(k + 2);
                k++;
                continue;
            }

            current.Add(token.Text);
            first.Add(k);
            end.Add(k + 1);
        }

        if (current.Count > 0)
        {
            sentences.Add([.. current]);
        }

        return new TaggerInput(new TaggerDocument(sentences), [.. first], [.. end]);
    }

    private static bool IsOpening(string token) => token is "\"" or "“" or "‘" or "(" or "«" or "„" or "[";
}
