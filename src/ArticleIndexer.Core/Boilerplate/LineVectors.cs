using System.Collections.Frozen;

namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// Turns each line of a page, with what the rules decided about it and its neighbours, into the feature vector that
/// <see cref="BoostedTrees"/> reads: the line's own shape (length, stop words, how it ends, who it addresses), what
/// the rules said (a named rule, prose or not, dropped by its place), where it stands relative to the page's prose,
/// and the same few measures for the lines around it. The names are stored with the model and used to explain it.
/// </summary>
internal static class LineVectors
{
    private static readonly string[] OwnNames =
    [
        "words", "characters", "stop-word density", "capitalised share", "digit share", "separators", "ends a sentence",
        "ends with a colon", "ends with a question mark", "ends with an ellipsis", "starts like a list item",
        "holds a link or address", "addresses the reader", "speaks for the site", "speaks in the first person",
        "starts with a call to action", "code characters", "quotes", "mean word length", "share of archive repeating it",
        "sentences", "commas per word", "holds a year", "all-capitals share", "starts in lower case", "brackets",
        "reads like a citation", "blank line before",
    ];

    private static readonly string[] RuleNames =
    [
        "prose by length and stop words", "kept by the rules", "a line rule", "an inline line rule", "a teaser rule",
        "a tail rule", "repeated across the archive", "an end cue", "after an end cue", "a separate block",
        "before the article", "after the article", "a soft rule",
    ];

    private static readonly string[] PlaceNames =
    [
        "position in the file", "share of prose above", "share of prose below", "lines since prose", "lines until prose",
        "inside the prose span", "prose in the file", "lines in the file", "prose share of lines", "dropped lines near",
        "prose lines near", "line number", "lines to the end", "lines above the first prose", "lines below the last prose",
        "share of lines a line rule drops", "lines a line rule drops above", "lines a line rule drops below",
        "share of its words used by the prose", "page words it uses",
    ];

    private static readonly string[] WordNames =
    [
        "word odds: mean", "word odds: lowest", "word odds: highest", "word odds: known share",
        "word odds: mean of the line above", "word odds: mean of the line below",
    ];

    private static readonly string[] NeighbourNames =
        ["kept by the rules", "prose", "words", "stop-word density", "ends a sentence", "addresses the reader"];

    private static readonly int[] NeighbourOffsets = [-2, -1, 1, 2];

    /// <summary>The feature names, in vector order.</summary>
    public static readonly string[] Names = BuildNames();

    /// <summary>The length of a vector.</summary>
    public static int Length => Names.Length;

    private const int Window = 5;

