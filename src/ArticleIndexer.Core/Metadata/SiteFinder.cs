using System.Text.RegularExpressions;

namespace ArticleIndexer.Core.Metadata;

/// <summary>
/// Finds the site, publisher or agency a text file comes from, where the file says it: a wire agency in the lead's
/// dateline ("LONDON, July 2 (Reuters) -") or its sign-off ("Reuter" on the last line, as Reuters-21578 ends), a site
/// header ("More on KentOnline" among the first lines), or the copyright line of the site's footer
/// ("© 2025 Digit.in, All rights reserved"). A photo credit ("©Thinkstock") or a copyright line without a year or a
/// rights notice is not the site's. Null when none says it.
/// </summary>
public static partial class SiteFinder
{
    /// <summary>How many lines at the top of a file a site header ("More on KentOnline") may stand in.</summary>
    public const int HeaderLines = 3;

    /// <summary>The longest site name taken from a copyright line, in words: more is a sentence, not a name.</summary>
    public const int MaxNameWords = 8;

    /// <summary>The site of a file of <paramref name="lines"/> (its normalised text's lines) whose article begins at the
    /// 1-based line <paramref name="lead"/>, and where it was read ("line 3: wire dateline"); null when none says.</summary>
    public static (string Name, string From)? Find(IReadOnlyList<string> lines, int lead)
    {
        if (lead >= 1 && lead <= lines.Count && WireDateline().Match(lines[lead - 1]) is { Success: true } dateline)
        {
            return (dateline.Groups["agency"].Value, $"line {lead}: wire dateline");
        }

        for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - 3; i--)
        {
            if (lines[i].Trim() is "Reuter" or "REUTER" or "Reuters")
            {
                return ("Reuters", $"line {i + 1}: wire sign-off");
            }

            if (lines[i].Trim().Length > 0)
            {
                break;
            }
        }

        for (var i = 0; i < Math.Min(HeaderLines, lines.Count); i++)
        {
            if (SiteHeader().Match(lines[i]) is { Success: true } header)
            {
                return (header.Groups["site"].Value, $"line {i + 1}: site header");
            }
        }

        for (var i = lines.Count - 1; i >= Math.Max(0, lead - 1); i--)
        {
            if (CopyrightName(lines[i]) is { } name)
            {
                return (name, $"line {i + 1}: copyright line");
            }
        }

        return null;
    }

    /// <summary>The owner a footer's copyright line names ("© 2025 Digit.in, All rights reserved" → "Digit.in"); null for
    /// another line, a photo credit without a year or rights notice, or a line that names nobody.</summary>
    public static string? CopyrightName(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length > 200 || Copyright().Match(trimmed) is not { Success: true } copyright)
        {
            return null;
        }

        var rest = copyright.Groups["rest"].Value;
        var rights = RightsNotice().Match(rest);
        if (!Year().IsMatch(trimmed) && !rights.Success)
        {
            return null;
        }

        // The name ends where the footer's next item begins: "|", a spaced bullet or dash, a new sentence ("Gardenary
        // Inc. Privacy" keeps the company's "Inc."); then a year after it and the final full stop go.
        var name = (rights.Success ? rest[..rights.Index] : rest).Split('|')[0];
        foreach (Match next in NextItem().Matches(name))
        {
            var after = name[(next.Index + next.Length)..].Split(' ', 2)[0].TrimEnd('.', ',');
            if (next.Value.Trim() != "." || !Abbreviations.Contains(name[(name.LastIndexOf(' ', Math.Max(0, next.Index - 1)) + 1)..next.Index]))
            {
                name = name[..next.Index];
                break;
            }

            if (!CompanyWords.Contains(after))
            {
                name = name[..(next.Index + 1)];
                break;
            }
        }

        string before;
        do
        {
            before = name;
            name = TrailingYear().Replace(name, string.Empty).TrimEnd(' ', ',', ';', ':', '-', '–', '•');
            if (name.EndsWith('.') && !Abbreviations.Contains(name[(name.LastIndexOf(' ') + 1)..^1]))
            {
                name = name[..^1];
            }
        }
        while (name != before);

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is 0 or > MaxNameWords || !char.IsUpper(name[0]) && !char.IsDigit(name[0])
               || words.Any(w => w.Equals("copyright", StringComparison.OrdinalIgnoreCase))
            ? null
            : name;
    }

    // A company's abbreviation keeps its full stop at the end of a name ("FoundryCo, Inc.").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal) { "Inc", "Ltd", "Co", "Corp", "Plc", "Pty", "Bhd" };

    // What may follow an abbreviation within one company's name ("Co. Ltd"), where anything else begins the next item.
    private static readonly HashSet<string> CompanyWords = new(StringComparer.Ordinal)
    {
        "Inc", "Ltd", "Co", "Corp", "Plc", "Pty", "Bhd", "LLC", "LLP", "Limited", "Group", "Company", "GmbH", "AG", "SA",
    };

    // "LONDON, July 2 (Reuters) -", "WASHINGTON (AP) —": a place in capitals, maybe a day, the agency in brackets.
    [GeneratedRegex(@"^[A-Z][A-Z .,'-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\((?<agency>Reuters|AP|AFP|Bloomberg|UPI|dpa|PA|Xinhua|IANS|PTI|ANI|CNN)\)\s*[-–—]")]
    private static partial Regex WireDateline();

    // "More on KentOnline": one name, not a topic ("More on Web Design") nor a list heading ("More on Wharton:").
    [GeneratedRegex(@"^\s*More on (?<site>[A-Z][\w.-]*[A-Za-z0-9])\s*$")]
    private static partial Regex SiteHeader();

    // "©", "(c)", "Copyright", "Copyright ©", then maybe "by", years ("2025", "1995 - 2026"), maybe "by", the rest.
    [GeneratedRegex(@"^(?:(?:©|\(c\)|Copyright\b)\s*)+(?:by\s+)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?(?:by\s+)?(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"[.,]?\s*All\s+Rights\s+Reserved", RegexOptions.IgnoreCase)]
    private static partial Regex RightsNotice();

    // A year or years after the name ("Gannett 2025", "Cherry Servers 2001-2026").
    [GeneratedRegex(@"[,\s-]+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*$")]
    private static partial Regex TrailingYear();

    // Where a footer's next item begins: a spaced bullet or dash, or a full stop and a capital ("Nerd Fitness. Terms").
    [GeneratedRegex(@"\s+[•·]\s*|\s+[-–—]\s+|\s?\.\s+(?=[A-Za-z])")]
    private static partial Regex NextItem();
}
