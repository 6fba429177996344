using System.Globalization;
using System.IO.Compression;
using System.Reflection;

namespace ArticleIndexer.Core.Entities;

/// <summary>A place name's gazetteer entry.</summary>
/// <param name="Name">The canonical name ("United Kingdom" for "Britain").</param>
/// <param name="Info">Type, country and coordinates.</param>
/// <param name="Population">Population for cities (used to rank same-name places), else 0.</param>
/// <param name="Aliases">Other names of the same place the gazetteer knows ("UK", "Great Britain").</param>
public sealed record PlaceEntry(string Name, PlaceInfo Info, long Population, IReadOnlyList<string> Aliases);

/// <summary>
/// The recogniser's word knowledge, loaded once from files embedded in the assembly (built by
/// <c>tools/build-lexicons.py</c>): GeoNames populated places, countries with their spellings and demonyms,
/// first-level regions, English first names, and common lower-case English words.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, List<PlaceEntry>> places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlaceEntry> countriesByCode = new(StringComparer.Ordinal);
    private readonly Lazy<PlaceDirectory> directory;

    private Gazetteer()
    {
        directory = new Lazy<PlaceDirectory>(() => PlaceDirectory.Load(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>What resolution knows beyond the tagger's lexicon: alternate names, regions and areas of cities.
    /// Loaded on first use.</summary>
    internal PlaceDirectory Directory => directory.Value;

    /// <summary>The gazetteer built into the product.</summary>
    public static Gazetteer Default => Shared.Value;

    /// <summary>First names as written ("Theresa"): a capitalised word after one is likely a surname.</summary>
    public HashSet<string> FirstNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Lower-case words that are common English words, never names on their own.</summary>
    public HashSet<string> CommonWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Nationality words ("French", "British"): qualifiers, not places.</summary>
    public HashSet<string> Demonyms { get; } = new(StringComparer.Ordinal);

    /// <summary>The most words any place name has.</summary>
    public int MaxPlaceWords { get; private set; } = 1;

    /// <summary>The places called <paramref name="name"/>, countries and regions first, then cities by population.</summary>
    public IReadOnlyList<PlaceEntry> FindPlaces(string name) =>
        places.TryGetValue(name, out var found) ? found : [];

    /// <summary>The country with ISO code <paramref name="code"/>, or null.</summary>
    public PlaceEntry? FindCountry(string? code) => code is not null && countriesByCode.TryGetValue(code, out var entry) ? entry : null;

    /// <summary>The country a demonym speaks of ("French" → France), or null when the word is none or names several
    /// countries of which no single one is a UN member.</summary>
    public PlaceEntry? CountryOfDemonym(string word) => FindCountry(Directory.CountryCodeOfDemonym(word));

    /// <summary>Every place name with its entries, for the tagger's lexicon features.</summary>
    internal IEnumerable<(string Name, IReadOnlyList<PlaceEntry> Entries)> PlaceNames() =>
        places.Select(p => (p.Key, (IReadOnlyList<PlaceEntry>)p.Value));

    private static Gazetteer Load()
    {
        var gazetteer = new Gazetteer();
        gazetteer.LoadCountries();
        gazetteer.LoadExtraPlaces();
        gazetteer.LoadRegions();
        gazetteer.LoadCities();
        foreach (var name in ReadLines("first-names.txt"))
        {
            gazetteer.FirstNames.Add(name);
        }

        foreach (var word in ReadLines("common-words.txt"))
        {
            gazetteer.CommonWords.Add(word);
        }

        return gazetteer;
    }

    private void LoadCountries()
    {
        var byCode = new Dictionary<string, (string Name, List<string> Aliases)>(StringComparer.Ordinal);
        foreach (var line in ReadLines("countries.tsv"))
        {
            // cca2, name, official name, alt spellings, demonym (m), demonym (f), capital
            var f = line.Split('\t');
            var aliases = new List<string> { f[2] };
            aliases.AddRange(f[3].Split('|', StringSplitOptions.RemoveEmptyEntries).Where(a => a.Length >= 3 && a != f[1]));
            byCode[f[0]] = (f[1], aliases);
            foreach (var demonym in f[4..6])
            {
                if (demonym.Length > 0)
                {
                    Demonyms.Add(demonym);
                }
            }
        }

        foreach (var (alias, code) in Lexicon.CountryAliases)
        {
            if (byCode.TryGetValue(code, out var country) && !country.Aliases.Contains(alias))
            {
                country.Aliases.Add(alias);
            }
        }

        foreach (var (code, (name, aliases)) in byCode)
        {
            var otherNames = aliases.Distinct().ToArray();
            var entry = new PlaceEntry(name, new PlaceInfo("country", code, OtherNames: otherNames) { Country = name }, 0, otherNames);
            countriesByCode[code] = entry;
            Add(name, entry);
            foreach (var alias in aliases)
            {
                Add(alias, entry);
            }
        }
    }

    private void LoadExtraPlaces()
    {
        foreach (var (name, type, code, aliases) in Lexicon.ExtraPlaces)
        {
            var entry = new PlaceEntry(name, new PlaceInfo(type, code, OtherNames: aliases), 0, aliases);
            Add(name, entry);
            foreach (var alias in aliases)
            {
                Add(alias, entry);
            }
        }
    }

    private void LoadRegions()
    {
        foreach (var line in ReadLines("regions.tsv"))
        {
            var f = line.Split('\t');
            Add(f[1], new PlaceEntry(f[1], new PlaceInfo("region", f[0]), 0, []));
        }
    }

    private void LoadCities()
    {
        using var stream = OpenResource("places.tsv.gz");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            // name, geonameid, country, admin1, feature, population, lat, lon
            var f = line.Split('\t');
            var info = new PlaceInfo(
                "city",
                f[2],
                long.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[6], CultureInfo.InvariantCulture),
                double.Parse(f[7], CultureInfo.InvariantCulture));
            Add(f[0], new PlaceEntry(f[0], info, long.Parse(f[5], CultureInfo.InvariantCulture), []));
        }
    }

    private void Add(string name, PlaceEntry entry)
    {
        if (!places.TryGetValue(name, out var list))
        {
            list = [];
            places[name] = list;
            MaxPlaceWords = Math.Max(MaxPlaceWords, name.Count(c => c == ' ') + 1);
        }

        // Countries, areas and regions come before cities of the same name, and are added first.
        list.Add(entry);
    }

    private static IEnumerable<string> ReadLines(string resource)
    {
        using var stream = OpenResource(resource);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    private static Stream OpenResource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("ArticleIndexer.Entities." + name)
        ?? throw new InvalidOperationException($"The embedded lexicon '{name}' is missing from the build.");
}