    private static readonly FrozenSet<string> ReaderWords = FrozenSet.ToFrozenSet(
        ["you", "your", "yours", "yourself", "you're", "you’re", "you'll", "you’ll", "you've", "you’ve"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SiteWords = FrozenSet.ToFrozenSet(
        ["we", "our", "ours", "us", "we're", "we’re", "we've", "we’ve", "we'll", "we’ll"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> FirstPersonWords = FrozenSet.ToFrozenSet(
        ["i", "my", "me", "mine", "i'm", "i’m", "i've", "i’ve"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> CallToActionWords = FrozenSet.ToFrozenSet(
    [
        "click", "sign", "subscribe", "download", "read", "learn", "explore", "get", "join", "find", "check", "discover",
        "try", "contact", "visit", "follow", "shop", "book", "call", "request", "register", "start", "watch", "see",
        "buy", "order", "listen", "share", "view", "browse", "compare", "save", "apply", "enter", "fill", "schedule",
        "want", "ready", "looking", "need", "interested", "have", "don't", "don’t", "like", "enjoy", "love",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReaderLookup = ReaderWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SiteLookup = SiteWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstPersonLookup = FirstPersonWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CallToActionLookup = CallToActionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The vectors of <paramref name="lines"/>, one row per line in a single array of <see cref="Length"/> floats per
    /// line. <paramref name="lineRules"/> are the rules that judge a line alone (before its place is considered),
    /// <paramref name="rules"/> the rules' final decision, <paramref name="soft"/> the soft rule that would name a
    /// dropped line, <paramref name="words"/> the vocabulary's odds.
    /// </summary>
    public static float[] Build(
        IReadOnlyList<LineBoilerplateStripper.Line> lines, string?[] lineRules, string?[] rules, string?[] soft, LineRepeats repeats,
        WordOdds words)
    {
        var n = lines.Count;
        var width = Length;
        var vectors = new float[n * width];
        if (n == 0)
        {
            return vectors;
        }

        var own = new OwnMeasures[n];
        var odds = new WordOdds.Measure[n];
        var prose = new bool[n];
        double totalProse = 0;
        var proseLines = 0;
        for (var i = 0; i < n; i++)
        {
            own[i] = Measure(lines[i]);
            odds[i] = words.Of(lines[i].Text);
            prose[i] = lineRules[i] is null && lines[i].IsProse;
            if (prose[i])
            {
                totalProse += lines[i].Text.Length;
                proseLines++;
            }
        }

        var lineRuled = 0;
        foreach (var r in lineRules)
        {
            lineRuled += r is null ? 0 : 1;
        }

        var vocabulary = new ProseVocabulary(lines, prose);
        var firstProse = Array.IndexOf(prose, true);
        var lastProse = Array.LastIndexOf(prose, true);
        double proseAbove = 0;
        var ruledAbove = 0;
        var sinceProse = 99;
        var untilProse = new int[n];
        var next = 99;
        for (var i = n - 1; i >= 0; i--)
        {
            next = prose[i] ? 0 : Math.Min(99, next + 1);
            untilProse[i] = next;
        }

        for (var i = 0; i < n; i++)
        {
            var v = vectors.AsSpan(i * width, width);
            var line = lines[i];
            var f = line.Features;
            var m = own[i];
            var k = 0;

            // The line itself.
            v[k++] = f.Words;
            v[k++] = line.Text.Length;
            v[k++] = (float)f.StopWordDensity;
            v[k++] = (float)f.CapitalizedShare;
            v[k++] = f.Letters + f.Digits == 0 ? 0 : (float)f.Digits / (f.Letters + f.Digits);
            v[k++] = f.Separators;
            v[k++] = f.EndsSentence ? 1 : 0;
            v[k++] = line.Text[^1] == ':' ? 1 : 0;
            v[k++] = line.Text[^1] == '?' ? 1 : 0;
            v[k++] = line.Text.EndsWith("...", StringComparison.Ordinal) || line.Text[^1] == '…' ? 1 : 0;
            v[k++] = StartsLikeListItem(line.Text) ? 1 : 0;
            v[k++] = m.Links;
            v[k++] = Share(m.Reader, f.Words);
            v[k++] = Share(m.Site, f.Words);
            v[k++] = Share(m.FirstPerson, f.Words);
            v[k++] = m.CallToAction ? 1 : 0;
            v[k++] = (float)m.CodeCharacters / line.Text.Length;
            v[k++] = m.Quotes;
            v[k++] = f.Words == 0 ? 0 : (float)f.Letters / f.Words;
            v[k++] = repeats.Articles == 0 ? 0 : (float)repeats.ArticlesContaining(line.Text) / repeats.Articles;
            v[k++] = m.Sentences;
            v[k++] = Share(m.Commas, f.Words);
            v[k++] = m.HasYear ? 1 : 0;
            v[k++] = Share(m.AllCapitals, f.Words);
            v[k++] = char.IsLower(line.Text[0]) ? 1 : 0;
            v[k++] = m.Brackets;
            v[k++] = m.Citation ? 1 : 0;
            v[k++] = line.BlankBefore ? 1 : 0;

            // What the rules decided.
            var rule = rules[i];
            var lineRule = lineRules[i];
            v[k++] = prose[i] ? 1 : 0;
            v[k++] = rule is null ? 1 : 0;
            v[k++] = lineRule is not null && lineRule is not (BoilerplateRules.Teaser or BoilerplateRules.Repeated) && !IsTail(lineRule) ? 1 : 0;
            v[k++] = BoilerplateRules.IsInline(lineRule) ? 1 : 0;
            v[k++] = lineRule is BoilerplateRules.Teaser ? 1 : 0;
            v[k++] = IsTail(lineRule) ? 1 : 0;
            v[k++] = lineRule is BoilerplateRules.Repeated ? 1 : 0;
            v[k++] = rule is BoilerplateRules.EndCue ? 1 : 0;
            v[k++] = rule is BoilerplateRules.AfterEndCue ? 1 : 0;
            v[k++] = rule is BoilerplateRules.SeparateBlock ? 1 : 0;
            v[k++] = rule is BoilerplateRules.BeforeArticle ? 1 : 0;
            v[k++] = rule is BoilerplateRules.AfterArticle ? 1 : 0;
            v[k++] = soft[i] is not null ? 1 : 0;

            // Where it stands.
            v[k++] = n == 1 ? 0 : (float)i / (n - 1);
            v[k++] = totalProse == 0 ? 0 : (float)(proseAbove / totalProse);
            v[k++] = totalProse == 0 ? 0 : (float)((totalProse - proseAbove - (prose[i] ? line.Text.Length : 0)) / totalProse);
            v[k++] = sinceProse;
            v[k++] = untilProse[i];
            v[k++] = i >= firstProse && i <= lastProse && firstProse >= 0 ? 1 : 0;
            v[k++] = (float)totalProse;
            v[k++] = n;
            v[k++] = (float)proseLines / n;
            int droppedNear = 0, proseNear = 0;
            for (var j = Math.Max(0, i - Window); j <= Math.Min(n - 1, i + Window); j++)
            {
                if (j == i)
                {
                    continue;
                }

                droppedNear += rules[j] is null || BoilerplateRules.IsInline(lineRules[j]) ? 0 : 1;
                proseNear += prose[j] ? 1 : 0;
            }

            v[k++] = droppedNear;
            v[k++] = proseNear;
            v[k++] = i;
            v[k++] = n - 1 - i;
            v[k++] = firstProse < 0 ? n : firstProse;
            v[k++] = lastProse < 0 ? n : n - 1 - lastProse;
            v[k++] = (float)lineRuled / n;
            v[k++] = ruledAbove;
            v[k++] = lineRuled - ruledAbove - (lineRule is null ? 0 : 1);
            var (shared, total) = vocabulary.Measure(i, line.Text, prose[i]);
            v[k++] = total == 0 ? 0 : (float)shared / total;
            v[k++] = shared;

            // Its neighbours; a missing one reads as a dropped, empty line (the vector starts at zero).
            var above = Neighbour(lineRules, i, -1);
            var below = Neighbour(lineRules, i, 1);
            foreach (var offset in NeighbourOffsets)
            {
                var j = offset switch { -1 => above, 1 => below, _ => Neighbour(lineRules, i, offset) };
                if (j < 0 || j >= n)
                {
                    k += NeighbourNames.Length;
                    continue;
                }

                v[k++] = rules[j] is null ? 1 : 0;
                v[k++] = prose[j] ? 1 : 0;
                v[k++] = lines[j].Features.Words;
                v[k++] = (float)lines[j].Features.StopWordDensity;
                v[k++] = lines[j].Features.EndsSentence ? 1 : 0;
                v[k++] = Share(own[j].Reader, lines[j].Features.Words);
            }

            v[k++] = odds[i].Mean;
            v[k++] = odds[i].Lowest;
            v[k++] = odds[i].Highest;
            v[k++] = odds[i].Known;
            v[k++] = above >= 0 ? odds[above].Mean : 0;
            v[k++] = below < n ? odds[below].Mean : 0;

            ruledAbove += lineRule is null ? 0 : 1;
            if (prose[i])
            {
                proseAbove += line.Text.Length;
                sinceProse = 0;
            }
            else
            {
                sinceProse = Math.Min(99, sinceProse + 1);
            }
        }

        return vectors;
    }

    // The line `offset` lines away, not counting lines an inline rule dropped ("Advertisement" between two
    // paragraphs does not make them neighbours of furniture); -1 or the line count when there is none.
    private static int Neighbour(string?[] lineRules, int i, int offset)
    {
        var step = Math.Sign(offset);
        var j = i;
        for (var remaining = Math.Abs(offset); remaining > 0; remaining--)
        {
            j += step;
            while (j >= 0 && j < lineRules.Length && BoilerplateRules.IsInline(lineRules[j]))
            {
                j += step;
            }
        }

        return j;
    }

    /// <summary>
    /// The content words (four letters or more, not stop words, lower-cased) of a page's prose lines, counted, and for
    /// any line how many of its content words the prose uses elsewhere (a line about the article's subject shares its
    /// words; an offer or a note about the author does not). Words are looked up as spans, so only a word new to the
    /// page allocates.
    /// </summary>
    private sealed class ProseVocabulary
    {
        private const int MaxWordLength = 48;

        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private readonly List<int> counts = [];
        private readonly List<int> ownCounts = [];
        private readonly List<int> ownLine = [];
        private readonly List<int> occurrences = [];

        public ProseVocabulary(IReadOnlyList<LineBoilerplateStripper.Line> lines, bool[] prose)
        {
            lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
            Span<char> lower = stackalloc char[MaxWordLength];
            for (var i = 0; i < lines.Count; i++)
            {
                if (!prose[i])
                {
                    continue;
                }

                var text = lines[i].Text;
                for (var at = 0; NextWord(text, ref at, lower, out var length);)
                {
                    var word = lower[..length];
                    if (!lookup.TryGetValue(word, out var id))
                    {
                        id = counts.Count;
                        ids.Add(word.ToString(), id);
                        counts.Add(0);
                        ownCounts.Add(0);
                        ownLine.Add(-1);
                    }

                    counts[id]++;
                }
            }
        }

        public (int Shared, int Total) Measure(int line, string text, bool isProse)
        {
            Span<char> lower = stackalloc char[MaxWordLength];
            occurrences.Clear();
            var total = 0;
            for (var at = 0; NextWord(text, ref at, lower, out var length);)
            {
                total++;
                if (!lookup.TryGetValue(lower[..length], out var id))
                {
                    continue;
                }

                if (ownLine[id] != line)
                {
                    ownLine[id] = line;
                    ownCounts[id] = 0;
                }

                ownCounts[id]++;
                occurrences.Add(id);
            }

            var shared = 0;
            foreach (var id in occurrences)
            {
                shared += counts[id] - (isProse ? ownCounts[id] : 0) > 0 ? 1 : 0;
            }

            return (shared, total);
        }

        // The next content word of `text` from `at`, lower-cased into `lower`.
        private static bool NextWord(string text, ref int at, Span<char> lower, out int length)
        {
            while (WordOdds.NextLetterRun(text, ref at, out var start, out length))
            {
                if (length >= 4 && length <= MaxWordLength && !LineFeatures.IsStopWord(text.AsSpan(start, length)))
                {
                    text.AsSpan(start, length).ToLowerInvariant(lower);
                    return true;
                }
            }

            return false;
        }
    }

    private static string[] BuildNames()
    {
        var names = new List<string>(OwnNames);
        names.AddRange(RuleNames.Select(r => "rules: " + r));
        names.AddRange(PlaceNames);
        foreach (var offset in NeighbourOffsets)
        {
            var which = offset switch { -2 => "two lines above", -1 => "line above", 1 => "line below", _ => "two lines below" };
            names.AddRange(NeighbourNames.Select(name => $"{which}: {name}"));
        }

        names.AddRange(WordNames);
        return [.. names];
    }

    private static bool IsTail(string? rule) =>
        rule is BoilerplateRules.Disclaimer or BoilerplateRules.TailBio or BoilerplateRules.Reference;

    private static float Share(int count, int words) => words == 0 ? 0 : (float)count / words;

    private static bool StartsLikeListItem(string text) =>
        text[0] is '•' or '-' or '*' or '–' or '·' or '◦' or '▪' or '►'
        || (text.Length > 2 && char.IsDigit(text[0]) && (text[1] is '.' or ')' || (char.IsDigit(text[1]) && text.Length > 3 && text[2] is '.' or ')')));

    private readonly record struct OwnMeasures(
        int Reader, int Site, int FirstPerson, bool CallToAction, int CodeCharacters, int Quotes, int Sentences, int Commas,
        bool HasYear, int AllCapitals, int Brackets, bool Citation, int Links);

    private static OwnMeasures Measure(LineBoilerplateStripper.Line line)
    {
        var text = line.Text.AsSpan();
        int reader = 0, site = 0, firstPerson = 0, code = 0, quotes = 0, sentences = 0, commas = 0, allCapitals = 0, brackets = 0;
        var callToAction = false;
        var hasYear = false;
        var firstWord = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                var upper = 0;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    upper += char.IsUpper(text[i]) ? 1 : 0;
                    i++;
                }

                var word = text[start..i];
                if (word.Length >= 2 && upper == word.Length)
                {
                    allCapitals++;
                }

                if (word.Length == 4 && (word.StartsWith("19") || word.StartsWith("20")) && char.IsDigit(word[2]) && char.IsDigit(word[3]))
                {
                    hasYear = true;
                }

                if (word.Length <= 9)
                {
                    reader += ReaderLookup.Contains(word) ? 1 : 0;
                    site += SiteLookup.Contains(word) ? 1 : 0;
                    firstPerson += FirstPersonLookup.Contains(word) ? 1 : 0;
                    if (firstWord && CallToActionLookup.Contains(word))
                    {
                        callToAction = true;
                    }
                }

                firstWord = false;
                continue;
            }

            switch (c)
            {
                case '{' or '}' or ';' or '=' or '<' or '>' or '(' or ')' or '#' or '\\' or '$' or '_':
                    code++;
                    if (c is '(' or ')')
                    {
                        brackets++;
                    }

                    break;
                case '[' or ']':
                    brackets++;
                    break;
                case '"' or '“' or '”':
                    quotes++;
                    break;
                case ',':
                    commas++;
                    break;
                case '.' or '!' or '?' when i + 1 < text.Length && text[i + 1] == ' ' && i > 0 && char.IsLower(text[i - 1]):
                    sentences++;
                    break;
            }

            i++;
        }

        if (line.Features.EndsSentence)
        {
            sentences++;
        }

        var links = text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || text.Contains('@') ? 1 : 0;
        var citation = text.Contains("et al", StringComparison.Ordinal) || text.Contains("doi", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Retrieved", StringComparison.Ordinal) || text.Contains("PubMed", StringComparison.Ordinal);
        return new OwnMeasures(reader, site, firstPerson, callToAction, code, quotes, sentences, commas, hasYear, allCapitals, brackets, citation, links);
    }
}
