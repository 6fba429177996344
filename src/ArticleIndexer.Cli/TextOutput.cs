using System.Globalization;
using System.Text.RegularExpressions;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Search;

namespace ArticleIndexer.Cli;

/// <summary>
/// The human-readable output of each command. Matches in snippets are marked <c>[like this]</c>, or in ANSI bold
/// yellow when <c>color</c> is set (stdout is a terminal and NO_COLOR is unset).
/// </summary>
internal sealed partial class TextOutput(TextWriter writer, bool color)
{
    private const string BoldYellow = "\u001b[1;33m";
    private const string Reset = "\u001b[0m";

    // The order the pipeline writes its commit data in; other keys follow alphabetically.
    private static readonly string[] PassKeys =
        ["pass_id", "started", "finished", "seen", "new", "changed", "unchanged", "deleted", "skipped", "failed", "cancelled", "pipeline", "source"];

    public void Search(SearchResults results)
    {
        foreach (var hit in results.Hits)
        {
            var snippet = OneLine(color ? hit.Snippet.Render(BoldYellow, Reset) : hit.Snippet.Render("[", "]"));
            // A file name may hold a newline: one hit stays four lines.
            writer.WriteLine($"{Printable(hit.Id)}  {hit.Score.ToString("0.000", CultureInfo.InvariantCulture)}{(hit.Date is null ? string.Empty : "  " + hit.Date)}"
                             + (hit.Authors.Count == 0 ? string.Empty : "  by " + Printable(string.Join(", ", hit.Authors))));
            writer.WriteLine($"  {Printable(hit.Path)}");
            writer.WriteLine($"  {(string.IsNullOrWhiteSpace(hit.Title) ? hit.Lead : hit.Title)}");
            writer.WriteLine($"  {snippet}");
            if (hit.PlaceMatch == PlaceMatch.About)
            {
                var words = hit.AboutWords.Count > 0 ? string.Join(", ", hit.AboutWords.Select(w => $"\"{w}\"")) : "a demonym";
                writer.WriteLine($"  about the place: named only as {words}, ranked after the articles that name it");
            }

            writer.WriteLine();
        }

        Facets(results.Facets);

        // "results: N" on a line of its own, as scripts and ../shared/bench's query driver read the count.
        writer.WriteLine(results.Hits.Count < results.Total
            ? results.Offset > 0 && results.Hits.Count > 0
                ? $"results: {results.Total}, showing {results.Offset + 1}-{results.Offset + results.Hits.Count}"
                : $"results: {results.Total}, showing {results.Hits.Count}"
            : $"results: {results.Total}");
        if (results.Undated is > 0)
        {
            writer.WriteLine(results.Undated == 1
                ? "1 more article matches but has no date, so the date filter left it out"
                : $"{results.Undated} more articles match but have no date, so the date filter left them out");
        }
    }

    // Each facet on one line, "persons  Theresa May (5), Bernard Cazeneuve (4)", the dated articles per year and month
    // oldest first ("months   2015-06 (3), 2015-07 (12)"), then a blank line; empty facets are left out.
    private void Facets(SearchFacets facets)
    {
        var lines = new[]
            {
                ("persons", facets.Persons), ("places", facets.Places), ("orgs", facets.Orgs), ("sources", facets.Sources),
                ("authors", facets.Authors), ("years", facets.Years), ("months", facets.Months),
            }
            .Where(f => f.Item2.Count > 0)
            .ToArray();
        foreach (var (name, values) in lines)
        {
            writer.WriteLine($"{name,-8} {string.Join(", ", values.Select(v => $"{Printable(v.Name)} ({v.Articles})"))}");
        }

        if (lines.Length > 0)
        {
            writer.WriteLine();
        }
    }

