using System.Runtime.InteropServices;

namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>The features of every token of a document: the keys of token <c>i</c> are <c>Keys[Offsets[i]..Offsets[i + 1]]</c>.
/// Features extracted with a <see cref="WordCache"/> are in its lists, valid until its next document.</summary>
internal sealed class FeatureSet(List<uint> keys, int[] offsets)
{
    public ReadOnlySpan<uint> Keys => CollectionsMarshal.AsSpan(keys);

    public int[] Offsets { get; } = offsets;

    /// <summary>Lower-case hash of each token (local features only), for the second pass.</summary>
    internal ulong[]? Lower { get; init; }

    /// <summary>Whether each token starts with a capital (local features only), for the second pass.</summary>
    internal bool[]? HasUpper { get; init; }

    /// <summary>Each token's entry in <see cref="Words"/> when its word features were left out of <see cref="Keys"/>
    /// (see <see cref="WordCache"/>); null when every token has all its features.</summary>
    internal int[]? WordEntries { get; init; }

    /// <summary>The cache holding the word features' scores of <see cref="WordEntries"/>.</summary>
    internal WordCache? Words { get; init; }

    public ReadOnlySpan<uint> Of(int token) => CollectionsMarshal.AsSpan(keys)[Offsets[token]..Offsets[token + 1]];

    /// <summary>Each token's features of <paramref name="first"/> then those of <paramref name="second"/>.</summary>
    public static FeatureSet Concat(FeatureSet first, FeatureSet second)
    {
        var n = first.Offsets.Length - 1;
        var keys = new List<uint>(first.Keys.Length + second.Keys.Length);
        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[i] = keys.Count;
            keys.AddRange(first.Of(i));
            keys.AddRange(second.Of(i));
        }

        offsets[n] = keys.Count;
        return new FeatureSet(keys, offsets);
    }
}

/// <summary>
/// Turns a document into feature keys. Local features: the word, its lower-case form, shape, prefixes and suffixes,
/// the words and shapes around it, its place in the sentence, whether the sentence is a capitalised headline, and
/// the lexicon: gazetteer places (longest match over several words, with type and size), first names, demonyms,
/// common lower-case words, titles, organisation heads. Document features: the same word written in lower case or
/// capitalised mid-sentence elsewhere. With the first pass's labels, the second pass adds them around the token and
/// the types the same word was given elsewhere in the document.
/// </summary>
internal sealed class FeatureExtractor(TaggerLexicon lexicon)
{
    /// <summary>Changes whenever a feature is added, removed or computed differently: a model knows the version it
    /// was trained with, and refuses to load under another.</summary>
    public const int Version = 2;

    // How many characters of prefix and suffix are features.
    private const int AffixLength = 4;

    // How far to the right an organisation head ("Ministry") makes the token look like the start of an organisation.
    private const int OrganizationHeadWindow = 3;

    // How many other occurrences of a capitalised word lend their neighbours as features.
    private const int OtherOccurrences = 6;

    // A sentence whose words are at least this share in capitals is a headline ("JAPAN GET LUCKY WIN").
    private const double HeadlineCapitalShare = 0.7;

    private static readonly ulong SentenceStart = FeatureHash.Of("<s>");
    private static readonly ulong SentenceEnd = FeatureHash.Of("</s>");

    private enum T
    {
        Bias = 1, Word, Lower, Shape, Prefix, Suffix = Prefix + AffixLength + 1,
        Previous = Suffix + AffixLength + 1, Next, Previous2, Next2,
        PreviousShape, NextShape, ShapeTrigram, PreviousBigram, NextBigram, PreviousWordShape, ShapeNextWord,
        First, Headline, HeadlineShape, Flags, PreviousFlags, NextFlags, OrganizationHeadAhead, PlaceWord, PlaceBegin,
        PlaceInside, LowerElsewhere, CapitalElsewhere, Label, PreviousLabel, NextLabel, DocumentAny, DocumentMajority,
        PlaceBeforeAnd, LabelWord, OtherPrevious, OtherNext,
    }

