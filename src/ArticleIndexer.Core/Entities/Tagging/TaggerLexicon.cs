namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>What the gazetteer says about a place name, as features.</summary>
/// <param name="Type">0 city, 1 region, 2 area, 3 country: the most general place of that name.</param>
/// <param name="PopulationBucket">For cities, the largest of that name: 0 under 15,000, 1 under 100,000, 2 under 1,000,000, 3 more; else 0.</param>
internal readonly record struct PlaceHit(byte Type, byte PopulationBucket);

/// <summary>
/// The word lists of the <see cref="Gazetteer"/> and the <see cref="Lexicon"/> as sets of lower-case hashes, so that
/// the feature extractor looks words and multi-word place names up without building strings.
/// </summary>
internal sealed class TaggerLexicon
{
    private static readonly Lazy<TaggerLexicon> Shared = new(() => new TaggerLexicon(Gazetteer.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<ulong, PlaceHit> places = [];
    private readonly HashSet<ulong> placePrefixes = [];
    private readonly HashSet<ulong> firstNames = [];
    private readonly HashSet<ulong> commonWords = [];
    private readonly HashSet<ulong> demonyms = [];
    private readonly HashSet<ulong> titles = [];
    private readonly HashSet<ulong> titleModifiers = [];
    private readonly HashSet<ulong> organizationHeads = [];
    private readonly HashSet<ulong> knownOrganizations = [];

    public TaggerLexicon(Gazetteer gazetteer)
    {
        foreach (var (name, entries) in gazetteer.PlaceNames())
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var h = FeatureHash.Empty;
            for (var i = 0; i < words.Length; i++)
            {
                h = FeatureHash.AddWord(h, words[i]);
                if (i < words.Length - 1)
                {
                    placePrefixes.Add(h);
                }
            }

            var hit = Describe(entries);
            if (places.TryGetValue(h, out var known))
            {
                hit = new PlaceHit(Math.Max(known.Type, hit.Type), Math.Max(known.PopulationBucket, hit.PopulationBucket));
            }

            places[h] = hit;
            MaxPlaceWords = Math.Max(MaxPlaceWords, words.Length);
        }

        AddAll(firstNames, gazetteer.FirstNames);
        AddAll(commonWords, gazetteer.CommonWords);
        AddAll(demonyms, gazetteer.Demonyms);
        AddAll(titles, Lexicon.HeadTitles);
        AddAll(titleModifiers, Lexicon.TitleModifiers);
        AddAll(organizationHeads, Lexicon.OrganizationHeads);
        AddAll(knownOrganizations, Lexicon.KnownOrganizations);
    }

    /// <summary>The lexicon over the built-in gazetteer, built once.</summary>
    public static TaggerLexicon Default => Shared.Value;

    /// <summary>The most words a place name has.</summary>
    public int MaxPlaceWords { get; private set; } = 1;

    public bool TryPlace(ulong wordsHash, out PlaceHit hit) => places.TryGetValue(wordsHash, out hit);

    /// <summary>True when some longer place name starts with these words.</summary>
    public bool IsPlacePrefix(ulong wordsHash) => placePrefixes.Contains(wordsHash);

    public bool IsFirstName(ulong lower) => firstNames.Contains(lower);

    public bool IsCommonWord(ulong lower) => commonWords.Contains(lower);

    public bool IsDemonym(ulong lower) => demonyms.Contains(lower);

    public bool IsTitle(ulong lower) => titles.Contains(lower);

    public bool IsTitleModifier(ulong lower) => titleModifiers.Contains(lower);

    public bool IsOrganizationHead(ulong lower) => organizationHeads.Contains(lower);

    public bool IsKnownOrganization(ulong lower) => knownOrganizations.Contains(lower);

    private static void AddAll(HashSet<ulong> set, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            set.Add(FeatureHash.OfLower(word));
        }
    }

    private static PlaceHit Describe(IReadOnlyList<PlaceEntry> entries)
    {
        byte type = 0;
        long population = 0;
        foreach (var entry in entries)
        {
            type = Math.Max(type, entry.Info.Type switch { "country" => (byte)3, "area" => (byte)2, "region" => (byte)1, _ => (byte)0 });
            population = Math.Max(population, entry.Population);
        }

        byte bucket = population switch { < 15_000 => 0, < 100_000 => 1, < 1_000_000 => 2, _ => 3 };
        return new PlaceHit(type, bucket);
    }
}
