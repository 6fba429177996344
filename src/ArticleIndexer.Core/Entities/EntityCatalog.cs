using System.Text.Json;
using ArticleIndexer.Core.Indexing;

namespace ArticleIndexer.Core.Entities;

/// <summary>One entity of the whole archive: its canonical name, every name it went by, and how many articles mention it.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Name">Canonical name: the full name for persons, the gazetteer's name for places, or the alias file's.</param>
/// <param name="Aliases">The other names it went by, most used first: as articles wrote it, names merged into it, and the
/// gazetteer's other names of a place ("UK", "Britain", "Great Britain", "U.K." for the United Kingdom).</param>
/// <param name="Articles">Articles mentioning it.</param>
/// <param name="Mentions">Mentions in all.</param>
/// <param name="Roles">Titles and roles seen with it, most frequent first (at most five).</param>
/// <param name="Place">Gazetteer facts of a place; null otherwise or when unresolved.</param>
public sealed record CatalogEntity(
    EntityKind Kind, string Name, IReadOnlyList<string> Aliases, int Articles, int Mentions, IReadOnlyList<string> Roles, PlaceInfo? Place);

/// <summary>A surname-only mention of one article linked to the archive's full name ("Cameron" → "David Cameron").</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Name">The name as resolved within the article ("Cameron").</param>
/// <param name="To">The full name it is linked to.</param>
public sealed record CatalogLink(string ArticleId, string Name, string To);

/// <summary>
/// The entities of the whole archive: one per kind and canonical name, with aliases and article counts. Built at the end
/// of a pass from every article's extracted entities (<see cref="Build"/>), with the <see cref="AliasRules"/> applied
/// and surname-only persons linked across articles (<see cref="LinkSurnames"/>); kept with the index as
/// <see cref="FileName"/>, which <c>articles people</c> / <c>places</c> / <c>orgs</c> read.
/// </summary>
public sealed class EntityCatalog
{
    /// <summary>The catalog's file name in an index (generation) folder.</summary>
    public const string FileName = "entities.json";

    /// <summary>The file a save writes before renaming it over <see cref="FileName"/>.</summary>
    public const string TempFileName = FileName + ".tmp";

    private const int Format = 1;
    private const int MaxRoles = 5;

    /// <summary>How many entities (other than the two names) an article with a surname alone must share with an article of
    /// the full name for the surname to be linked to it.</summary>
    public const int SharedContext = 2;

    private readonly LinkMap links;

    private EntityCatalog(IReadOnlyList<CatalogEntity> entities, IReadOnlyList<CatalogLink> linkList, string aliasFingerprint, int articles)
    {
        Entities = entities;
        Links = linkList;
        AliasFingerprint = aliasFingerprint;
        ArticleCount = articles;
        links = new LinkMap(linkList);
    }

    /// <summary>Every entity, most articles first, then by name.</summary>
    public IReadOnlyList<CatalogEntity> Entities { get; }

    /// <summary>The surname-only mentions linked to a full name of another article.</summary>
    public IReadOnlyList<CatalogLink> Links { get; }

    /// <summary>The <see cref="AliasRules.Fingerprint"/> of the rules the catalog was built with.</summary>
    public string AliasFingerprint { get; }

    /// <summary>Articles it was built from.</summary>
    public int ArticleCount { get; }

    /// <summary>The catalog of <paramref name="articles"/> (id and extracted entities) under <paramref name="rules"/>.
    /// Reads <paramref name="articles"/> twice; an archive streams them from its index instead (<see cref="Builder"/>).</summary>
    public static EntityCatalog Build(IReadOnlyList<(string Id, EntitySet Extracted)> articles, AliasRules rules)
    {
        var builder = new Builder(LinkSurnames(articles.Select(a => (a.Id, Apply(a.Extracted, rules, _ => null))), rules), rules);
        foreach (var (id, extracted) in articles)
        {
            builder.Add(id, extracted);
        }

        return builder.Build();
    }

    /// <summary>The entities of article <paramref name="articleId"/> as the archive resolves them: its extracted
    /// <paramref name="extracted"/> with the alias rules and this catalog's surname links applied.</summary>
    public EntitySet Resolve(string articleId, EntitySet extracted, AliasRules rules) => links.Resolve(articleId, extracted, rules);

