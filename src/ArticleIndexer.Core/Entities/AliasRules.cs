using System.Security.Cryptography;
using System.Text;
using ArticleIndexer.Core.Indexing;

namespace ArticleIndexer.Core.Entities;

/// <summary>A line of the alias file that was not applied, and why.</summary>
/// <param name="Line">1-based line number; 0 when the file as a whole could not be read.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record AliasProblem(int Line, string Message);

/// <summary>
/// The archivist's corrections to entity resolution, from the plain-text alias file (<see cref="FileName"/>, in the
/// index root). One directive a line; blank lines and lines starting with <c>#</c> are ignored:
/// <code>
/// place: United States = US | U.S. | USA | America   # merge: each name on the right is the one on the left
/// person: Cameron != David Cameron                  # split: mentions written "Cameron" are not David Cameron
/// </code>
/// Kinds: <c>person</c>, <c>place</c>, <c>org</c> (also <c>people</c>, <c>places</c>, <c>orgs</c>,
/// <c>organisation</c>, <c>organization</c>). Names match ignoring case and accents. A merge renames every entity
/// called by one of the names, whatever the extractor or the gazetteer said; a split undoes the link from what the
/// article wrote to the entity it was resolved to (within the article, or across the archive). A bad line is reported
/// with its number and skipped; the other lines still apply.
/// </summary>
public sealed class AliasRules
{
    /// <summary>The alias file's name in the index root.</summary>
    public const string FileName = "aliases.txt";

    private readonly Dictionary<(EntityKind, string), string> merges = [];
    private readonly HashSet<(EntityKind, string, string)> splits = [];

    private AliasRules(IReadOnlyList<AliasProblem> problems, string fingerprint, int directives)
    {
        Problems = problems;
        Fingerprint = fingerprint;
        Directives = directives;
    }

    /// <summary>No rules.</summary>
    public static AliasRules Empty { get; } = Parse(string.Empty);

    /// <summary>The lines that were not applied.</summary>
    public IReadOnlyList<AliasProblem> Problems { get; private set; }

    /// <summary>How many directives apply.</summary>
    public int Directives { get; private set; }

    /// <summary>SHA-256 of the directives that apply, in a canonical form: comments, spacing and order of lines do not
    /// change it, so editing them does not re-resolve the archive.</summary>
    public string Fingerprint { get; private set; }

    /// <summary>The path of the alias file of the index at <paramref name="indexFolder"/>: in the index root, so it
    /// outlives rebuilds (a generation folder's parent when <paramref name="indexFolder"/> is one).</summary>
    public static string PathFor(string indexFolder)
    {
        var full = Path.GetFullPath(indexFolder);
        var root = IndexLayout.IsGenerationName(Path.GetFileName(full)) && Path.GetDirectoryName(full) is { } parent ? parent : full;
        return Path.Combine(root, FileName);
    }