    // The body with each entity mention marked: coloured by kind on a terminal (persons cyan, places green,
    // organisations magenta), else "[[Theresa May|person]]". Mentions in the title or in photo captions are not in the body.
    private static string MarkMentions(StoredArticle article, bool color)
    {
        var bodyStart = article.Text.Length - article.Body.Length;
        var builder = new System.Text.StringBuilder(article.Body.Length + 64);
        var position = 0;
        foreach (var mention in article.Entities.Mentions.OrderBy(m => m.Offset))
        {
            var start = mention.Offset - bodyStart;
            if (start < position || start + mention.Text.Length > article.Body.Length
                || string.CompareOrdinal(article.Body, start, mention.Text, 0, mention.Text.Length) != 0)
            {
                continue;
            }

            builder.Append(article.Body, position, start - position);
            var kind = mention.Kind switch { EntityKind.Person => "person", EntityKind.Place => "place", _ => "org" };
            builder.Append(color
                ? $"{(mention.Kind switch { EntityKind.Person => "\u001b[36m", EntityKind.Place => "\u001b[32m", _ => "\u001b[35m" })}{mention.Text}{Reset}"
                : $"[[{mention.Text}|{kind}]]");
            position = start + mention.Text.Length;
        }

        return builder.Append(article.Body, position, article.Body.Length - position).ToString();
    }

    public void Related(IReadOnlyList<RelatedHit> related)
    {
        foreach (var hit in related)
        {
            writer.WriteLine($"{Printable(hit.Id)}  {hit.Score.ToString("0.000", CultureInfo.InvariantCulture)}{(hit.NearDuplicate ? "  near-duplicate" : string.Empty)}");
            writer.WriteLine($"  {Printable(hit.Path)}");
            writer.WriteLine($"  {(string.IsNullOrWhiteSpace(hit.Title) ? hit.Lead : hit.Title)}");
            writer.WriteLine($"  shares {(hit.SharedEntities.Count == 0 ? "no entity" : string.Join(", ", hit.SharedEntities))}; "
                             + $"{(hit.Resemblance * 100).ToString("0", CultureInfo.InvariantCulture)}% of word runs in common");
            writer.WriteLine();
        }

        writer.WriteLine(related.Count == 1 ? "1 related article" : $"{related.Count} related articles");
    }

    public void Article(StoredArticle article, bool listStripped, bool mark = false)
    {
        writer.WriteLine(string.IsNullOrWhiteSpace(article.Title) ? "(no title)" : article.Title);
        writer.WriteLine($"  id          {Printable(article.Id)}");
        writer.WriteLine($"  path        {Printable(article.Path)}");
        writer.WriteLine($"  encoding    {article.Encoding}");
        writer.WriteLine($"  indexed at  {article.IndexedAt}");
        writer.WriteLine($"  pipeline    {article.PipelineVersion}");
        PageLines(article.Page);
        MetadataLines(article.Metadata);
        writer.WriteLine();
        writer.WriteLine(color || mark ? MarkMentions(article, color).TrimEnd() : article.Body.TrimEnd());
        writer.WriteLine();

        foreach (var (kind, heading) in new[] { (EntityKind.Person, "Persons"), (EntityKind.Place, "Places"), (EntityKind.Organization, "Organisations") })
        {
            var entities = article.Entities.OfKind(kind).ToArray();
            writer.WriteLine($"{heading} ({entities.Length})");
            foreach (var entity in entities)
            {
                writer.WriteLine($"  {Describe(entity, article.CaptionMentions(entity))}");
            }

            writer.WriteLine();
        }

        if (article.Entities.About.Count > 0)
        {
            // Countries spoken of by demonym only are weaker links than the places above; listed apart.
            writer.WriteLine($"About ({article.Entities.About.Count}; countries named by a demonym)");
            foreach (var link in article.Entities.About)
            {
                writer.WriteLine($"  {link.Country} ({link.CountryCode}; {string.Join(", ", link.Words)}; {(link.Count == 1 ? "1 time" : $"{link.Count} times")})");
            }

            writer.WriteLine();
        }

        writer.WriteLine(listStripped || article.Stripped.Count == 0
            ? $"Stripped lines ({article.Stripped.Count})"
            : $"Stripped lines ({article.Stripped.Count}; list them with --stripped)");
        if (listStripped)
        {
            foreach (var line in article.Stripped)
            {
                writer.WriteLine(line.Detail is null
                    ? $"  line {line.LineNumber} [{line.Rule}] {line.Text}"
                    : $"  line {line.LineNumber} [{line.Rule}: {line.Detail}] {line.Text}");
            }
        }
    }

    public void Entities(EntityKind kind, IReadOnlyList<EntityCount> top, string? query = null)
    {
        if (top.Count == 0)
        {
            writer.WriteLine(query is null ? $"No {Plural(kind)} in the index." : $"No {Plural(kind)} in the articles matching '{OneLine(query)}'.");
            return;
        }

        var width = Math.Max("articles".Length, top.Max(e => e.Articles).ToString(CultureInfo.InvariantCulture).Length);
        writer.WriteLine($"{"articles".PadLeft(width)}  {Singular(kind)}");
        foreach (var entity in top)
        {
            var parts = new List<string>();
            if (entity.Place is { } place)
            {
                parts.Add(place.CountryCode is null ? place.Type : $"{place.Type}, {place.CountryCode}");
            }

            if (entity.Aliases.Count > 0)
            {
                parts.Add($"also {string.Join(", ", entity.Aliases)}");
            }

            if (entity.Roles.Count > 0)
            {
                parts.Add(string.Join(", ", entity.Roles));
            }

            var details = parts.Count > 0 ? $"  ({string.Join("; ", parts)})" : string.Empty;
            writer.WriteLine($"{entity.Articles.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {entity.Name}{details}");
        }
    }

    public void Aliases(AliasesJson report)
    {
        foreach (var problem in report.Problems)
        {
            writer.WriteLine($"{report.Path}:{problem.Line}: {problem.Message}; the line is ignored");
        }

        var directives = report.Directives == 1 ? "1 directive" : $"{report.Directives} directives";
        var state = report.Applied switch
        {
            true => "the index is resolved with them",
            false => "the worker's next pass applies them",
            null => "no index yet",
        };
        writer.WriteLine(report.Exists ? $"{report.Path}: {directives}; {state}" : $"{report.Path}: no alias file (no directive); {state}");
    }

    public void Stats(IndexStats stats)
    {
        writer.WriteLine($"documents      {stats.Documents}");
        writer.WriteLine($"persons        {stats.Persons}");
        writer.WriteLine($"places         {stats.Places}");
        writer.WriteLine($"organisations  {stats.Organizations}");
        writer.WriteLine($"index size     {Size(stats.SizeBytes)}");
        writer.WriteLine($"repeated lines {stats.RepeatedLines?.ToString(CultureInfo.InvariantCulture) ?? "(not counted yet)"}");
        if (stats.LastPass.Count == 0)
        {
            writer.WriteLine("last pass      (no figures in the last commit)");
            return;
        }

        writer.WriteLine("last pass");
        var keys = PassKeys.Where(stats.LastPass.ContainsKey)
            .Concat(stats.LastPass.Keys.Except(PassKeys, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        foreach (var key in keys)
        {
            writer.WriteLine($"  {key,-11}  {stats.LastPass[key]}");
        }
    }

    // "Bernard Cazeneuve (5 mentions, 2 in photo captions; also Cazeneuve; Interior Minister)",
    // "Calais (city, FR; 3 mentions; in Pas-de-Calais, Hauts-de-France, France; GeoNames 3029162 at 50.952, 1.856)".
    private static string Describe(Entity entity, int captionMentions)
    {
        var parts = new List<string>();
        if (entity.Place is { } place)
        {
            parts.Add(place.CountryCode is null ? place.Type : $"{place.Type}, {place.CountryCode}");
        }
        else if (entity.Kind == EntityKind.Place)
        {
            parts.Add("unresolved");
        }

        var mentions = entity.MentionCount == 1 ? "1 mention" : $"{entity.MentionCount} mentions";
        parts.Add(captionMentions == 0 ? mentions : $"{mentions}, {captionMentions} in photo captions");
        var aliases = entity.Aliases.Where(a => !string.Equals(a, entity.Canonical, StringComparison.Ordinal)).ToArray();
        if (aliases.Length > 0)
        {
            parts.Add($"also {string.Join(", ", aliases)}");
        }

        if (entity.Roles.Count > 0)
        {
            parts.Add(string.Join(", ", entity.Roles));
        }

        if (entity.Place is { Within: { Count: > 0 } within })
        {
            parts.Add($"in {string.Join(", ", within)}");
        }

        if (entity.Place is { GeoNameId: { } id } geo)
        {
            parts.Add(geo.Latitude is { } lat && geo.Longitude is { } lon
                ? $"GeoNames {id} at {lat.ToString("0.###", CultureInfo.InvariantCulture)}, {lon.ToString("0.###", CultureInfo.InvariantCulture)}"
                : $"GeoNames {id}");
        }

        return $"{entity.Canonical} ({string.Join("; ", parts)})";
    }

    // Markers never contain whitespace, so collapsing after rendering keeps them intact.
    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    private static string Size(long bytes)
    {
        var exact = bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
        return bytes switch
        {
            >= 1024 * 1024 => $"{(bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture)} MiB ({exact})",
            >= 1024 => $"{(bytes / 1024d).ToString("0.0", CultureInfo.InvariantCulture)} KiB ({exact})",
            _ => exact,
        };
    }

    private static string Singular(EntityKind kind) => kind switch
    {
        EntityKind.Person => "person",
        EntityKind.Place => "place",
        _ => "organisation",
    };

    private static string Plural(EntityKind kind) => kind switch
    {
        EntityKind.Person => "persons",
        EntityKind.Place => "places",
        _ => "organisations",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
