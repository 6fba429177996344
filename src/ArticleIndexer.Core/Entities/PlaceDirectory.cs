using System.Globalization;
using System.IO.Compression;
using System.Reflection;

namespace ArticleIndexer.Core.Entities;

/// <summary>An admin-1 unit of Natural Earth: a county, unitary authority, department or state.</summary>
/// <param name="Id">Natural Earth's adm1_code ("GBR-3409").</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2.</param>
/// <param name="Name">English name ("Kent").</param>
/// <param name="Type">"Administrative County", "Metropolitan department", "State", ...</param>
/// <param name="Parent">The first-level unit above a second-level one ("South East"), else null.</param>
/// <param name="Group">The ceremonial county of a British unit when it is another ("Kent" for Medway), else null.</param>
/// <param name="Region">The GeoNames first-level region most of its cities are in ("England").</param>
/// <param name="GeoNameId">The GeoNames id of the same unit, when Natural Earth gives it.</param>
/// <param name="Latitude">Label point latitude.</param>
/// <param name="Longitude">Label point longitude.</param>
internal sealed record PlaceArea(
    string Id, string CountryCode, string Name, string Type, string? Parent, string? Group, string? Region, long? GeoNameId, double? Latitude, double? Longitude);

/// <summary>
/// What resolution knows beyond the tagger's lexicon, from the tables <c>tools/build-places.py</c> builds: the English
/// alternate names of GeoNames cities of 15,000 people or more ("Dunkirk" for Dunkerque), and for every city its
/// first-level region and the Natural Earth admin-1 unit it lies in (by GeoNames admin code, else by its coordinates);
/// and the country each demonym speaks of.
/// Gives each place entry its <see cref="PlaceInfo.Region"/>, <see cref="PlaceInfo.Area"/> and
/// <see cref="PlaceInfo.Within"/>.
/// </summary>
internal sealed class PlaceDirectory
{
    private readonly Dictionary<long, (string? Region, string? AreaId)> cities = [];
    private readonly Dictionary<string, List<PlaceEntry>> byAlternateName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlaceArea> areas = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Country, string Name), PlaceArea?> areasByName = [];
    private readonly Dictionary<string, string> demonyms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> countryIds = new(StringComparer.Ordinal);
    private readonly Dictionary<PlaceEntry, PlaceEntry> described = new(ReferenceEqualityComparer.Instance);
    private readonly Lock gate = new();
    private readonly Gazetteer gazetteer;

    private PlaceDirectory(Gazetteer gazetteer) => this.gazetteer = gazetteer;

    /// <summary>Cities whose English alternate name is <paramref name="name"/>, largest first.</summary>
    public IReadOnlyList<PlaceEntry> FindByAlternateName(string name) =>
        byAlternateName.TryGetValue(name, out var found) ? found : [];

    /// <summary>The ISO code of the country <paramref name="demonym"/> speaks of ("French" → FR), or null.</summary>
    public string? CountryCodeOfDemonym(string demonym) => demonyms.GetValueOrDefault(demonym);

    /// <summary>The admin-1 unit of <paramref name="countryCode"/> called <paramref name="name"/>, when exactly one is.</summary>
    public PlaceArea? FindArea(string? countryCode, string name) =>
        countryCode is not null && areasByName.TryGetValue((countryCode, name), out var area) ? area : null;

    /// <summary>
    /// <paramref name="entry"/> with its region, area, containing places, and (for regions) the GeoNames id and label
    /// point of the matching admin-1 unit. The same entry object for the same input, so entries compare by reference.
    /// </summary>
    public PlaceEntry Describe(PlaceEntry entry)
    {
        lock (gate)
        {
            if (!described.TryGetValue(entry, out var result))
            {
                result = entry with { Info = DescribeInfo(entry) };
                described[entry] = result;
                described[result] = result;
            }

            return result;
        }
    }

    private PlaceInfo DescribeInfo(PlaceEntry entry)
    {
        var info = entry.Info;
        var country = gazetteer.FindCountry(info.CountryCode)?.Name;
        switch (info.Type)
        {
            case "city" when info.GeoNameId is { } id && cities.TryGetValue(id, out var city):
            {
                var area = city.AreaId is null ? null : areas.GetValueOrDefault(city.AreaId);
                return info with
                {
                    Country = country,
                    Region = city.Region,
                    Area = area?.Name,
                    Within = Chain(entry.Name, area?.Name, area?.Group, area?.Parent, city.Region ?? area?.Region, country),
                };
            }

            case "city":
                return info with { Country = country, Within = Chain(entry.Name, country) };
            case "region":
            {
                var area = FindArea(info.CountryCode, entry.Name);
                return info with
                {
                    GeoNameId = area?.GeoNameId,
                    Latitude = area?.Latitude,
                    Longitude = area?.Longitude,
                    Country = country,
                    Region = area?.Region ?? (area is null ? entry.Name : null),
                    Area = area?.Name,
                    Within = Chain(entry.Name, area?.Group, area?.Parent, area?.Region, country),
                };
            }

            case "country":
                return info with { GeoNameId = countryIds.TryGetValue(info.CountryCode ?? string.Empty, out var countryId) ? countryId : null, Country = country, Within = [] };
            default:
                return info with { Country = country, Within = Chain(entry.Name, country) };
        }
    }

    // The containing places, smallest first, without the place itself and without repeats.
    private static string[] Chain(string self, params string?[] names) =>
        names.OfType<string>().Where(n => n.Length > 0 && n != self).Distinct(StringComparer.Ordinal).ToArray();

    public static PlaceDirectory Load(Gazetteer gazetteer)
    {
        var directory = new PlaceDirectory(gazetteer);
        foreach (var line in ReadLines("place-areas.tsv", gzip: false))
        {
            // id, country, name, type, parent, group, region, geonameid, lat, lon
            var f = line.Split('\t');
            var area = new PlaceArea(f[0], f[1], f[2], f[3], NullIfEmpty(f[4]), NullIfEmpty(f[5]), NullIfEmpty(f[6]),
                f[7].Length > 0 ? long.Parse(f[7], CultureInfo.InvariantCulture) : null, ParseDouble(f[8]), ParseDouble(f[9]));
            directory.areas[area.Id] = area;
            var key = (area.CountryCode, area.Name);
            // Two units of one country with one name ("Nord" twice) name neither for sure.
            directory.areasByName[key] = directory.areasByName.ContainsKey(key) ? null : area;
        }

        foreach (var line in ReadLines("country-ids.tsv", gzip: false))
        {
            var f = line.Split('\t');
            directory.countryIds[f[0]] = long.Parse(f[1], CultureInfo.InvariantCulture);
        }

        foreach (var line in ReadLines("demonyms.tsv", gzip: false))
        {
            var f = line.Split('\t');
            directory.demonyms[f[0]] = f[1];
        }

        foreach (var line in ReadLines("place-details.tsv.gz", gzip: true))
        {
            // geonameid, first-level region, area id
            var f = line.Split('\t');
            directory.cities[long.Parse(f[0], CultureInfo.InvariantCulture)] = (NullIfEmpty(f[1]), NullIfEmpty(f[2]));
        }

        var byId = new Dictionary<long, PlaceEntry>();
        foreach (var (_, entries) in gazetteer.PlaceNames())
        {
            foreach (var entry in entries)
            {
                if (entry.Info is { Type: "city", GeoNameId: { } id })
                {
                    byId.TryAdd(id, entry);
                }
            }
        }

        foreach (var line in ReadLines("place-aliases.tsv.gz", gzip: true))
        {
            // alternate name, geonameid
            var f = line.Split('\t');
            if (byId.TryGetValue(long.Parse(f[1], CultureInfo.InvariantCulture), out var entry))
            {
                if (!directory.byAlternateName.TryGetValue(f[0], out var list))
                {
                    list = [];
                    directory.byAlternateName[f[0]] = list;
                }

                list.Add(entry);
            }
        }

        foreach (var list in directory.byAlternateName.Values)
        {
            list.Sort((a, b) => b.Population.CompareTo(a.Population));
        }

        return directory;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static double? ParseDouble(string value) =>
        value.Length == 0 ? null : double.Parse(value, CultureInfo.InvariantCulture);

    private static IEnumerable<string> ReadLines(string resource, bool gzip)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ArticleIndexer.Entities." + resource)
                           ?? throw new InvalidOperationException($"The embedded table '{resource}' is missing from the build.");
        using var decompressed = gzip ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(decompressed);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