    /// <summary>
    /// Applies <paramref name="rules"/> to the mentions of one article, and <paramref name="link"/> to its one-word
    /// person names: a split gives a mention back the name it was written with, a merge renames, a link gives a surname
    /// its full name. Aliases, roles and gazetteer facts follow the mentions.
    /// </summary>
    public static EntitySet Apply(EntitySet extracted, AliasRules rules, Func<string, string?> link)
    {
        if (rules.Directives == 0 && extracted.Mentions.All(m => m.Kind != EntityKind.Person || link(m.Canonical) is null))
        {
            return extracted;
        }

        var byCanonical = new Dictionary<(EntityKind, string), Entity>();
        foreach (var entity in extracted.Entities)
        {
            byCanonical.TryAdd((entity.Kind, entity.Canonical), entity);
        }

        var groups = new Dictionary<(EntityKind, string), Group>();
        var order = new List<(EntityKind, string)>();
        var mentions = new List<EntityMention>(extracted.Mentions.Count);
        foreach (var mention in extracted.Mentions)
        {
            var (name, split) = Name(mention, rules, link);
            var key = (mention.Kind, name);
            if (!groups.TryGetValue(key, out var group))
            {
                group = new Group();
                groups[key] = group;
                order.Add(key);
            }

            group.Count++;
            group.Aliases.Add(mention.Text);
            if (!split && byCanonical.TryGetValue((mention.Kind, mention.Canonical), out var source))
            {
                group.Aliases.Add(source.Canonical);
                foreach (var role in source.Roles)
                {
                    group.Roles.Add(role);
                }

                // The gazetteer facts of the entity that kept its name win over those of one merged into it.
                if (source.Place is not null && (group.Place is null || source.Canonical == name))
                {
                    group.Place = source.Place;
                }
            }

            mentions.Add(mention with { Canonical = name });
        }

        var entities = order.Select(key =>
        {
            var g = groups[key];
            var aliases = g.Aliases.Where(a => a != key.Item2).Prepend(key.Item2).ToArray();
            return new Entity(key.Item1, key.Item2, aliases, g.Count, g.Roles.ToArray(), g.Place);
        }).ToArray();
        return new EntitySet(entities, mentions) { About = extracted.About };
    }

    private static (string Name, bool Split) Name(EntityMention mention, AliasRules rules, Func<string, string?> link)
    {
        var name = mention.Canonical;
        var split = false;
        if (rules.Splits(mention.Kind, mention.Text, name))
        {
            name = mention.Text;
            split = true;
        }

        name = rules.Merge(mention.Kind, name);
        if (mention.Kind == EntityKind.Person && !name.Contains(' ', StringComparison.Ordinal) && link(name) is { } full
            && !rules.Splits(EntityKind.Person, mention.Text, full) && !rules.Splits(EntityKind.Person, name, full))
        {
            name = rules.Merge(EntityKind.Person, full);
        }

        return (name, split);
    }

    /// <summary>
    /// Links a person named by one word in an article ("Cameron") to a full name of another article ("David Cameron"),
    /// conservatively: the word is a name and starts no full name of the archive; the archive has exactly one full name ending with
    /// it (two to four capitalised words, the first a known first name); no split in the alias file forbids it; and the
    /// article shares at least <see cref="SharedContext"/> other entities (persons, places, organisations) with one
    /// article of the full name. Anything less leaves the surname alone.
    /// <paramref name="articles"/> (each article's entities with the alias rules applied) are read once, as a stream; what
    /// is kept of an article is its entities' numbers in a table of the archive's names, so an archive of any size fits.
    /// </summary>
    public static IReadOnlyList<CatalogLink> LinkSurnames(IEnumerable<(string Id, EntitySet Set)> articles, AliasRules rules)
    {
        var numbers = new Dictionary<(EntityKind Kind, string Canonical), int>();
        var fullNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var articlesOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var names = new List<int[]>();
        var surnames = new List<(int Article, string Id, string Surname)>();
        foreach (var (id, set) in articles)
        {
            var article = names.Count;
            var mine = new SortedSet<int>();
            foreach (var entity in set.Entities)
            {
                var key = (entity.Kind, entity.Canonical);
                if (!numbers.TryGetValue(key, out var number))
                {
                    number = numbers.Count;
                    numbers[key] = number;
                }

                mine.Add(number);
                if (entity.Kind != EntityKind.Person)
                {
                    continue;
                }

                if (IsFullName(entity.Canonical))
                {
                    var surname = entity.Canonical[(entity.Canonical.LastIndexOf(' ') + 1)..];
                    (fullNames.TryGetValue(surname, out var fulls) ? fulls : fullNames[surname] = new HashSet<string>(StringComparer.Ordinal)).Add(entity.Canonical);
                    (articlesOf.TryGetValue(entity.Canonical, out var list) ? list : articlesOf[entity.Canonical] = []).Add(article);
                }
                else if (IsSurname(entity.Canonical))
                {
                    surnames.Add((article, id, entity.Canonical));
                }
            }

            names.Add([.. mine]);
        }

        // A word that starts a full name of the archive is a first name there: "David" alone may be anyone called David.
        var firstWords = articlesOf.Keys.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        var links = new List<CatalogLink>();
        foreach (var (article, id, surname) in surnames)
        {
            if (firstWords.Contains(surname) || !fullNames.TryGetValue(surname, out var candidates) || candidates.Count != 1)
            {
                continue;
            }

            var full = candidates.First();
            if (rules.Splits(EntityKind.Person, surname, full))
            {
                continue;
            }

            var leftOut = (numbers[(EntityKind.Person, full)], numbers[(EntityKind.Person, surname)]);
            var mine = names[article];
            if (articlesOf[full].Any(other => other != article && Shared(mine, names[other], leftOut) >= SharedContext))
            {
                links.Add(new CatalogLink(id, surname, full));
            }
        }

        return links;
    }