    /// <summary>The lexicon's flags of a word.</summary>
    [Flags]
    internal enum F : ushort
    {
        None = 0,
        Capitalized = 1,
        FirstName = 2,
        Common = 4,
        Demonym = 8,
        Title = 16,
        TitleModifier = 32,
        OrganizationHead = 64,
        KnownOrganization = 128,
    }

    /// <summary>The features of <paramref name="document"/> for the first pass (<paramref name="firstPass"/> null), or
    /// for the second, given the first pass's labels: the local features and the second pass's, token by token.</summary>
    public FeatureSet Extract(TaggerDocument document, NerLabel[]? firstPass)
    {
        var local = ExtractLocal(document);
        return firstPass is null ? local : FeatureSet.Concat(local, ExtractSecond(document, local, firstPass));
    }

    /// <summary>The features the second pass adds to <paramref name="local"/> (from <see cref="ExtractLocal"/>): the
    /// first pass's labels around each token, and the types it gave the same word elsewhere in the document.</summary>
    public FeatureSet ExtractSecond(TaggerDocument document, FeatureSet local, NerLabel[] firstPass)
    {
        var (lower, hasUpper) = (local.Lower!, local.HasUpper!);
        var n = document.Tokens.Length;
        var documentTypes = DocumentTypes(lower, hasUpper, firstPass);
        var keys = local.Words?.SecondKeys ?? new List<uint>(n * 6);
        var offsets = new int[n + 1];
        for (var s = 0; s + 1 < document.SentenceStarts.Length; s++)
        {
            var (start, end) = (document.SentenceStarts[s], document.SentenceStarts[s + 1]);
            for (var i = start; i < end; i++)
            {
                offsets[i] = keys.Count;
                var capital = hasUpper[i] ? 1UL : 0UL;
                var label = (ulong)firstPass[i];
                var previous = i - 1 >= start ? (ulong)firstPass[i - 1] : 99UL;
                var next = i + 1 < end ? (ulong)firstPass[i + 1] : 99UL;
                keys.Add(FeatureHash.Feature((int)T.Label, label));
                keys.Add(FeatureHash.Feature((int)T.PreviousLabel, previous, label));
                keys.Add(FeatureHash.Feature((int)T.NextLabel, label, next));
                keys.Add(FeatureHash.Feature((int)T.LabelWord, label, lower[i]));
                if (hasUpper[i] && documentTypes.TryGetValue(lower[i], out var counts))
                {
                    AddDocumentFeatures(keys, counts, firstPass[i], capital);
                }
            }
        }

        offsets[n] = keys.Count;
        return new FeatureSet(local.Words is null ? [.. keys] : keys, offsets);
    }

