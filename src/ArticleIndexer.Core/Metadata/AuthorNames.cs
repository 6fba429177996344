using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using ArticleIndexer.Core.Entities;

namespace ArticleIndexer.Core.Metadata;

/// <summary>How sure a piece of text must look before it is taken for names.</summary>
internal enum NameEvidence
{
    /// <summary>A label says names follow ("By ...", "Author: ..."): capitalised words or a team ("The Investopedia
    /// Team") will do.</summary>
    Labelled,

    /// <summary>A label before and a separator or a date after: one word in any case will do too, a handle ("by
    /// whova | Apr 21, 2025").</summary>
    Handle,

    /// <summary>Nothing says names follow (a line alone beside the date line): each name must open with a known first
    /// name and have no common word after it.</summary>
    Bare,
}

/// <summary>
/// Reads the names of a byline's text after its label ("Jane Smith and John Doe", "Dylan Bailey, MS, RD, FAND",
/// "Audrey Huang, Print Managing Editor", "Jane Smith, Reuters"): one <see cref="ArticleAuthor"/> per person, the
/// letters after a name (MS, Ph.D., CFP®) kept with it as written, a role or an agency kept apart as the role. Text
/// that is not all names, roles and letters ("By clicking you agree", "Our Services") gives none: a missing author
/// is better than a wrong one.
/// </summary>
internal static partial class AuthorNames
{
    /// <summary>The most words one name has, particles ("van der") not counted.</summary>
    public const int MaxNameWords = 4;

    /// <summary>The longest word of a name: a longer one is words a renderer glued ("Bossleythoughtsstreams").</summary>
    public const int MaxWordLength = 20;

    /// <summary>The most names one byline gives.</summary>
    public const int MaxNames = 8;

    /// <summary>The authors <paramref name="text"/> names, in its order; empty when it is not a list of names.
    /// <paramref name="isPerson"/> says whether a name with no known first name is a person's (the tagger's
    /// verdict); without it, such a name is taken only after a label.</summary>
    public static List<ArticleAuthor> Parse(string text, NameEvidence evidence, Func<string, bool>? isPerson = null)
    {
        var authors = new List<ArticleAuthor>();
        var pending = 0; // authors since the last role: "Jane Smith and John Doe, Staff Writers" gives both the role
        var inRole = false; // pieces after a role that are no names go on with it: "Senior Director, Content & Marketing"
        foreach (var raw in text.Split([',', ';']))
        {
            var piece = LeadingAnd().Replace(raw.Trim(' ', '.', ':', '-', '–', '—'), "").Trim();
            if (piece.Length == 0)
            {
                continue;
            }

            if (authors.Count > 0 && !inRole && IsLetters(piece))
            {
                // The letters after a name, as written: "Dylan Bailey, MS, RD".
                authors[^1] = authors[^1] with { Name = authors[^1].Name + ", " + raw.Trim() };
                continue;
            }

            if (authors.Count > 0 && pending > 0 && IsRole(piece) && (evidence != NameEvidence.Bare || (char.IsUpper(piece[0]) && !SentenceWord().IsMatch(piece))))
            {
                for (var i = authors.Count - pending; i < authors.Count; i++)
                {
                    authors[i] = authors[i] with { Role = piece };
                }

                (pending, inRole) = (0, true);
                continue;
            }

            if (NameThenRole(piece, evidence, isPerson) is { } named)
            {
                // "Catherine Boeckmann Executive Digital Editor", "Rasmus Barslund Founder & Lead Reviewer".
                authors.Add(named);
                (pending, inRole) = (0, true);
                continue;
            }

            var names = AndSplit().Split(piece).Select(p => p.Trim().TrimEnd('.').Trim()).Where(p => p.Length > 0).ToList();
            var single = authors.All(a => !a.Name.Contains(' ', StringComparison.Ordinal)) && !inRole;
            if (names.Count > 0 && names.All(n => IsName(n, evidence, isPerson) && (n.Contains(' ', StringComparison.Ordinal) || single)))
            {
                if (authors.Count + names.Count > MaxNames)
                {
                    return [];
                }

                authors.AddRange(names.Select(n => new ArticleAuthor(Tidy(n))));
                (pending, inRole) = (pending + names.Count, false);
            }
            else if (inRole && piece.Split(' ').Length <= 6 && !piece.Split(' ').Any(w => Stopwords.Contains(w) && w is not ("and" or "of" or "the" or "for" or "at")))
            {
                var last = authors[^1].Role;
                authors = [.. authors.Select(a => a.Role == last ? a with { Role = last + ", " + piece } : a)];
            }
            else if (evidence != NameEvidence.Bare && authors.Count > 0)
            {
                break; // after a label and a name, what follows a comma is the byline's own business ("gastroenterologist")
            }
            else
            {
                return [];
            }
        }

        return authors;
    }

