using System.Globalization;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Titles;

namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// Keeps the article body of a saved page and drops the rest, line by line, every drop with its rule's name
/// (<see cref="BoilerplateRules"/>; docs/design.md explains each and the dev figures behind it).
/// <list type="number">
/// <item>Line rules drop what is furniture wherever it stands: "Advertisement", "Share", credits, cookie and
/// newsletter notices, bylines, cross-links, buttons, disclosures, glued table cells, template remnants. A paywall
/// cue drops the offer after it up to the next line of prose. Two teasers cut off with "..." close together are a
/// list of other stories. In the last lines, author notes, disclaimers and references go.</item>
/// <item>Lines the archive repeats in many articles (<see cref="LineRepeats"/>) are the site's furniture, unless
/// they head a paragraph of their own ("Conclusion").</item>
/// <item>Every other line is prose (long, with the stop words of sentences, as jusText measures) or not. An
/// end-of-article cue ("Related articles", "Leave a reply") drops the rest when less prose follows it than came
/// before it. Prose comes in blocks; a block far from the largest one and much smaller goes.</item>
/// <item>Lines that are not prose keep their place between paragraphs (headings, lists, tables). Above the first
/// paragraph only its heading and short sentences stay; below the last one, lines go once page furniture has
/// started. Dates, menus joined by separators and bare prices are dropped only there ("soft" rules).</item>
/// <item>The headline just above the first paragraph is kept for the title stage: headlines have no terminal
/// punctuation, so the rules above would take it for a menu entry.</item>
/// </list>
/// Rules about the whole file stop at prose: a file with no paragraph keeps its lines, and a cue such as a paywall
/// offer or "Related" never takes a longer text after it with it.
/// </summary>
public sealed class LineBoilerplateStripper : IBoilerplateStripper
{
    /// <summary>A line with at least this many words that ends a sentence is prose; it ends a paywall block.</summary>
    internal const int ProseMinWords = 12;

    /// <summary>A last line shorter than this that stops mid-sentence is taken for a truncated caption.</summary>
    internal const int TruncatedLineMaxWords = 15;

    /// <summary>A line shorter than this (in characters) is "short": its neighbours decide (jusText's length_low).</summary>
    internal const int ShortLength = 70;

    /// <summary>Stop-word density at or above which a line is prose (jusText's stopwords_high).</summary>
    internal const double ProseStopDensity = 0.25;

    /// <summary>Stop-word density at or above which a line is near prose (jusText's stopwords_low).</summary>
    internal const double NearProseStopDensity = 0.15;

    /// <summary>A heading may stand this many other short lines above the paragraph it belongs to.</summary>
    internal const int HeadingGap = 0;

    /// <summary>A sentence of at least this many words next to the first or last paragraph belongs to the article.</summary>
    internal const int EdgeSentenceWords = 3;

    /// <summary>Two paragraphs are in separate blocks when the lines between them weigh more than this: a line
    /// dropped as page furniture weighs 1, any other line <see cref="BlockGapOtherLine"/>.</summary>
    internal const double BlockGap = 6;

    /// <summary>See <see cref="BlockGap"/>: short lines and inline furniture (captions, labels) weigh this much.</summary>
    internal const double BlockGapOtherLine = 0.25;

    /// <summary>A block with less prose than this share of the largest block's is not part of the article.</summary>
    internal const double BlockShare = 0.2;

    /// <summary>The tail of a file, where <see cref="BoilerplateRules.TailRule"/> applies, is its last this many lines.</summary>
    internal const int TailLines = 6;

    /// <summary>A line the model drops is explained by this many of the features that weighed most against it.</summary>
    internal const int ExplainedFeatures = 3;

    /// <summary>Two lines cut off with an ellipsis at most this many lines apart are story teasers.</summary>
    internal const int TeaserDistance = 4;

    /// <summary>A line found in at least this many articles of the archive, and in at least <see cref="RepeatedShare"/> of them, is furniture.</summary>
    internal const int RepeatedMinArticles = 5;

    /// <summary>See <see cref="RepeatedMinArticles"/>.</summary>
    internal const double RepeatedShare = 0.001;

    /// <summary>A one-word line repeats as furniture only when this share of the archive has it ("REUTER").</summary>
    internal const double RepeatedSingleWordShare = 0.2;

    /// <summary>A text is no article when, besides no paragraph of prose, it keeps fewer words than this.</summary>
    internal const int NoArticleMaxWords = 100;