    /// <summary>The first pass's features: everything about the token, its sentence and its document but labels.
    /// With <paramref name="words"/>, each token's word features (<see cref="AddWordFeatures"/>) are left out of the
    /// keys, its facts and those features' scores taken from the cache: see <see cref="FeatureSet.WordEntries"/>.</summary>
    public FeatureSet ExtractLocal(TaggerDocument document, WordCache? words = null)
    {
        var tokens = document.Tokens;
        var n = tokens.Length;
        var lower = new ulong[n];
        var shape = new ulong[n];
        var flags = new F[n];
        var hasUpper = new bool[n];
        var isLower = new bool[n];
        var allCaps = new bool[n];
        var entries = words is null ? null : new int[n];
        for (var i = 0; i < n; i++)
        {
            WordFacts facts;
            if (entries is null)
            {
                facts = FactsOf(tokens[i]);
            }
            else
            {
                entries[i] = words!.EntryOf(tokens[i]);
                facts = words.Facts(entries[i]);
            }

            (lower[i], shape[i], flags[i]) = (facts.Lower, facts.Shape, facts.Flags);
            (hasUpper[i], isLower[i], allCaps[i]) = (facts.HasUpper, facts.IsLower, facts.AllCaps);
        }

        var headline = new bool[n];
        var sentenceFirst = new bool[n];
        for (var s = 0; s + 1 < document.SentenceStarts.Length; s++)
        {
            var (start, end) = (document.SentenceStarts[s], document.SentenceStarts[s + 1]);
            if (start == end)
            {
                continue;
            }

            sentenceFirst[start] = true;
            var isHeadline = IsHeadline(tokens, allCaps, start, end);
            for (var i = start; i < end; i++)
            {
                headline[i] = isHeadline;
            }
        }

        // Document features: is the word written in lower case, or capitalised mid-sentence, somewhere else?
        var lowerSeen = new HashSet<ulong>();
        var capitalSeen = new HashSet<ulong>();
        for (var i = 0; i < n; i++)
        {
            if (isLower[i])
            {
                lowerSeen.Add(lower[i]);
            }
            else if (hasUpper[i] && !sentenceFirst[i] && !headline[i] && !allCaps[i])
            {
                capitalSeen.Add(lower[i]);
            }
        }

        var occurrences = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < n; i++)
        {
            if (hasUpper[i])
            {
                if (!occurrences.TryGetValue(lower[i], out var list))
                {
                    list = [];
                    occurrences[lower[i]] = list;
                }

                list.Add(i);
            }
        }

        var sentenceOf = new int[n];
        for (var s = 0; s + 1 < document.SentenceStarts.Length; s++)
        {
            for (var i = document.SentenceStarts[s]; i < document.SentenceStarts[s + 1]; i++)
            {
                sentenceOf[i] = s;
            }
        }

        var places = PlaceFeatures(document, hasUpper);

