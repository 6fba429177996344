using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Titles;

namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// Keeps the article body of a saved page and drops the rest, line by line, every drop with its rule's name.
/// <list type="number">
/// <item>Named line rules (<see cref="BoilerplateRules"/>) catch what is boilerplate wherever it stands: "Advertisement",
/// "Share", credits, cookie and newsletter notices, bylines and dates, template remnants, prices.</item>
/// <item>A paywall cue drops the offer after it up to the next line of prose; an end-of-article cue ("Related
/// articles", "Leave a reply") drops the rest of the file, unless as much prose follows as came before it.</item>
/// <item>Lines the archive repeats in many articles (<see cref="LineRepeats"/>) are the site's furniture.</item>
/// <item>The rest is classified as jusText does: long lines dense in stop words are prose, long lines without them
/// are lists of links or figures, and short lines take the class of the text around them, so a heading or a list
/// between paragraphs stays and a menu between other menus goes.</item>
/// <item>The headline, the short line that opens the article, is protected from the length rules: headlines have
/// no terminal punctuation.</item>
/// </list>
/// Whole-file rules never empty an article that has prose: they stop at the first paragraph of text.
/// </summary>
public sealed class LineBoilerplateStripper : IBoilerplateStripper
{
    /// <summary>A line with at least this many words that ends a sentence is prose; it ends a paywall block.</summary>
    internal const int ProseMinWords = 12;

    /// <summary>A last line shorter than this that stops mid-sentence is taken for a truncated caption.</summary>
    internal const int TruncatedLineMaxWords = 15;

    /// <summary>A line shorter than this (in characters) is "short": its neighbours decide (jusText's length_low).</summary>
    internal const int ShortLength = 70;

    /// <summary>A line longer than this with enough stop words is prose on its own (jusText's length_high).</summary>
    internal const int LongLength = 200;

    /// <summary>Stop-word density at or above which a line is prose (jusText's stopwords_high).</summary>
    internal const double ProseStopDensity = 0.25;

    /// <summary>Stop-word density at or above which a line is near prose (jusText's stopwords_low).</summary>
    internal const double NearProseStopDensity = 0.15;

    /// <summary>A short heading this close (in characters) to the next paragraph of prose belongs to the article.</summary>
    internal const int HeadingDistance = 200;

    /// <summary>The tail of a file, where <see cref="BoilerplateRules.TailRule"/> applies, is its last this many lines.</summary>
    internal const int TailLines = 6;

    /// <summary>Two lines cut off with an ellipsis at most this many lines apart are story teasers.</summary>
    internal const int TeaserDistance = 4;

    /// <summary>A line found in at least this many articles of the archive, and in at least <see cref="RepeatedShare"/> of them, is furniture.</summary>
    internal const int RepeatedMinArticles = 5;

    /// <summary>See <see cref="RepeatedMinArticles"/>.</summary>
    internal const double RepeatedShare = 0.001;

    internal static int NoProseMode = int.Parse(Environment.GetEnvironmentVariable("AI_NOPROSE") ?? "0");

    internal static int ShortSentenceMode = int.Parse(Environment.GetEnvironmentVariable("AI_SHORTSENT") ?? "0");

    internal static int EdgeMode = int.Parse(Environment.GetEnvironmentVariable("AI_EDGE") ?? "1");

    internal static int EdgeSentenceWords = int.Parse(Environment.GetEnvironmentVariable("AI_EDGEWORDS") ?? "3");

    internal static int ShortSentenceWords = int.Parse(Environment.GetEnvironmentVariable("AI_SHORTWORDS") ?? "6");

    internal static int TrailingMode = int.Parse(Environment.GetEnvironmentVariable("AI_TRAILING") ?? "0");

    /// <inheritdoc />
    public StrippedText Strip(NormalizedText text, LineRepeats repeats)
    {
        var lines = ReadLines(text.Text);
        var rules = new string?[lines.Count];
        ApplyLineRules(lines, rules);
        ApplyTeasers(lines, rules);
        ApplyTailRules(lines, rules);
        ApplyRepeats(lines, rules, repeats);
        var soft = new string?[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            soft[i] = rules[i] is null ? BoilerplateRules.SoftRule(lines[i].Text, lines[i].Features) : null;
        }

        var classes = Classify(lines, rules);
        ApplyEndCue(lines, rules, classes);
        ResolveByContext(lines, rules, soft, classes);
        ProtectHeadline(lines, rules, classes);

        var kept = new List<KeptLine>(lines.Count);
        var dropped = new List<StrippedLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (rules[i] is { } rule)
            {
                dropped.Add(new StrippedLine(lines[i].Number, lines[i].Text, rule));
            }
            else
            {
                kept.Add(new KeptLine(lines[i].Number, lines[i].Text));
            }
        }