    // A name and then a role with no comma between: the first words a name, the rest a role.
    private static ArticleAuthor? NameThenRole(string piece, NameEvidence evidence, Func<string, bool>? isPerson)
    {
        var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = 1; k <= Math.Min(MaxNameWords, words.Length - 1); k++)
        {
            var word = words[k].ToLowerInvariant();
            if (!RoleWords.Contains(word) && !RoleWords.Contains(word.TrimEnd('s')) && !RoleModifiers.Contains(word))
            {
                continue;
            }

            // The role starts at its first word: "Senior" of "Sean Peek Senior Analyst"; a team's last word is its
            // name's ("EcoCult Staff").
            var role = string.Join(' ', words[k..]);
            var name = string.Join(' ', words[..k]);
            return IsRole(role) && !TeamWords.Contains(role) && !role.Any(char.IsAsciiDigit) && IsName(name, evidence, isPerson)
                ? new ArticleAuthor(name, role) : null;
        }

        return null;
    }

    /// <summary>True when <paramref name="text"/> is a role or an agency: a role word ("Political Editor", "Staff
    /// Writer", "CEO of CaseBasix") or a news agency ("Reuters", "Associated Press"); with
    /// <paramref name="affiliation"/>, an organisation after the name too ("Clemson University").</summary>
    public static bool IsRole(string text, bool affiliation = true)
    {
        if (Agencies.Contains(text))
        {
            return true;
        }

        var words = Words(text);
        if (words.Length is 0 or > 8)
        {
            return false;
        }

        // A role word, or an affiliation: "Clemson University", "The Texas Newsroom".
        return words.Any(w => RoleWords.Contains(w.TrimEnd('s')) || RoleWords.Contains(w))
            || (affiliation && words.Length <= 5 && char.IsUpper(text.TrimStart()[0]) && Lexicon.OrganizationHeads.Contains(Proper(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1])));
    }

    /// <summary>True when <paramref name="text"/> is a news agency ("Reuters", "AP"): a wire's sign-off, not a role
    /// on a line of its own.</summary>
    public static bool IsAgency(string text) => Agencies.Contains(text.Trim());

    /// <summary>True when the first word of <paramref name="name"/> (past a title) is a known first name.</summary>
    public static bool HasKnownFirstName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        while (start < words.Length - 1 && Titles.Contains(words[start].TrimEnd('.')))
        {
            start++;
        }

        var capitals = words.Skip(start).All(w => !w.Any(char.IsLower));
        return words.Length > 0 && Lexicons.Value.FirstNames.Contains(capitals ? Proper(words[start]) : words[start]);
    }

    /// <summary>True when <paramref name="name"/> looks like one person's (or, after a label, one team's) name. With
    /// <see cref="NameEvidence.Bare"/>, a name whose first name is not a known one must be a person to
    /// <paramref name="isPerson"/>.</summary>
    public static bool IsName(string name, NameEvidence evidence, Func<string, bool>? isPerson = null)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || name.Length > 60)
        {
            return false;
        }

        var lexicon = Lexicons.Value;
        var counted = 0;
        var common = 0;
        var dateWords = 0;
        var start = 0;
        while (start < words.Length - 1 && Titles.Contains(words[start].TrimEnd('.')))
        {
            start++; // "Dr. Vahid Osman"
        }

        var team = TeamWords.Contains(words[^1]);
        for (var i = start; i < words.Length; i++)
        {
            var word = words[i];
            if (i > start && Particles.Contains(word))
            {
                continue; // "Marna van der Merwe"
            }

            if (i == 0 && team && word is "The" or "the")
            {
                continue; // "The Investopedia Team"
            }

            if (char.IsLower(word[0]) && (evidence != NameEvidence.Handle || words.Length > 1))
            {
                return false;
            }

            if (word.Length > MaxWordLength || !NameWord().IsMatch(word) || (Stopwords.Contains(word.ToLowerInvariant()) && !(team && i == words.Length - 1)) || (words.Length > 1 && Glued().IsMatch(word)))
            {
                return false;
            }

            counted++;
            common += lexicon.Common.Contains(word.ToLowerInvariant()) ? 1 : 0;
            dateWords += DateWords.Contains(word.TrimEnd('.')) ? 1 : 0;
        }

        // Not a date ("Monday March"), but "Theresa May" and "June Smith" are names.
        if (counted == 0 || counted > MaxNameWords || dateWords == counted)
        {
            return false;
        }

        // "LEONARDO GARCIA" is read as "Leonardo Garcia", but "ROI Calculator" has no first name "Roi".
        var capitals = words.Skip(start).All(w => !w.Any(char.IsLower));
        var first = capitals ? Proper(words[start]) : words[start];
        var known = lexicon.FirstNames.Contains(first);
        var organisation = !known && !team && (Lexicon.OrganizationHeads.Contains(Proper(words[^1])) || Lexicon.CompanySuffixes.Contains(words[^1].TrimEnd('.')));
        if (organisation)
        {
            return false; // "MECLABS Institute", "Woolcott and Co Inc."
        }

        if (evidence == NameEvidence.Bare)
        {
            // A first name and a surname or two, all capitalised ("Andrew King", "Madison Green"; not "Grant
            // Applications", "Will Follow"), or a name the tagger takes for a person's ("Chirag Bhardwaj").
            if (counted > 3 || !words.Skip(start).All(w => char.IsUpper(w[0]) || Particles.Contains(w) || (team && w is "the")))
            {
                return false;
            }

            var firstCommon = lexicon.Common.Contains(first.ToLowerInvariant());
            if (team)
            {
                // A team beside the date line: "EDB Team", "BCBSOK Connect Team"; not "Our Team", "Editorial Team".
                return counted >= 2 && words.Count(w => lexicon.Common.Contains(w.ToLowerInvariant())) < counted;
            }

            if (known && !firstCommon)
            {
                return true; // "Andrew King", "Madison Green", a first name alone ("Susan")
            }

            if (counted < 2)
            {
                return false;
            }

            // The tagger, for a name of no known first name, written as names are ("Chirag Bhardwaj", not "NVIDIA GTC").
            return common == (firstCommon ? 1 : 0) && isPerson is not null && words.Skip(start).All(w => Particles.Contains(w) || w.Skip(1).Any(char.IsLower))
                && isPerson(string.Join(' ', words.Skip(start)));
        }

        // A label says a name follows, yet "By Role", "By Use Case", "Author Services" are menus: not all common words.
        if (counted == 1)
        {
            // Not a common word, nor initials ("CP", an avatar's).
            return !lexicon.Common.Contains(words[^1].ToLowerInvariant()) && !team && !(words[^1].Length <= 3 && words[^1].All(char.IsUpper));
        }

        return known || common < counted;
    }

    // The name as the byline writes it, with a renderer's doubled spaces gone.
    private static string Tidy(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd(',', ';');

    // "JANE SMITH" as "Jane Smith", for the lexicons.
    private static string Proper(string word) =>
        word.Length > 1 && word.All(c => !char.IsLower(c)) ? word[0] + word[1..].ToLowerInvariant() : word;

    private static string[] Words(string text) =>
        text.Split([' ', '-', '&', '/'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '(', ')').ToLowerInvariant()).ToArray();

    // Letters after a name: "MS", "RD", "Ph.D.", "CFP®", "LCSW-C", "Jr.".
    private static bool IsLetters(string piece) => !Agencies.Contains(piece) && !RoleWords.Contains(piece.ToLowerInvariant()) && LettersPattern().IsMatch(piece);

    private static readonly Lazy<(HashSet<string> FirstNames, HashSet<string> Common)> Lexicons = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // The product's own lists: English first names and the words CoNLL writes in lower case (tools/build-lexicons.py),
    // and the words the dev articles write in lower case (tools/build-metadata-words.py).
    private static (HashSet<string>, HashSet<string>) Load()
    {
        var common = new HashSet<string>(ReadLines("ArticleIndexer.Entities.common-words.txt", gzip: false), StringComparer.Ordinal);
        common.UnionWith(ReadLines("ArticleIndexer.Metadata.lower-words.txt.gz", gzip: true));
        return (new HashSet<string>(ReadLines("ArticleIndexer.Entities.first-names.txt", gzip: false), StringComparer.Ordinal), common);
    }

    private static IEnumerable<string> ReadLines(string resource, bool gzip)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    /// <summary>Words that say what a byline's person does: "Political Editor", "Staff Writer", "Senior Analyst".</summary>
    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "editor", "correspondent", "reporter", "writer", "contributor", "contributing", "columnist", "journalist",
        "producer", "analyst", "critic", "director", "founder", "co-founder", "cofounder", "ceo", "cto", "cfo", "coo",
        "cmo", "vp", "svp", "evp", "president", "manager", "expert", "specialist", "strategist", "officer", "head",
        "chief", "consultant", "coach", "designer", "engineer", "developer", "researcher", "scientist", "professor",
        "lecturer", "intern", "fellow", "partner", "owner", "blogger", "photographer", "host", "anchor", "presenter",
        "commentator", "advisor", "adviser", "nutritionist", "dietitian", "therapist", "physician", "attorney", "lawyer",
        "planner", "marketer", "evangelist", "architect", "administrator", "coordinator", "associate", "assistant",
        "chair", "chairman", "educator", "teacher", "staff", "desk", "freelance", "freelancer", "contributors",
        "reviewer", "copywriter", "researchers", "investigator", "economist", "historian", "leader", "principal",
        "instructor", "trainer", "practitioner", "nurse", "doctor", "pharmacist", "psychologist", "counselor",
        "counsellor", "curator", "horticulturalist", "horticulturist", "representative",
        "columnists", "contributors", "editors", "writers", "reporters",
    };

    /// <summary>Words that open a role before its role word: "Senior Analyst", "Executive Digital Editor".</summary>
    private static readonly HashSet<string> RoleModifiers = new(StringComparer.Ordinal)
    {
        "senior", "junior", "executive", "managing", "digital", "political", "contributing", "lead", "deputy",
        "assistant", "associate", "vice", "print", "sports", "business", "health", "science", "technology", "tech",
        "content", "marketing", "features", "foreign", "editorial", "social", "national", "international", "legal",
        "community", "creative", "regional", "founding", "general", "co", "interim", "acting", "former", "guest",
        "special", "investigative", "data", "product", "web", "video", "audio", "research", "financial", "certified",
        "registered", "master", "staff", "chief", "head", "principal", "editor-in-chief", "freelance",
    };

    /// <summary>News agencies and wires a byline names after the person ("Jane Smith, Reuters").</summary>
    private static readonly HashSet<string> Agencies = new(StringComparer.Ordinal)
    {
        "Reuters", "Reuter", "Associated Press", "The Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg",
        "Bloomberg News", "PA", "PA Media", "Press Association", "Xinhua", "UPI", "dpa", "ANI", "PTI", "IANS", "ANSA", "EFE",
        "Kyodo", "Kyodo News", "Yonhap", "TASS", "CNN", "BBC", "BBC News", "CNBC", "NPR", "AAP", "CP", "The Canadian Press",
    };

    /// <summary>Titles before a name ("Dr. Vahid Osman"), kept in it and not counted as its words.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Mx", "Sir", "Dame", "Rev", "Chef",
    };

    /// <summary>Lower-case words inside a name: "Marna van der Merwe", "Charles de Gaulle".</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "bin", "binti",
        "al", "el", "ibn", "ter", "y", "e", "zu", "af", "av",
    };

    /// <summary>Last words of a team's name: "The Investopedia Team", "EcoCult Staff".</summary>
    private static readonly HashSet<string> TeamWords = new(StringComparer.Ordinal)
    {
        "Team", "Staff", "Desk", "Editors", "Editorial", "Newsroom", "Contributors", "Writers",
    };

    /// <summary>Words that are never part of a name: a sentence's or a menu's ("By clicking", "Our Services").</summary>
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "from", "with", "by", "via", "as", "is", "are",
        "was", "be", "this", "that", "these", "our", "your", "my", "his", "her", "their", "its", "we", "you", "i", "us",
        "me", "it", "all", "more", "most", "read", "view", "see", "share", "follow", "subscribe", "sign", "login", "log",
        "menu", "search", "home", "contact", "about", "close", "open", "next", "previous", "back", "top", "new", "latest",
        "comments", "comment", "reply", "email", "print", "save", "like", "tweet", "post", "posts", "page", "site",
        "admin", "administrator", "guest", "anonymous", "unknown", "staff", "editor", "editors", "author", "authors",
        "updated", "published", "posted", "written", "reviewed", "edited", "min", "mins", "minute", "minutes", "ago",
        "today", "yesterday", "tags", "tag", "category", "categories", "filed", "under", "labels", "topics", "topic",
        "news", "blog", "articles", "article", "story", "stories", "photo", "photos", "image", "images", "video",
        "videos", "podcast", "us", "not", "no", "yes", "if", "so", "but", "when", "how", "what", "why", "who", "where",
    };

    /// <summary>Month and weekday names: a line of them is a date, not a name ("Monday March").</summary>
    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
        "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    // A word of a name: a capital, then letters, apostrophes, hyphens or a full stop ("O'Sullivan", "Martínez-Beltrán",
    // "J."); or a handle of letters and digits in one piece ("whova", "ShawnHymel"), judged by the caller.
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}\p{M}'’\-.]*|\p{Ll}[\p{L}\p{M}]{2,}|\p{Lu}\.)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameWord();

    // Two words a renderer glued: a capital after four lower-case letters ("ChecklistsJust"), where a name has one
    // after a short prefix ("McNally", "MacFarlane", "DeSiato").
    [GeneratedRegex(@"\p{Ll}{4}\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex Glued();

    [GeneratedRegex(@"\s+(?:and|&)\s+|\s*&\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AndSplit();

    // A word of a sentence, not of a role: "Holmes, who retired as Raytheon president", "an adviser ..., said".
    [GeneratedRegex(@"\b(?:who|which|that|said|says|told|has|have|had|is|was|were|will|would|an|a)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceWord();

    [GeneratedRegex(@"^(?:and|&)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAnd();

    [GeneratedRegex(@"^(?:[A-Z]{2,6}(?:-[A-Z]{1,3})?®?|[A-Z][a-z]?\.\s?(?:[A-Z][a-z]?\.\s?)+|Ph\.?\s?D|PhD|Jr|Sr|I{2,3}|IV|[A-Z]{1,4}®)$", RegexOptions.CultureInvariant)]
    private static partial Regex LettersPattern();
}