        var keys = words?.LocalKeys ?? new List<uint>(n * 48);
        var offsets = new int[n + 1];
        for (var s = 0; s + 1 < document.SentenceStarts.Length; s++)
        {
            var (start, end) = (document.SentenceStarts[s], document.SentenceStarts[s + 1]);
            for (var i = start; i < end; i++)
            {
                offsets[i] = keys.Count;
                var p1 = i - 1 >= start ? lower[i - 1] : SentenceStart;
                var p2 = i - 2 >= start ? lower[i - 2] : SentenceStart;
                var n1 = i + 1 < end ? lower[i + 1] : SentenceEnd;
                var n2 = i + 2 < end ? lower[i + 2] : SentenceEnd;
                var ps = i - 1 >= start ? shape[i - 1] : SentenceStart;
                var ns = i + 1 < end ? shape[i + 1] : SentenceEnd;
                var capital = hasUpper[i] ? 1UL : 0UL;

                if (entries is null)
                {
                    AddWordFeatures(keys, tokens[i], FeatureHash.Of(tokens[i]), lower[i], shape[i]);
                }

                keys.Add(FeatureHash.Feature((int)T.Previous, p1));
                keys.Add(FeatureHash.Feature((int)T.Next, n1));
                keys.Add(FeatureHash.Feature((int)T.Previous2, p2));
                keys.Add(FeatureHash.Feature((int)T.Next2, n2));
                keys.Add(FeatureHash.Feature((int)T.PreviousShape, ps, shape[i]));
                keys.Add(FeatureHash.Feature((int)T.NextShape, shape[i], ns));
                keys.Add(FeatureHash.Feature((int)T.ShapeTrigram, ps, shape[i] ^ (ns * 31)));
                keys.Add(FeatureHash.Feature((int)T.PreviousBigram, p1, lower[i]));
                keys.Add(FeatureHash.Feature((int)T.NextBigram, lower[i], n1));
                keys.Add(FeatureHash.Feature((int)T.PreviousWordShape, p1, shape[i]));
                keys.Add(FeatureHash.Feature((int)T.ShapeNextWord, shape[i], n1));
                if (sentenceFirst[i])
                {
                    keys.Add(FeatureHash.Feature((int)T.First, shape[i]));
                }

                if (headline[i])
                {
                    keys.Add(FeatureHash.Feature((int)T.Headline, lower[i]));
                    keys.Add(FeatureHash.Feature((int)T.HeadlineShape, shape[i]));
                }

                if (flags[i] != F.None)
                {
                    keys.Add(FeatureHash.Feature((int)T.Flags, (ulong)flags[i], capital | (sentenceFirst[i] ? 2UL : 0)));
                }

                if (i - 1 >= start && flags[i - 1] != F.None)
                {
                    keys.Add(FeatureHash.Feature((int)T.PreviousFlags, (ulong)flags[i - 1], capital));
                }

                if (i + 1 < end && flags[i + 1] != F.None)
                {
                    keys.Add(FeatureHash.Feature((int)T.NextFlags, (ulong)flags[i + 1], capital));
                }

                for (var k = 1; k <= OrganizationHeadWindow && i + k < end && hasUpper[i + k]; k++)
                {
                    if ((flags[i + k] & F.OrganizationHead) != 0)
                    {
                        keys.Add(FeatureHash.Feature((int)T.OrganizationHeadAhead, (ulong)k, capital));
                        break;
                    }
                }

                places.AddTo(keys, i, capital);
                if (i - 2 >= start && places.Single[i - 2] != 0 && tokens[i - 1] is "and" or "," or "or")
                {
                    keys.Add(FeatureHash.Feature((int)T.PlaceBeforeAnd, places.Single[i - 2], capital));
                }

                if (hasUpper[i])
                {
                    if (lowerSeen.Contains(lower[i]))
                    {
                        keys.Add(FeatureHash.Feature((int)T.LowerElsewhere, sentenceFirst[i] || headline[i] ? 1UL : 0UL));
                    }

                    if ((sentenceFirst[i] || headline[i] || allCaps[i]) && capitalSeen.Contains(lower[i]))
                    {
                        keys.Add(FeatureHash.Feature((int)T.CapitalElsewhere, 0));
                    }

                    // The neighbours of the same word elsewhere in the document: "Pirelli shares", "Pirelli 's".
                    var seen = 0;
                    foreach (var j in occurrences[lower[i]])
                    {
                        if (j == i)
                        {
                            continue;
                        }

                        if (seen++ == OtherOccurrences)
                        {
                            break;
                        }

                        var (js, je) = (document.SentenceStarts[sentenceOf[j]], document.SentenceStarts[sentenceOf[j] + 1]);
                        keys.Add(FeatureHash.Feature((int)T.OtherPrevious, j - 1 >= js ? lower[j - 1] : SentenceStart));
                        keys.Add(FeatureHash.Feature((int)T.OtherNext, j + 1 < je ? lower[j + 1] : SentenceEnd));
                    }
                }
            }
        }