        DropTruncatedTrailingLine(kept, dropped);
        dropped.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
        return new StrippedText(kept, dropped);
    }

    private static List<Line> ReadLines(string text)
    {
        var lines = new List<Line>();
        var number = 0;
        var blankBefore = true;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            number++;
            var line = text[range];
            if (line.Length == 0)
            {
                blankBefore = true;
                continue;
            }

            lines.Add(new Line(number, line, LineFeatures.Of(line), blankBefore));
            blankBefore = false;
        }

        return lines;
    }

    private static void ApplyLineRules(List<Line> lines, string?[] rules)
    {
        var inPaywall = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (BoilerplateRules.PaywallCue().IsMatch(line.Text) && !line.IsLongProse)
            {
                inPaywall = true;
                rules[i] = BoilerplateRules.Paywall;
                continue;
            }

            if (inPaywall)
            {
                if (!line.IsLongProse)
                {
                    rules[i] = BoilerplateRules.PaywallBlock;
                    continue;
                }

                inPaywall = false;
            }

            rules[i] = BoilerplateRules.Classify(line.Text, line.Features);
        }
    }

    // The last lines of the file are where sites put notes about the author,
    // disclaimers and references; they are prose, so only there are they judged by what they say.
    private static void ApplyTailRules(List<Line> lines, string?[] rules)
    {
        var start = Math.Max(0, lines.Count - TailLines);
        for (var i = Math.Max(1, start); i < lines.Count; i++)
        {
            if (rules[i] is null)
            {
                rules[i] = BoilerplateRules.TailRule(lines[i].Text, lines[i].Features);
            }
        }
    }

    // Lines cut off with an ellipsis, two or more within a few lines of each other: a list of other stories.
    private static void ApplyTeasers(List<Line> lines, string?[] rules)
    {
        var previous = -100;
        for (var i = 0; i < lines.Count; i++)
        {
            if (rules[i] is not null || !BoilerplateRules.IsTeaserLike(lines[i].Text, lines[i].Features))
            {
                continue;
            }

            if (i - previous <= TeaserDistance)
            {
                rules[i] = BoilerplateRules.Teaser;
                rules[previous] = BoilerplateRules.Teaser;
            }

            previous = i;
        }
    }

    private static void ApplyRepeats(List<Line> lines, string?[] rules, LineRepeats repeats)
    {
        if (repeats.Articles < RepeatedMinArticles)
        {
            return;
        }

        var threshold = Math.Max(RepeatedMinArticles, (int)(repeats.Articles * RepeatedShare));
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (rules[i] is null && !line.IsLongProse && line.Features.Words - line.Features.Digits >= 2 && line.Features.Letters >= 8
                && repeats.ArticlesContaining(line.Text) >= threshold
                && !IsHeadingOfItsParagraph(lines, i))
            {
                rules[i] = BoilerplateRules.Repeated;
            }
        }
    }

    // "Conclusion" or "Key takeaways" recur across a site's articles, but each time above a paragraph of its own.
    private static bool IsHeadingOfItsParagraph(List<Line> lines, int i) =>
        i + 1 < lines.Count && lines[i].Features.Words <= 8 && !lines[i].Features.EndsSentence && lines[i + 1].IsLongProse;

    private static ContentClass[] Classify(List<Line> lines, string?[] rules)
    {
        var classes = new ContentClass[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            classes[i] = rules[i] is not null ? ContentClass.Bad : lines[i].IsProse ? ContentClass.Good : ContentClass.Weak;
        }

        return classes;
    }

    // An end-of-article cue ("Related articles", "Leave a Reply") drops what follows when less prose follows it than
    // came before it; otherwise it was a box inside the article and only the cue goes.
    private static void ApplyEndCue(List<Line> lines, string?[] rules, ContentClass[] classes)
    {
        var goodBefore = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (classes[i] == ContentClass.Weak && BoilerplateRules.IsEndCue(lines[i].Text, lines[i].Features) && goodBefore > 0)
            {
                var goodAfter = 0;
                for (var j = i + 1; j < lines.Count; j++)
                {
                    if (classes[j] == ContentClass.Good)
                    {
                        goodAfter += lines[j].Text.Length;
                    }
                }

                rules[i] = BoilerplateRules.EndCue;
                classes[i] = ContentClass.Bad;
                if (goodAfter * 2 < goodBefore)
                {
                    for (var j = i + 1; j < lines.Count; j++)
                    {
                        rules[j] ??= BoilerplateRules.AfterEndCue;
                        classes[j] = ContentClass.Bad;
                    }

                    return;
                }
            }

            if (classes[i] == ContentClass.Good)
            {
                goodBefore += lines[i].Text.Length;
            }
        }
    }

    // Lines that are not prose (headings, list items, short remarks, tables) belong to the article when prose stands
    // on both sides of them; before the first paragraph only headings close to it stay, after the last paragraph
    // only a list it announces ("... include:").
    private static void ResolveByContext(List<Line> lines, string?[] rules, string?[] soft, ContentClass[] classes)
    {
        var first = Array.IndexOf(classes, ContentClass.Good);
        var last = Array.LastIndexOf(classes, ContentClass.Good);
        if (first >= 0 && EdgeMode > 0)
        {
            // Short sentences next to the first and last paragraphs are the article's own: "The money will be
            // delivered over three years." Lines dropped by a rule in between do not interrupt it.
            for (var j = first - 1; j >= 0 && classes[j] != ContentClass.Good; j--)
            {
                if (classes[j] == ContentClass.Weak)
                {
                    if (!lines[j].IsSentence)
                    {
                        break;
                    }

                    first = j;
                }
            }

            for (var j = last + 1; j < lines.Count; j++)
            {
                if (classes[j] == ContentClass.Weak)
                {
                    if (!lines[j].IsSentence)
                    {
                        break;
                    }

                    last = j;
                }
            }
        }

        var afterBad = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > last && classes[i] == ContentClass.Bad)
            {
                afterBad = true;
            }

            if (classes[i] != ContentClass.Weak)
            {
                continue;
            }

            if (first < 0)
            {
                // No paragraph of prose: a list, a table, a recipe. There is no article around which to cut.
                if (NoProseMode > 0)
                {
                    rules[i] = soft[i] ?? BoilerplateRules.OutsideText;
                }

                continue;
            }

            if (i < first)
            {
                if (!IsHeadingNearText(lines, classes, i))
                {
                    rules[i] = soft[i] ?? BoilerplateRules.BeforeArticle;
                }
            }
            else if (i > last && (afterBad || !IsAnnouncedList(lines, classes, last, i)))
            {
                rules[i] = soft[i] ?? (i == lines.Count - 1 && IsTruncated(lines[i].Text)
                    ? BoilerplateRules.TruncatedTrailingLine
                    : BoilerplateRules.AfterArticle);
            }
        }
    }

    // The last paragraph ends with a colon and the lines after it are its list, up to the first blank line after a
    // line that ends a sentence.
    private static bool IsAnnouncedList(List<Line> lines, ContentClass[] classes, int last, int i)
    {
        return TrailingMode switch
        {
            0 => lines[last].Text.EndsWith(':') && i - last <= 40,
            _ => true,
        };
    }

    private static bool IsHeadingNearText(List<Line> lines, ContentClass[] classes, int i)
    {
        if (!LooksLikeHeading(lines[i]))
        {
            return false;
        }

        var distance = 0;
        for (var j = i + 1; j < lines.Count && distance <= HeadingDistance; j++)
        {
            if (classes[j] == ContentClass.Good)
            {
                return true;
            }

            distance += lines[j].Text.Length;
        }

        return false;
    }

    private static bool LooksLikeHeading(Line line) =>
        line.Features.Words is > 0 and <= 20 && !line.Features.EndsSentence && line.Features.Letters > 0;

    // The headline stands just above the first paragraph of the article, with perhaps a byline or a date between:
    // the length rules must not take it, whatever the menus above it.
    private static void ProtectHeadline(List<Line> lines, string?[] rules, ContentClass[] classes)
    {
        var first = Array.IndexOf(classes, ContentClass.Good);
        if (first <= 0)
        {
            return;
        }

        for (var j = first - 1; j >= 0 && j >= first - 4; j--)
        {
            if (rules[j] is null)
            {
                return;
            }

            if (rules[j] is BoilerplateRules.BeforeArticle or BoilerplateRules.Navigation && TitleFinder.LooksLikeHeadline(lines[j].Text))
            {
                rules[j] = null;
                return;
            }
        }
    }

    private static void DropTruncatedTrailingLine(List<KeptLine> kept, List<StrippedLine> dropped)
    {
        if (kept.Count < 2)
        {
            return;
        }

        var last = kept[^1];
        if (IsTruncated(last.Text))
        {
            kept.RemoveAt(kept.Count - 1);
            dropped.Add(new StrippedLine(last.LineNumber, last.Text, BoilerplateRules.TruncatedTrailingLine));
        }
    }

    private static bool IsTruncated(string line) =>
        !TextShape.EndsSentence(line) && TextShape.CountWords(line) < TruncatedLineMaxWords && char.IsLower(line[^1]);

    private enum ContentClass
    {
        /// <summary>Dropped by a rule.</summary>
        Bad,

        /// <summary>Not prose: its place decides.</summary>
        Weak,

        /// <summary>Prose.</summary>
        Good,
    }

    private sealed record Line(int Number, string Text, LineFeatures Features, bool BlankBefore)
    {
        public bool IsLongProse => Features.EndsSentence && Features.Words >= ProseMinWords;

        /// <summary>A short sentence: "Both governments said so."</summary>
        public bool IsSentence => Features.EndsSentence && Features.Words >= EdgeSentenceWords && Features.StopWords >= 1 && Features.Letters > Features.Digits;

        /// <summary>A paragraph of text: long enough, and with the stop words of sentences.</summary>
        public bool IsProse => Text.Length >= ShortLength
            ? Features.StopWordDensity >= ProseStopDensity || (Features.EndsSentence && Features.StopWordDensity >= NearProseStopDensity)
            : ShortSentenceMode > 0 && Features.EndsSentence && Features.Words >= ShortSentenceWords && Features.StopWordDensity >= ProseStopDensity;
    }
}