    // How many numbers two sorted arrays share, other than the two left out.
    private static int Shared(int[] a, int[] b, (int, int) leftOut)
    {
        int shared = 0, i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                if (a[i] != leftOut.Item1 && a[i] != leftOut.Item2)
                {
                    shared++;
                }

                i++;
                j++;
            }
        }

        return shared;
    }

    // "David Cameron", "BOYD JEFFERIES": two to four capitalised words, the first a known first name. Leaves out what the
    // tagger took for a person and is not one ("Both Sears", "Alsacienne de Banque", "> Shearson").
    private static bool IsFullName(string name)
    {
        var words = name.Split(' ');
        return words.Length is >= 2 and <= 4 && words.All(IsNameWord) && Gazetteer.Default.FirstNames.Contains(TitleCase(words[0]));
    }

    // "Cameron": one capitalised word.
    private static bool IsSurname(string name) => !name.Contains(' ', StringComparison.Ordinal) && IsNameWord(name);

    private static bool IsNameWord(string word) =>
        word.Length >= 2 && char.IsUpper(word[0]) && word.All(c => char.IsLetter(c) || c is '-' or '\'' or '’');

    private static string TitleCase(string word) => word.Length == 0 ? word : word[..1] + word[1..].ToLowerInvariant();

    /// <summary>
    /// Builds a catalog from the archive's articles streamed one at a time (<see cref="Add"/>), after the surname links
    /// were found in an earlier read (<see cref="LinkSurnames"/>): what it holds grows with the archive's entities, not
    /// with its articles.
    /// </summary>
    public sealed class Builder(IReadOnlyList<CatalogLink> links, AliasRules rules)
    {
        private readonly LinkMap linked = new(links);
        private readonly Dictionary<(EntityKind, string), Total> totals = [];
        private int articles;

        /// <summary>Counts one article and returns its entities as the archive resolves them (aliases, surname links).</summary>
        public EntitySet Add(string articleId, EntitySet extracted)
        {
            var resolved = linked.Resolve(articleId, extracted, rules);
            Count(totals, resolved);
            articles++;
            return resolved;
        }

        /// <summary>The catalog of the articles added.</summary>
        public EntityCatalog Build() => new(Aggregate(totals), links, rules.Fingerprint, articles);
    }

    private static void Count(Dictionary<(EntityKind, string), Total> totals, EntitySet set)
    {
        foreach (var entity in set.Entities)
        {
            if (!totals.TryGetValue((entity.Kind, entity.Canonical), out var total))
            {
                total = new Total();
                totals[(entity.Kind, entity.Canonical)] = total;
            }

            total.Articles++;
            total.Mentions += entity.MentionCount;
            foreach (var alias in entity.Aliases.Concat(entity.Place?.OtherNames ?? []))
            {
                total.Aliases[alias] = total.Aliases.GetValueOrDefault(alias) + 1;
            }

            foreach (var role in entity.Roles)
            {
                total.Roles[role] = total.Roles.GetValueOrDefault(role) + 1;
            }

            total.Place ??= entity.Place;
        }
    }

    private static List<CatalogEntity> Aggregate(Dictionary<(EntityKind, string), Total> totals) =>
        totals.Select(kv => new CatalogEntity(
                kv.Key.Item1,
                kv.Key.Item2,
                Aliases(kv.Key.Item2, kv.Value.Aliases),
                kv.Value.Articles,
                kv.Value.Mentions,
                MostFirst(kv.Value.Roles, MaxRoles),
                kv.Value.Place))
            .OrderByDescending(e => e.Articles).ThenBy(e => e.Kind).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();

    // The names it went by, most used first, one per spelling that differs by more than case and accents ("U.S." and
    // "US" both, "UNITED STATES" and "u.s." not beside "United States" and "U.S.").
    private static string[] Aliases(string canonical, Dictionary<string, int> counts)
    {
        var byKey = counts.GroupBy(kv => ArticleAnalyzers.Key(kv.Key))
            .Where(g => g.Key != ArticleAnalyzers.Key(canonical))
            .Select(g => (Name: g.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key, Count: g.Sum(kv => kv.Value)));
        return byKey.OrderByDescending(a => a.Count).ThenBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Name).ToArray();
    }

    private static string[] MostFirst(Dictionary<string, int> counts, int max) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(max).Select(kv => kv.Key).ToArray();

    /// <summary>Writes the catalog into <paramref name="folder"/> atomically (a temporary file renamed over it).</summary>
    public long Save(string folder)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new CatalogFile(Format, AliasFingerprint, ArticleCount, Entities, Links), ArticleJson.Options);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var temp = Path.Combine(folder, TempFileName);
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        return bytes.Length;
    }

    /// <summary>The catalog kept in <paramref name="folder"/>, or null when there is none or it cannot be read.</summary>
    public static EntityCatalog? Load(string folder)
    {
        try
        {
            using var stream = new FileStream(Path.Combine(folder, FileName), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            var file = JsonSerializer.Deserialize<CatalogFile>(stream, ArticleJson.Options);
            return file is { Format: Format } ? new EntityCatalog(file.Entities, file.Links, file.AliasFingerprint, file.Articles) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The number of articles the catalog kept in <paramref name="folder"/> was built from, read without loading its
    /// entities (the count comes before them in the file); null when there is no readable catalog.
    /// </summary>
    public static int? ReadArticleCount(string folder)
    {
        try
        {
            var path = Path.Combine(folder, FileName);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            var buffer = new byte[Math.Min(stream.Length, 4096)];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), isFinalBlock: length == stream.Length, state: default);
            int? format = null, articles = null;
            // Top-level properties only: reading a value that opens an array or object ("entities") goes deeper and ends it.
            while (reader.Read() && reader.CurrentDepth <= 1)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var name = reader.GetString();
                    if (!reader.Read())
                    {
                        break;
                    }

                    if (reader.TokenType == JsonTokenType.Number && string.Equals(name, "format", StringComparison.OrdinalIgnoreCase))
                    {
                        format = reader.GetInt32();
                    }
                    else if (reader.TokenType == JsonTokenType.Number && string.Equals(name, "articles", StringComparison.OrdinalIgnoreCase))
                    {
                        articles = reader.GetInt32();
                    }
                }
            }

            return format == Format ? articles : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    // The surname links by article and name, and what they make of an article's entities.
    private sealed class LinkMap(IEnumerable<CatalogLink> links)
    {
        private readonly Dictionary<(string ArticleId, string Name), string> to = links.ToDictionary(l => (l.ArticleId, l.Name), l => l.To);

        public EntitySet Resolve(string articleId, EntitySet extracted, AliasRules rules) =>
            Apply(extracted, rules, name => to.GetValueOrDefault((articleId, name)));
    }

    private sealed record CatalogFile(int Format, string AliasFingerprint, int Articles, IReadOnlyList<CatalogEntity> Entities, IReadOnlyList<CatalogLink> Links);

    private sealed class Group
    {
        public int Count { get; set; }

        public HashSet<string> Aliases { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);

        public PlaceInfo? Place { get; set; }
    }

    private sealed class Total
    {
        public int Articles { get; set; }

        public int Mentions { get; set; }

        public Dictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Roles { get; } = new(StringComparer.Ordinal);

        public PlaceInfo? Place { get; set; }
    }
}
