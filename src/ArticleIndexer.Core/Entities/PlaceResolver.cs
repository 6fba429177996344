namespace ArticleIndexer.Core.Entities;

/// <summary>
/// Decides which gazetteer place each place name of one article is, from the article's own context, and leaves a name
/// unresolved rather than guess. The candidates of a name come in three tiers: countries, regions and areas called so;
/// cities whose GeoNames main name it is; cities whose English alternate name it is ("Dunkirk" for Dunkerque). The
/// context is the set of countries the article's places are in: countries it names, names whose every main candidate
/// is in one country (by any name), then (a second round) the countries of the places the first round resolved.
/// <list type="number">
/// <item>A first-level region named like a city of 100,000 people or more in its country is left out: "London",
/// "Tokyo", "New York" are the cities, not the regions.</item>
/// <item>A name with one candidate in all is that place ("Coquelles"); a country's name is the country ("Greece",
/// not Greece, New York).</item>
/// <item>With a context, the first tier with candidates in the context's countries decides: its only one, or its
/// dominant one (at least <see cref="Dominance"/> times the population of the next); several without a dominant one
/// leave the name unresolved. "Dunkirk" with France and the United Kingdom in the article is Dunkerque, not
/// Dunkirk, New York.</item>
/// <item>Several candidates in the context's countries and none dominant: the only one inside a place the article
/// resolved or in the same county, department or state as one ("Dunkirk" with "Buffalo, New York" is Dunkirk, New
/// York), else none.</item>
/// <item>Otherwise the first tier with candidates: its dominant one when the article has no context ("Paris" alone is
/// Paris, France); with a context that none of them fits, only a country, region, area or a city of a million people
/// or more is taken ("Whitfield" in an article about Kent and Calais is not Whitfield, Pennsylvania).</item>
/// </list>
/// </summary>
internal sealed class PlaceResolver(Gazetteer gazetteer)
{
    /// <summary>How many times the next candidate's population the largest must have to be taken for the name.</summary>
    public const long Dominance = 10;

    /// <summary>A city this large, in the country of a first-level region of the same name, is what the name means.</summary>
    public const long CityOverRegionPopulation = 100_000;

    /// <summary>A city this large is taken even outside the article's countries.</summary>
    public const long WorldCityPopulation = 1_000_000;

    /// <summary>The place each of <paramref name="names"/> is, or null when unknown or still ambiguous.</summary>
    public Dictionary<string, PlaceEntry?> Resolve(IEnumerable<string> names)
    {
        var candidates = names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, Candidates, StringComparer.Ordinal);
        var context = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tiers in candidates.Values)
        {
            var all = tiers.SelectMany(t => t).ToList();
            var countries = all.Select(e => e.Info.CountryCode).Distinct().ToList();
            if (all.Count > 0 && countries is [{ } only])
            {
                context.Add(only);
            }
            else if (tiers[0].Where(e => e.Info.Type == "country").ToList() is [{ Info.CountryCode: { } named }])
            {
                context.Add(named);
            }
        }

        var resolved = candidates.Keys.ToDictionary(n => n, _ => (PlaceEntry?)null, StringComparer.Ordinal);
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, tiers) in candidates)
            {
                resolved[name] ??= Pick(tiers, context);
            }

            context.UnionWith(resolved.Values.Select(e => e?.Info.CountryCode).OfType<string>());
        }

        // Still several in the context's countries: the one inside a place the article resolved, or in the same county,
        // department or state as one ("Dunkirk" with "Buffalo, New York" is Dunkirk, New York, not Dunkirk, Indiana).
        var resolvedNames = resolved.Where(kv => kv.Value is not null)
            .SelectMany(kv => new[] { kv.Key, kv.Value!.Name, gazetteer.Directory.Describe(kv.Value).Info.Area })
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (name, tiers) in candidates)
        {
            if (resolved[name] is null && tiers.SelectMany(t => t)
                    .Where(e => e.Info.CountryCode is { } code && context.Contains(code))
                    .Where(e => Inside(e, resolvedNames)).ToList() is [var inside])
            {
                resolved[name] = inside;
            }
        }

        return resolved;
    }

    // Inside a region or area the article names: every place of a country is inside the country, which says nothing.
    private bool Inside(PlaceEntry entry, HashSet<string> names)
    {
        var info = gazetteer.Directory.Describe(entry).Info;
        return !names.Contains(entry.Name) && info.Within?.Any(w => w != info.Country && names.Contains(w)) == true;
    }

    /// <summary>True when the gazetteer knows <paramref name="name"/> as a place by any name.</summary>
    public bool IsKnown(string name) =>
        gazetteer.FindPlaces(name).Count > 0 || gazetteer.Directory.FindByAlternateName(name).Count > 0;

    private List<PlaceEntry>[] Candidates(string name)
    {
        var main = gazetteer.FindPlaces(name).Distinct().ToList();
        var alternate = gazetteer.Directory.FindByAlternateName(name).Where(e => !main.Contains(e)).Distinct().ToList();
        var cities = main.Where(e => e.Info.Type == "city").ToList();
        // A region named like a large city of its country is, in the news, the city: "London", "Tokyo", "New York",
        // "Washington" (Washington, D.C. is in no state). "Kent" has no such city in England, so it stays the county.
        var regions = main.Where(e => e.Info.Type != "city" && !cities.Concat(alternate).Any(c =>
            c.Info.CountryCode == e.Info.CountryCode && e.Info.Type == "region" && c.Population >= CityOverRegionPopulation)).ToList();
        return [regions, cities, alternate];
    }

    private static PlaceEntry? Pick(List<PlaceEntry>[] tiers, HashSet<string> context)
    {
        if (tiers.Sum(t => t.Count) == 1)
        {
            return tiers.First(t => t.Count == 1)[0];
        }

        // A country's name is the country ("Greece", not Greece, New York).
        if (tiers[0].Where(e => e.Info.Type == "country").ToList() is [var country])
        {
            return country;
        }

        if (context.Count > 0)
        {
            foreach (var tier in tiers)
            {
                var inContext = tier.Where(e => e.Info.CountryCode is not { } code || context.Contains(code)).ToList();
                if (inContext.Count > 0)
                {
                    return Dominant(inContext);
                }
            }
        }

        var first = tiers.FirstOrDefault(t => t.Count > 0);
        var dominant = first is null ? null : Dominant(first);
        return context.Count == 0 || dominant is null || dominant.Info.Type != "city" || dominant.Population >= WorldCityPopulation
            ? dominant
            : null;
    }

    // The only candidate, or the one with Dominance times the population of the next (candidates are largest first
    // among cities; countries, regions and areas have no population, so two of them are always ambiguous).
    private static PlaceEntry? Dominant(List<PlaceEntry> candidates)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var ordered = candidates.OrderByDescending(e => e.Population).ToList();
        return ordered[0].Population > 0 && ordered[0].Population >= Dominance * Math.Max(1, ordered[1].Population) ? ordered[0] : null;
    }
}