        offsets[n] = keys.Count;
        return new FeatureSet(words is null ? [.. keys] : keys, offsets) { Lower = lower, HasUpper = hasUpper, WordEntries = entries, Words = words };
    }

    /// <summary>What <paramref name="token"/>'s own characters say, wherever it stands: its hashes, shape and lexicon
    /// flags.</summary>
    public WordFacts FactsOf(string token)
    {
        var text = token.AsSpan();
        var lower = FeatureHash.OfLower(text);
        var shape = ShapeOf(text, out var hasUpper, out var isLower, out var allCaps);
        return new WordFacts(lower, shape, FlagsOf(text, lower), hasUpper, isLower, allCaps);
    }

    /// <summary>Adds the features of <paramref name="token"/> that depend on its characters alone, whatever its place,
    /// sentence or document: the bias, the word, its lower-case form and shape, its prefixes and suffixes. They are a
    /// token's first features, so the sum of their weights is where the sum of all its weights starts (see
    /// <see cref="WordCache"/>).</summary>
    public static void AddWordFeatures(List<uint> keys, string token, ulong word, ulong lower, ulong shape)
    {
        keys.Add(FeatureHash.Feature((int)T.Bias, 0));
        keys.Add(FeatureHash.Feature((int)T.Word, word));
        keys.Add(FeatureHash.Feature((int)T.Lower, lower));
        keys.Add(FeatureHash.Feature((int)T.Shape, shape));
        AddAffixes(keys, token);
    }

    // Counts of the first pass's types (O, PER, LOC, ORG, MISC) over the capitalised tokens of each word.
    private static Dictionary<ulong, int[]> DocumentTypes(ulong[] lower, bool[] hasUpper, NerLabel[] labels)
    {
        var counts = new Dictionary<ulong, int[]>();
        for (var i = 0; i < lower.Length; i++)
        {
            if (!hasUpper[i])
            {
                continue;
            }

            if (!counts.TryGetValue(lower[i], out var row))
            {
                row = new int[NerLabels.Types.Count + 1];
                counts[lower[i]] = row;
            }

            row[labels[i].TypeIndex() + 1]++;
        }

        return counts;
    }

    // The types the same word had elsewhere in the document (its own label left out), and the most frequent one.
    private static void AddDocumentFeatures(List<uint> keys, int[] counts, NerLabel own, ulong capital)
    {
        var ownType = own.TypeIndex() + 1;
        var best = -1;
        var bestCount = 0;
        var total = 0;
        for (var t = 0; t < counts.Length; t++)
        {
            var count = counts[t] - (t == ownType ? 1 : 0);
            total += count;
            if (count > 0 && t > 0)
            {
                keys.Add(FeatureHash.Feature((int)T.DocumentAny, (ulong)t, capital));
            }

            if (count > bestCount)
            {
                (best, bestCount) = (t, count);
            }
        }

        if (total > 0)
        {
            var share = bestCount * 2 > total ? 1UL : 0UL;
            keys.Add(FeatureHash.Feature((int)T.DocumentMajority, (ulong)best, share));
        }
    }

    private static void AddAffixes(List<uint> keys, string token)
    {
        var length = Math.Min(AffixLength, token.Length);
        for (var k = 1; k <= length; k++)
        {
            keys.Add(FeatureHash.Feature((int)T.Prefix + k, FeatureHash.OfLower(token.AsSpan(0, k))));
            keys.Add(FeatureHash.Feature((int)T.Suffix + k, FeatureHash.OfLower(token.AsSpan(token.Length - k))));
        }
    }

    private F FlagsOf(ReadOnlySpan<char> text, ulong lower)
    {
        var flags = F.None;
        if (text.Length > 0 && char.IsUpper(text[0]))
        {
            flags |= F.Capitalized;
        }

        if (lexicon.IsFirstName(lower))
        {
            flags |= F.FirstName;
        }

        if (lexicon.IsCommonWord(lower))
        {
            flags |= F.Common;
        }

        if (lexicon.IsDemonym(lower))
        {
            flags |= F.Demonym;
        }

        if (lexicon.IsTitle(lower))
        {
            flags |= F.Title;
        }

        if (lexicon.IsTitleModifier(lower))
        {
            flags |= F.TitleModifier;
        }

        if (lexicon.IsOrganizationHead(lower))
        {
            flags |= F.OrganizationHead;
        }

        if (lexicon.IsKnownOrganization(lower))
        {
            flags |= F.KnownOrganization;
        }

        return flags == F.Capitalized ? F.None : flags;
    }

    // "Xx", "X", "x", "d-d", "X.X.": character classes, runs of one class collapsed.
    private static ulong ShapeOf(ReadOnlySpan<char> text, out bool hasUpper, out bool isLower, out bool allCaps)
    {
        var h = FeatureHash.Empty;
        var last = '\0';
        var letters = 0;
        var uppers = 0;
        foreach (var raw in text)
        {
            var c = FeatureHash.Fold(raw);
            char cls;
            if (char.IsUpper(c))
            {
                cls = 'X';
                uppers++;
                letters++;
            }
            else if (char.IsLetter(c))
            {
                cls = 'x';
                letters++;
            }
            else if (char.IsDigit(c))
            {
                cls = 'd';
            }
            else
            {
                cls = c;
            }

            if (cls != last)
            {
                h = FeatureHash.Add(h, cls);
                last = cls;
            }
        }

        hasUpper = text.Length > 0 && char.IsUpper(text[0]);
        isLower = letters > 0 && uppers == 0 && char.IsLower(text[0]);
        allCaps = letters >= 2 && uppers == letters;
        return h;
    }

    private static bool IsHeadline(string[] tokens, bool[] allCaps, int start, int end)
    {
        var words = 0;
        var capitals = 0;
        for (var i = start; i < end; i++)
        {
            if (tokens[i].AsSpan().ContainsAnyExcept(NonLetters) && char.IsLetter(tokens[i][0]))
            {
                words++;
                if (allCaps[i] || (tokens[i].Length == 1 && char.IsUpper(tokens[i][0])))
                {
                    capitals++;
                }
            }
        }

        return words > 0 && capitals >= HeadlineCapitalShare * words;
    }

    private static readonly System.Buffers.SearchValues<char> NonLetters =
        System.Buffers.SearchValues.Create("0123456789.,;:-'\"()[]{}/\\!?&%$#@*+=<>|~`^_");

    // Longest gazetteer match starting at each capitalised token; every token also on its own.
    private PlaceFeatureSet PlaceFeatures(TaggerDocument document, bool[] hasUpper)
    {
        var tokens = document.Tokens;
        var result = new PlaceFeatureSet(tokens.Length);
        for (var s = 0; s + 1 < document.SentenceStarts.Length; s++)
        {
            var (start, end) = (document.SentenceStarts[s], document.SentenceStarts[s + 1]);
            var coveredUntil = start;
            for (var i = start; i < end; i++)
            {
                if (!hasUpper[i])
                {
                    continue;
                }

                var h = FeatureHash.Empty;
                var longest = 0;
                PlaceHit best = default;
                for (var j = i; j < end && j - i < lexicon.MaxPlaceWords; j++)
                {
                    h = FeatureHash.AddWord(h, tokens[j]);
                    if (lexicon.TryPlace(h, out var hit))
                    {
                        (longest, best) = (j - i + 1, hit);
                        if (j == i)
                        {
                            result.Single[i] = 1UL + hit.Type + (4UL * hit.PopulationBucket);
                        }
                    }

                    if (!lexicon.IsPlacePrefix(h))
                    {
                        break;
                    }
                }

                if (longest > 0 && i >= coveredUntil)
                {
                    var length = (ulong)Math.Min(longest, 3);
                    result.Begin[i] = 1UL + best.Type + (4UL * best.PopulationBucket) + (16UL * length);
                    for (var k = i + 1; k < i + longest; k++)
                    {
                        result.Inside[k] = 1UL + best.Type + (16UL * length);
                    }

                    coveredUntil = i + longest;
                }
            }
        }

        return result;
    }

    /// <summary>What a word's own characters say: its lower-case hash, shape, lexicon flags, whether it starts with a
    /// capital, is all lower case, or all capitals (two letters or more).</summary>
    internal readonly record struct WordFacts(ulong Lower, ulong Shape, F Flags, bool HasUpper, bool IsLower, bool AllCaps);

    private sealed class PlaceFeatureSet(int count)
    {
        public ulong[] Single { get; } = new ulong[count];

        public ulong[] Begin { get; } = new ulong[count];

        public ulong[] Inside { get; } = new ulong[count];

        public void AddTo(List<uint> keys, int i, ulong capital)
        {
            if (Single[i] != 0)
            {
                keys.Add(FeatureHash.Feature((int)T.PlaceWord, Single[i], capital));
            }

            if (Begin[i] != 0)
            {
                keys.Add(FeatureHash.Feature((int)T.PlaceBegin, Begin[i], capital));
            }

            if (Inside[i] != 0)
            {
                keys.Add(FeatureHash.Feature((int)T.PlaceInside, Inside[i], capital));
            }
        }
    }
}
