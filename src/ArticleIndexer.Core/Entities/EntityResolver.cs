namespace ArticleIndexer.Core.Entities;

/// <summary>A mention found by a recogniser, over token positions (<see cref="End"/> exclusive).</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Start">First token.</param>
/// <param name="End">Token after the last.</param>
/// <param name="Canonical">The entity it resolves to, when known ("Theresa May" for "May").</param>
/// <param name="Role">The title or role written before a person ("Home Secretary").</param>
/// <param name="Place">The gazetteer entry of a place.</param>
internal sealed record FoundSpan(EntityKind Kind, int Start, int End, string? Canonical = null, string? Role = null, PlaceEntry? Place = null);

/// <summary>
/// What every recogniser does after finding its mentions, within one article: a surname alone ("Cazeneuve",
/// "Mr Cazeneuve", "May said") takes the full name seen in the same article, a month ("in May") does not; mentions
/// are grouped into entities with their aliases and roles; places are resolved from the article's context
/// (<see cref="PlaceResolver"/>).
/// </summary>
internal sealed class EntityResolver(Gazetteer gazetteer)
{
    // Forms of address, not roles: "Mr Cazeneuve" says nothing about what Cazeneuve does.
    internal static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "Mr", "Mrs", "Ms", "Miss", "Mx" };

    /// <summary>Words before a month that say it is one: "in May", "since May", "early May".</summary>
    internal static readonly HashSet<string> MonthPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "until", "till", "by", "from", "early", "late", "last", "next", "mid", "of", "during", "before", "after",
    };

    /// <summary>A surname alone takes the full name seen in the same article: "Cazeneuve", "Mr Cazeneuve", "May said".</summary>
    public static void ResolvePersons(List<Token> tokens, List<FoundSpan> spans)
    {
        var bySurname = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguousSurnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var span in spans.Where(s => s.Kind == EntityKind.Person && s.End - s.Start >= 2))
        {
            var surname = tokens[span.End - 1].Text;
            var full = Join(tokens, span.Start, span.End);
            if (bySurname.TryGetValue(surname, out var existing) && existing != full)
            {
                ambiguousSurnames.Add(surname);
            }

            bySurname[surname] = full;
        }

        foreach (var surname in ambiguousSurnames)
        {
            bySurname.Remove(surname);
        }

        var covered = new bool[tokens.Count];
        foreach (var span in spans)
        {
            for (var k = span.Start; k < span.End; k++)
            {
                covered[k] = true;
            }
        }

        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            if (span.Kind == EntityKind.Person && span.End - span.Start == 1 && bySurname.TryGetValue(tokens[span.Start].Text, out var full))
            {
                spans[k] = span with { Canonical = full };
            }
        }

        FoldCapitals(tokens, spans, bySurname);

        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (covered[t] || !token.IsCapitalized || !bySurname.TryGetValue(token.Text, out var fullName))
            {
                continue;
            }

            if (IsMonthUse(tokens, t))
            {
                continue; // "in May", "May 2015": the month, not Theresa May
            }

            spans.Add(new FoundSpan(EntityKind.Person, t, t + 1, Canonical: fullName));
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    // A name in capitals (a wire headline's "NAKASONE", "BAKER") is the article's name written in mixed case when it
    // has one ("Yasuhiro Nakasone", "James Baker"), else the name in ordinary case ("REAGAN" -> "Reagan"), so a headline
    // never makes a second person.
    private static void FoldCapitals(List<Token> tokens, List<FoundSpan> spans, Dictionary<string, string> bySurname)
    {
        Dictionary<string, string>? byCapitals = null;
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            if (span.Kind != EntityKind.Person || !InCapitals(tokens, span))
            {
                continue;
            }

            byCapitals ??= MixedCaseNames(tokens, spans, bySurname);
            var name = Join(tokens, span.Start, span.End);
            var canonical = byCapitals.TryGetValue(name, out var known)
                ? known
                : OrdinaryCase(name);
            spans[k] = span with { Canonical = canonical };
        }
    }

    // The article's mixed-case person names by their form in capitals: the name itself, and its surname when only one
    // full name has it.
    private static Dictionary<string, string> MixedCaseNames(List<Token> tokens, List<FoundSpan> spans, Dictionary<string, string> bySurname)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            if (span.Kind != EntityKind.Person || InCapitals(tokens, span))
            {
                continue;
            }

            var full = span.Canonical ?? Join(tokens, span.Start, span.End);
            names.TryAdd(Join(tokens, span.Start, span.End).ToUpperInvariant(), full);
            if (bySurname.TryGetValue(tokens[span.End - 1].Text, out var owner))
            {
                names.TryAdd(tokens[span.End - 1].Text.ToUpperInvariant(), owner);
            }
        }

        return names;
    }

    /// <summary>A name in capitals as it is written in running text: "SAO PAULO" -> "Sao Paulo".</summary>
    public static string OrdinaryCase(string name) =>
        System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());

    private static bool InCapitals(List<Token> tokens, FoundSpan span)
    {
        var letters = 0;
        for (var i = span.Start; i < span.End; i++)
        {
            foreach (var c in tokens[i].Text)
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters += char.IsLetter(c) ? 1 : 0;
            }
        }

        return letters >= 2;
    }

    /// <summary>
    /// Groups <paramref name="spans"/> into entities: places resolved by <see cref="PlaceResolver"/> from the article's
    /// context (a place it cannot resolve keeps its name and no gazetteer facts), with their region, area and the places
    /// that contain them; plus the countries the article is about through a demonym ("French police").
    /// </summary>
    public EntitySet Aggregate(string text, List<Token> tokens, List<FoundSpan> spans)
    {
        var resolver = new PlaceResolver(gazetteer);
        var placeNames = spans.Where(s => s.Kind == EntityKind.Place).Select(s => LookupName(tokens, s)).ToList();
        var places = resolver.Resolve(placeNames);
        var mentions = new List<EntityMention>(spans.Count);
        var groups = new Dictionary<(EntityKind, string), Group>();
        var order = new List<(EntityKind, string)>();
        foreach (var span in spans)
        {
            var offset = tokens[span.Start].Offset;
            var surface = text[offset..tokens[span.End - 1].End];
            var place = span.Kind == EntityKind.Place ? places[LookupName(tokens, span)] : null;
            var canonical = span.Canonical ?? place?.Name ?? (span.Kind == EntityKind.Place ? LookupName(tokens, span) : surface);
            mentions.Add(new EntityMention(span.Kind, surface, offset, canonical));
            var key = (span.Kind, canonical);
            if (!groups.TryGetValue(key, out var group))
            {
                group = new Group(canonical);
                groups[key] = group;
                order.Add(key);
            }

            group.Count++;
            group.Aliases.Add(surface);
            if (span.Role is { } role && !Honorifics.Contains(role))
            {
                group.Roles.Add(role);
            }

            group.Place ??= place is null ? null : gazetteer.Directory.Describe(place);
        }

        var entities = order.Select(key =>
        {
            var g = groups[key];
            var aliases = g.Aliases.Where(a => a != g.Canonical).Prepend(g.Canonical).ToArray();
            return new Entity(key.Item1, g.Canonical, aliases, g.Count, g.Roles.ToArray(), g.Place?.Info);
        }).ToArray();
        return new EntitySet(entities, mentions) { About = AboutLinks(tokens) };
    }

    // The name a place span is looked up by: its gazetteer entry's ("United Kingdom" for "Britain", "Brussels" for a
    // "BRUSSELS" dateline), else its words; in ordinary case when they are in capitals and no acronym ("SAO PAULO" in
    // a dateline is Sao Paulo; "UAE" stays).
    private static string LookupName(List<Token> tokens, FoundSpan span)
    {
        if (span.Place is { } place)
        {
            return place.Name;
        }

        var name = Join(tokens, span.Start, span.End);
        return InCapitals(tokens, span) && (span.End - span.Start > 1 || name.Length >= 5)
            ? OrdinaryCase(name)
            : name;
    }

    // "French police", "British-funded": a capitalised demonym of one country links the article to that country.
    private AboutLink[] AboutLinks(List<Token> tokens)
    {
        var links = new Dictionary<string, (PlaceEntry Country, HashSet<string> Words, int Count)>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (!token.IsCapitalized || gazetteer.CountryOfDemonym(token.Text) is not { Info.CountryCode: { } code } country)
            {
                continue;
            }

            var (_, words, count) = links.TryGetValue(code, out var found) ? found : (country, new HashSet<string>(StringComparer.Ordinal), 0);
            words.Add(token.Text);
            links[code] = (country, words, count + 1);
        }

        return links.Select(kv => new AboutLink(kv.Value.Country.Name, kv.Key, kv.Value.Words.Order(StringComparer.Ordinal).ToArray(), kv.Value.Count))
            .OrderByDescending(l => l.Count).ThenBy(l => l.Country, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The tokens from <paramref name="start"/> to <paramref name="end"/> (exclusive) joined by single spaces.</summary>
    public static string Join(List<Token> tokens, int start, int end) =>
        string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Text));

    /// <summary>True when the month name at <paramref name="t"/> is a month here: "in May", "May 2015", not "May's".</summary>
    public static bool IsMonthUse(List<Token> tokens, int t)
    {
        var token = tokens[t];
        var possessive = t + 2 < tokens.Count && tokens[t + 1].Text is "'" or "’" && tokens[t + 2].Text is "s" or "S";
        var nextIsNumber = t + 1 < tokens.Count && tokens[t + 1].StartsWithDigit;
        var afterMonthPreposition = t > 0 && tokens[t - 1].IsWord && MonthPrepositions.Contains(tokens[t - 1].Text);
        return Lexicon.NeverAlone.Contains(token.Text) && !possessive && (nextIsNumber || afterMonthPreposition);
    }

    private sealed class Group(string canonical)
    {
        public string Canonical { get; } = canonical;

        public int Count { get; set; }

        public HashSet<string> Aliases { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);

        public PlaceEntry? Place { get; set; }
    }
}