    /// <summary>... and the cleaner dropped at least this many lines as furniture around it.</summary>
    internal const int NoArticleMinDropped = 3;

    /// <summary>The product's cleaner: the rules, then the line model built into the assembly.</summary>
    public LineBoilerplateStripper()
        : this(LineModel.Default)
    {
    }

    /// <summary>A cleaner with the given line model, or the rules alone when <paramref name="model"/> is null.</summary>
    public LineBoilerplateStripper(LineModel? model)
    {
        Model = model;
    }

    /// <summary>The rules alone, without the line model: what the rule tests check.</summary>
    public static LineBoilerplateStripper RulesOnly { get; } = new((LineModel?)null);

    /// <summary>The line model that has the last word, or null for the rules alone.</summary>
    public LineModel? Model { get; }

    /// <inheritdoc />
    public StrippedText Strip(NormalizedText text, LineRepeats repeats)
    {
        var analysis = Analyze(text, repeats);
        if (Model is null || analysis.IsWireStory)
        {
            return Decide(analysis, null, null); // wire copy is the rules' (Decide): no need to score it
        }

        var vectors = LineVectors.Build(analysis.Lines, analysis.LineRules, analysis.Rules, analysis.Soft, repeats, Model.Words);
        var reading = Model.Score(vectors, LineVectors.Length);
        return Decide(analysis, reading.Scores, reading);
    }