    /// <summary>Reads the file at <paramref name="path"/>: no file is no rule; a file that cannot be read is one problem.</summary>
    public static AliasRules Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var rules = Parse(string.Empty);
            rules.Problems = [new AliasProblem(0, $"the file cannot be read ({ex.Message}); no alias applies")];
            return rules;
        }
    }

    /// <summary>Parses the text of an alias file. Never throws: bad lines are <see cref="Problems"/>.</summary>
    public static AliasRules Parse(string text)
    {
        var problems = new List<AliasProblem>();
        var merged = new Dictionary<(EntityKind, string), (string Canonical, int Line)>();
        var splitLines = new HashSet<(EntityKind, string, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var number = i + 1;
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                problems.Add(new AliasProblem(number, "expected 'KIND: NAME = OTHER | OTHER' or 'KIND: NAME != OTHER' (KIND: person, place or org)"));
                continue;
            }

            var kindWord = line[..colon].Trim();
            if (ParseKind(kindWord) is not { } kind)
            {
                problems.Add(new AliasProblem(number, $"unknown kind '{kindWord}': use person, place or org"));
                continue;
            }

            var rest = line[(colon + 1)..];
            var isSplit = rest.Contains("!=", StringComparison.Ordinal);
            var parts = isSplit ? rest.Split("!=", 2) : rest.Split('=', 2);
            if (parts.Length != 2)
            {
                problems.Add(new AliasProblem(number, "no '=' (merge) or '!=' (split) after the kind"));
                continue;
            }

            var name = parts[0].Trim();
            var others = parts[1].Split('|').Select(o => o.Trim()).ToList();
            if (name.Length == 0 || others.Any(o => o.Length == 0))
            {
                problems.Add(new AliasProblem(number, isSplit ? "a split needs a name on each side of '!='" : "a merge needs a name before '=' and names after it, separated by '|'"));
                continue;
            }

            if (isSplit)
            {
                if (others.Count != 1)
                {
                    problems.Add(new AliasProblem(number, "a split takes one name on each side: 'person: Cameron != David Cameron'"));
                    continue;
                }

                splitLines.Add((kind, Key(name), Key(others[0])));
                continue;
            }

            var conflict = others.Select(o => (Name: o, Key: Key(o)))
                .FirstOrDefault(o => merged.TryGetValue((kind, o.Key), out var earlier) && Key(earlier.Canonical) != Key(name));
            if (conflict.Name is not null)
            {
                var earlier = merged[(kind, conflict.Key)];
                problems.Add(new AliasProblem(number, $"'{conflict.Name}' is already merged into '{earlier.Canonical}' on line {earlier.Line}; split it there first"));
                continue;
            }

            foreach (var other in others.Where(o => Key(o) != Key(name)))
            {
                merged[(kind, Key(other))] = (name, number);
            }
        }

        // A name merged into a name that is itself merged ("UK = U.K." then "United Kingdom = UK") follows the chain;
        // a chain that comes back on itself is reported and dropped.
        var rules = new AliasRules(problems, string.Empty, 0);
        foreach (var ((kind, key), (canonical, line)) in merged)
        {
            var target = canonical;
            var seen = new HashSet<string>(StringComparer.Ordinal) { key };
            var cycle = false;
            while (merged.TryGetValue((kind, Key(target)), out var next))
            {
                if (!seen.Add(Key(target)))
                {
                    cycle = true;
                    break;
                }

                target = next.Canonical;
            }

            if (cycle)
            {
                problems.Add(new AliasProblem(line, $"'{canonical}' is merged back into itself through other lines; the line is ignored"));
                continue;
            }

            rules.merges[(kind, key)] = target;
        }

        foreach (var split in splitLines)
        {
            rules.splits.Add(split);
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        var canonicalForm = rules.merges.Select(m => $"merge\t{m.Key.Item1}\t{m.Key.Item2}\t{m.Value}")
            .Concat(rules.splits.Select(s => $"split\t{s.Item1}\t{s.Item2}\t{s.Item3}"))
            .Order(StringComparer.Ordinal);
        rules.Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', canonicalForm))));
        rules.Directives = rules.merges.Count + rules.splits.Count;
        return rules;
    }

    /// <summary>The name <paramref name="name"/> goes by after the merges ("US" → "United States"), or itself.</summary>
    public string Merge(EntityKind kind, string name) => merges.TryGetValue((kind, Key(name)), out var canonical) ? canonical : name;

    /// <summary>True when a mention written <paramref name="written"/> must not be <paramref name="canonical"/>.</summary>
    public bool Splits(EntityKind kind, string written, string canonical) => splits.Contains((kind, Key(written), Key(canonical)));

    /// <summary>The kind a word of the file names, or null.</summary>
    public static EntityKind? ParseKind(string word) => word.ToLowerInvariant() switch
    {
        "person" or "persons" or "people" => EntityKind.Person,
        "place" or "places" => EntityKind.Place,
        "org" or "orgs" or "organisation" or "organisations" or "organization" or "organizations" => EntityKind.Organization,
        _ => null,
    };

    private static string Key(string name) => ArticleAnalyzers.Key(name);
}