    /// <summary>
    /// Why <paramref name="stripped"/> is no article, or null when it is one: what was kept holds not one paragraph of
    /// prose and fewer than <see cref="NoArticleMaxWords"/> words, around at least <see cref="NoArticleMinDropped"/>
    /// lines a rule named furniture (a read-later tool saved a menu, a listing or a table of figures instead of the article). A
    /// wire story under its dateline, and a file in which nothing was furniture (a price table, a headline alone), are
    /// articles however short.
    /// </summary>
    public static string? NoArticle(StrippedText stripped)
    {
        // Furniture a rule named, not lines the model doubted nor lines the archive repeats: a wire story of figures
        // under a misspelt dateline ("NEW YORK, Narch 2 - Qtr ended Jan 31") loses lines to the model, a price table
        // its column headings ("OPEN HIGH LOW CLOSE", in every such table), and each is still an article.
        var furniture = 0;
        foreach (var line in stripped.Dropped)
        {
            furniture += line.Rule is BoilerplateRules.LineModel or BoilerplateRules.Repeated ? 0 : 1;
        }

        if (stripped.Kept.Count == 0 || furniture < NoArticleMinDropped)
        {
            return null;
        }

        var words = 0;
        foreach (var kept in stripped.Kept)
        {
            var line = new Line(kept.LineNumber, kept.Text, LineFeatures.Of(kept.Text), false);
            if (line.IsProse || TextShape.OpensStory(kept.Text))
            {
                return null;
            }

            words += line.Features.Words;
        }

        return words >= NoArticleMaxWords
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"what is left once {furniture} lines of furniture are gone is {words} words in {stripped.Kept.Count} short lines, not one paragraph");
    }

    /// <summary>
    /// Keeps and drops the lines of <paramref name="analysis"/>: by the rules alone when <paramref name="scores"/> is
    /// null, else by the model. The model has the last word on every line but those a sure rule dropped
    /// (<see cref="BoilerplateRules.IsSure"/>: a caption with its credit, "Advertisement"); when it drops a line a rule also dropped,
    /// the rule names the reason, otherwise <paramref name="explain"/> (when given) says what weighed against it.
    /// </summary>
    internal static StrippedText Decide(Analysis analysis, double[]? scores, LineModel.Reading? explain, double? threshold = null)
    {
        // Wire copy is a story of a headline, a dateline and often rows of figures ("Shr 33 cts vs 23 cts", "Record
        // April 6") under it, which the model, trained on web pages, takes for furniture: the rules decide it.
        if (analysis.IsWireStory)
        {
            scores = null;
        }

        var lines = analysis.Lines;
        var kept = new List<KeptLine>(lines.Count);
        var dropped = new List<StrippedLine>();
        var cut = threshold ?? explain?.Model.Threshold ?? 0;
        var copies = new Copies();
        for (var i = 0; i < lines.Count; i++)
        {
            var rule = analysis.Rules[i];
            string? detail = null;
            if (scores is not null && i != analysis.Headline)
            {
                if (scores[i] >= cut && !BoilerplateRules.IsSure(analysis.LineRules[i], lines[i].Features))
                {
                    rule = null;
                }
                else if (rule is null)
                {
                    rule = BoilerplateRules.LineModel;
                    detail = explain?.Explain(i, ExplainedFeatures);
                }
            }

            if (rule is null && copies.Seen(lines[i].Text, lines[i].Features))
            {
                rule = BoilerplateRules.Copy;
            }

            if (rule is not null)
            {
                dropped.Add(new StrippedLine(lines[i].Number, lines[i].Text, rule, detail));
            }
            else
            {
                kept.Add(new KeptLine(lines[i].Number, lines[i].Text));
            }
        }

        // The model never empties a file in which no line rule found furniture and the rules kept something: that is
        // a short item or a table ("CANBRA FOODS LTD SETS SPECIAL ONE-TIME FIVE DLR/COMMON SHR CASH PAYOUT" alone, a
        // futures price table), not a page of furniture, and the archive should have it. Nor one in which the rules
        // kept a paragraph or a wire story among furniture (a news brief saved with its "Share" and "Advertisement").
        if (kept.Count == 0 && scores is not null && Array.Exists(analysis.Rules, r => r is null)
            && (Array.TrueForAll(analysis.LineRules, r => r is null) || RulesKeptAStory(analysis)))
        {
            return Decide(analysis, null, null, threshold);
        }

        return new StrippedText(kept, dropped);
    }

    /// <summary>The paragraphs kept so far, to drop a second copy of one (<see cref="BoilerplateRules.Copy"/>).</summary>
    internal sealed class Copies
    {
        private readonly HashSet<string> kept = new(StringComparer.Ordinal);

        /// <summary>True when a line of <see cref="BoilerplateRules.CopyMinWords"/> words or more was kept before;
        /// else remembers it as kept.</summary>
        public bool Seen(string text, LineFeatures features) =>
            features.Words >= BoilerplateRules.CopyMinWords && !kept.Add(text);
    }

    private static bool RulesKeptAStory(Analysis analysis)
    {
        for (var i = 0; i < analysis.Lines.Count; i++)
        {
            if (analysis.Rules[i] is null && (analysis.Lines[i].IsLongProse || TextShape.OpensStory(analysis.Lines[i].Text)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rules' verdict on every non-blank line of <paramref name="text"/>, with what led to it.</summary>
    internal static Analysis Analyze(NormalizedText text, LineRepeats repeats)
    {
        var lines = ReadLines(text.Text);
        var rules = new string?[lines.Count];
        ApplyLineRules(lines, rules);
        ApplyTeasers(lines, rules);
        ApplyTailRules(lines, rules);
        ApplyRepeats(lines, rules, repeats);
        var lineRules = (string?[])rules.Clone();
        var soft = new string?[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            soft[i] = rules[i] is null ? BoilerplateRules.SoftRule(lines[i].Text, lines[i].Features) : null;
        }

        var classes = Classify(lines, rules);
        ApplyEndCue(lines, rules, classes);
        DropSeparateBlocks(lines, rules, classes);
        var start = ArticleStart(lines, classes);
        ResolveByContext(lines, rules, soft, classes, start);
        var headline = ProtectHeadline(lines, rules, soft, start);
        var wire = WireStory(lines, rules);
        if (headline < 0 && wire > 0 && LooksLikeHeading(lines[wire - 1]))
        {
            rules[wire - 1] = null; // "OWENS AND MINOR INC <OBOD> RAISES QTLY DIVIDEND" over a story of figures
            headline = wire - 1;
        }

        DropTruncatedTrailingLine(lines, rules);
        return new Analysis(lines, lineRules, rules, soft, headline, wire >= 0);
    }

    /// <summary>The lines a text may open with before its wire dateline for it to be wire copy: a headline, a line
    /// of codes.</summary>
    internal const int WireStoryFirstLines = 3;

    // The index of the wire dateline that opens the text's story ("RICHMOND, Va. Feb 26 - Qtly div eights cts"), kept
    // by the rules, within its first lines; -1 when the text is not wire copy.
    private static int WireStory(List<Line> lines, string?[] rules)
    {
        for (var i = 0; i < lines.Count && i <= WireStoryFirstLines; i++)
        {
            if (rules[i] is null && TextShape.OpensStory(lines[i].Text))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>What <see cref="Analyze"/> found: the lines, the rule each line rule gave alone, the final rule of
    /// each line (null: kept), the soft rule that names a line its place drops, the index of the headline above
    /// the first paragraph (-1: none), which is left to the title stage whatever the model says, and whether the text
    /// is wire copy (a wire dateline opens its story within its first lines: then the rules decide alone).</summary>
    internal sealed record Analysis(List<Line> Lines, string?[] LineRules, string?[] Rules, string?[] Soft, int Headline, bool IsWireStory = false);

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
            if (!line.IsLongProse && BoilerplateRules.IsPaywallCue(line.Text))
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

        // The heading of a text browser's list of links goes with the list.
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (rules[i] is null && rules[i + 1] is BoilerplateRules.LinkList && BoilerplateRules.IsLinkListHeading(lines[i].Text))
            {
                rules[i] = BoilerplateRules.LinkList;
            }
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
            // Lines with figures are data even when their shape repeats ("Shr 66 cts vs 18 cts" in every Reuters
            // earnings report); a single word ("REUTER") must be in a fifth of the archive, or it is a label
            // such as "Features" that many unrelated articles share.
            if (rules[i] is not null || line.IsLongProse || line.Features.Digits > 0 || line.Features.Letters < 4)
            {
                continue;
            }

            var count = repeats.ArticlesContaining(line.Text);
            var enough = line.Features.Words >= 2
                ? count >= threshold && line.Features.Letters >= 8
                : count >= threshold && count >= repeats.Articles * RepeatedSingleWordShare;
            if (enough && !IsHeadingOfItsParagraph(lines, i) && !ContinuesAParagraph(lines, i))
            {
                rules[i] = BoilerplateRules.Repeated;
            }
        }
    }

    // In hard-wrapped text ("In a filing with the Securities and Exchange Commission,") a common phrase can fill a
    // line of its own; such a line ends mid-sentence or follows a line that does.
    private static bool ContinuesAParagraph(List<Line> lines, int i) =>
        lines[i].Text[^1] is ',' or ';' or '-'
        || (i > 0 && !lines[i].BlankBefore && lines[i - 1].Text.Length >= 50 && !lines[i - 1].Features.EndsSentence);

    // "Conclusion" or "Key takeaways" recur across a site's articles, but each time above a paragraph of its own.
    private static bool IsHeadingOfItsParagraph(List<Line> lines, int i) =>
        i + 1 < lines.Count && lines[i].Features.Words <= 3 && !lines[i].Features.EndsSentence && lines[i + 1].IsLongProse;

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

    // Prose comes in blocks: paragraphs with at most a few other lines between them. The article is the block with
    // the most prose; a block far from it with much less prose (a footer's "About us", a cookie notice, a list of
    // teasers) is not part of it.
    private static void DropSeparateBlocks(List<Line> lines, string?[] rules, ContentClass[] classes)
    {
        var blocks = new List<(int First, int Last, int Prose)>();
        var gap = 0.0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (classes[i] != ContentClass.Good)
            {
                gap += classes[i] == ContentClass.Bad && !BoilerplateRules.IsInline(rules[i]) ? 1 : BlockGapOtherLine;
                continue;
            }

            if (blocks.Count > 0 && gap <= BlockGap)
            {
                var block = blocks[^1];
                blocks[^1] = (block.First, i, block.Prose + lines[i].Text.Length);
            }
            else
            {
                blocks.Add((i, i, lines[i].Text.Length));
            }

            gap = 0;
        }

        if (blocks.Count < 2)
        {
            return;
        }

        var main = blocks.Max(b => b.Prose);
        foreach (var block in blocks)
        {
            if (block.Prose >= main * BlockShare)
            {
                continue;
            }

            for (var i = block.First; i <= block.Last; i++)
            {
                if (classes[i] == ContentClass.Good)
                {
                    rules[i] = BoilerplateRules.SeparateBlock;
                    classes[i] = ContentClass.Bad;
                }
            }
        }
    }

    // Lines that are not prose (headings, list items, short remarks, tables) belong to the article when prose stands
    // on both sides of them; before the first paragraph only its heading stays, after the last paragraph they stay
    // until page furniture starts. A cut-off last line is left to DropTruncatedTrailingLine, which names it so.
    private static void ResolveByContext(List<Line> lines, string?[] rules, string?[] soft, ContentClass[] classes, int first)
    {
        var last = Array.LastIndexOf(classes, ContentClass.Good);
        if (first >= 0)
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
                continue;
            }

            if (i < first)
            {
                if (soft[i] is not null || !IsHeadingNearText(lines, classes, i))
                {
                    rules[i] = soft[i] ?? BoilerplateRules.BeforeArticle;
                }
            }
            else if (i > last && afterBad && (soft[i] is not null || i < lines.Count - 1 || !IsTruncated(lines[i].Text)))
            {
                rules[i] = soft[i] ?? BoilerplateRules.AfterArticle;
            }
        }
    }

    // Where the article starts: its first paragraph of prose, or the wire dateline above it that opens the story
    // ("LOS ANGELES, March 16 - Shr profit nine cts vs loss 58 cts" over the rows of an earnings table). -1: no prose.
    private static int ArticleStart(List<Line> lines, ContentClass[] classes)
    {
        var first = Array.IndexOf(classes, ContentClass.Good);
        for (var j = first - 1; j >= 0; j--)
        {
            if (classes[j] != ContentClass.Bad && TextShape.OpensStory(lines[j].Text))
            {
                return j;
            }
        }

        return first;
    }

    // A heading stands right above its text: the next line that no rule dropped is prose, or, when HeadingGap
    // allows, up to that many more headings (a subtitle) and then prose.
    private static bool IsHeadingNearText(List<Line> lines, ContentClass[] classes, int i)
    {
        if (!LooksLikeHeading(lines[i]))
        {
            return false;
        }

        var weak = 0;
        for (var j = i + 1; j < lines.Count; j++)
        {
            switch (classes[j])
            {
                case ContentClass.Good:
                    return true;
                case ContentClass.Weak when ++weak > HeadingGap || !LooksLikeHeading(lines[j]):
                    return false;
            }
        }

        return false;
    }

    private static bool LooksLikeHeading(Line line) =>
        line.Features.Words is > 0 and <= 20 && !line.Features.EndsSentence && line.Features.Letters > 0;

    // The headline stands just above the first paragraph of the article, with perhaps a byline or a date between:
    // the length rules must not take it, whatever the menus above it, nor the line model. Returns its index, or -1.
    private static int ProtectHeadline(List<Line> lines, string?[] rules, string?[] soft, int first)
    {
        if (first <= 0)
        {
            return -1;
        }

        for (var j = first - 1; j >= 0 && j >= first - 4; j--)
        {
            if (rules[j] is null)
            {
                return TitleFinder.LooksLikeHeadline(lines[j].Text) ? j : -1;
            }

            // Right over a wire dateline, a line dropped for its place is the headline whatever its shape
            // ("<BRALORNE RESOURCES LTD> YEAR LOSS"), even with a breadcrumb's slash ("FINANCIAL/SANTA BARBARA <FSB>
            // UNIT OFFERS NOTES"); a date or a price dropped so is no headline.
            var overDateline = j == first - 1 && TextShape.OpensStory(lines[first].Text) && LooksLikeHeading(lines[j])
                && (rules[j] is BoilerplateRules.BeforeArticle || (soft[j] is BoilerplateRules.Navigation && rules[j] == soft[j]));
            if (overDateline || (rules[j] is BoilerplateRules.BeforeArticle && TitleFinder.LooksLikeHeadline(lines[j].Text)))
            {
                rules[j] = null;
                return j;
            }
        }

        return -1;
    }

    private static void DropTruncatedTrailingLine(List<Line> lines, string?[] rules)
    {
        var last = Array.LastIndexOf(rules, null);
        if (last < 0 || rules.Count(r => r is null) < 2)
        {
            return;
        }

        if (IsTruncated(lines[last].Text))
        {
            rules[last] = BoilerplateRules.TruncatedTrailingLine;
        }
    }

    private static bool IsTruncated(string line) =>
        !TextShape.EndsSentence(line) && TextShape.CountWords(line) is >= 4 and < TruncatedLineMaxWords && char.IsLower(line[^1])
        && !line.Any(char.IsDigit);

    private enum ContentClass
    {
        /// <summary>Dropped by a rule.</summary>
        Bad,

        /// <summary>Not prose: its place decides.</summary>
        Weak,

        /// <summary>Prose.</summary>
        Good,
    }

    internal sealed record Line(int Number, string Text, LineFeatures Features, bool BlankBefore)
    {
        public bool IsLongProse => Features.EndsSentence && Features.Words >= ProseMinWords;

        /// <summary>A short sentence: "Both governments said so."</summary>
        public bool IsSentence => Features.EndsSentence && Features.Words >= EdgeSentenceWords && Features.StopWords >= 1 && Features.Letters > Features.Digits;

        /// <summary>A paragraph of text: long enough, and with the stop words of sentences.</summary>
        public bool IsProse => Text.Length >= ShortLength
            && (Features.StopWordDensity >= ProseStopDensity || (Features.EndsSentence && Features.StopWordDensity >= NearProseStopDensity));
    }
}
