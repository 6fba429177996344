using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// The page model: boosted trees that decide, line by line over every block of a web page, what the article is. Each
/// line is read twice: by the line cleaner's measures of its text (<see cref="LineVectors"/>: shape, the rules'
/// verdicts, place among the page's prose, neighbours, vocabulary) and by what the markup says of its block
/// (<see cref="PageBlocks"/>: the Readability-style extractor's choice, regions, names, links, JSON-LD). Trained by
/// <c>tools/BoilerplateTrain --pages</c> on the dev pages and shipped as <c>Boilerplate/Data/page-model.bin</c>
/// (docs/html.md, "Page model").
/// </summary>
internal static class PageModel
{
    private const string ResourceName = "ArticleIndexer.Boilerplate.page-model.bin";

    // What the markup says of the lines around: the extractor's choice and the regions, two lines either side.
    private static readonly int[] NeighbourOffsets = [-2, -1, 1, 2];

    private static readonly (string Name, int Fact)[] NeighbourFacts =
    [
        ("kept by the extractor", 0), ("inside the extractor's container", 1), ("link share", 4), ("heading level", 5),
        ("in navigation", 9), ("in a footer", 11), ("in a list of links", 26),
    ];

    private static readonly string[] SpanNames =
    [
        "markup: inside the extractor's kept span", "markup: lines to the extractor's first kept line",
        "markup: lines past the extractor's last kept line", "markup: kept by the extractor near",
    ];

    /// <summary>The feature names, in vector order: the line cleaner's, the markup's of the line, of the lines around
    /// it, and where it stands against what the extractor kept.</summary>
    public static readonly string[] Names =
    [
        .. LineVectors.Names, .. PageBlocks.Names,
        .. NeighbourOffsets.SelectMany(o => NeighbourFacts.Select(f => $"markup, {Which(o)}: {f.Name}")),
        .. SpanNames,
    ];

    private static string Which(int offset) => offset switch
    {
        -2 => "two lines above",
        -1 => "line above",
        1 => "line below",
        _ => "two lines below",
    };

    private static readonly Lazy<LineModel> Shared = new(() => LineModel.Load(ResourceName, Names));

    /// <summary>The model built into the product.</summary>
    public static LineModel Default => Shared.Value;

    /// <summary>The lines of a page's blocks as the line cleaner sees them, and the block each line is from.</summary>
    public sealed record Lines(LineBoilerplateStripper.Analysis Analysis, int[] Block);

    /// <summary>Normalises each block (as a text file is) and lets the line rules judge them all, one line a block
    /// (more for preformatted text), blocks apart by a blank line.</summary>
    public static Lines Analyze(IReadOnlyList<PageBlocks.Block> blocks, TextNormalizer normalizer)
    {
        var text = new System.Text.StringBuilder();
        var startLine = new List<(int Line, int Block)>(blocks.Count);
        var line = 1;
        for (var b = 0; b < blocks.Count; b++)
        {
            var normalized = normalizer.Normalize(blocks[b].Text).Text.Trim('\n');
            if (normalized.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
                line += 2;
            }

            startLine.Add((line, b));
            text.Append(normalized);
            foreach (var c in normalized)
            {
                line += c == '\n' ? 1 : 0;
            }
        }

        var analysis = LineBoilerplateStripper.Analyze(new NormalizedText(text.ToString(), 0), LineRepeats.Empty);
        var blockOf = new int[analysis.Lines.Count];
        var at = 0;
        for (var i = 0; i < blockOf.Length; i++)
        {
            while (at + 1 < startLine.Count && startLine[at + 1].Line <= analysis.Lines[i].Number)
            {
                at++;
            }

            blockOf[i] = startLine[at].Block;
        }

        return new Lines(analysis, blockOf);
    }

    /// <summary>The vectors of <paramref name="lines"/>, <see cref="Names"/> wide.</summary>
    public static float[] Vectors(Lines lines, IReadOnlyList<PageBlocks.Block> blocks, WordOdds words)
    {
        var a = lines.Analysis;
        var own = LineVectors.Build(a.Lines, a.LineRules, a.Rules, a.Soft, LineRepeats.Empty, words);
        var width = Names.Length;
        var lineWidth = LineVectors.Length;
        var n = a.Lines.Count;
        var vectors = new float[n * width];
        int first = -1, last = -1;
        for (var i = 0; i < n; i++)
        {
            if (Markup(i)[0] > 0)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var v = vectors.AsSpan(i * width, width);
            own.AsSpan(i * lineWidth, lineWidth).CopyTo(v);
            var k = lineWidth;
            Markup(i).CopyTo(v[k..]);
            k += PageBlocks.Names.Length;
            foreach (var offset in NeighbourOffsets)
            {
                var j = i + offset;
                foreach (var (_, fact) in NeighbourFacts)
                {
                    // A missing neighbour reads as -1: not kept, no links, nothing.
                    v[k++] = j >= 0 && j < n ? Markup(j)[fact] : -1;
                }
            }

            v[k++] = first >= 0 && i >= first && i <= last ? 1 : 0;
            v[k++] = first < 0 ? n : Math.Max(0, first - i);
            v[k++] = first < 0 ? n : Math.Max(0, i - last);
            var near = 0;
            for (var j = Math.Max(0, i - 5); j <= Math.Min(n - 1, i + 5); j++)
            {
                near += j != i && Markup(j)[0] > 0 ? 1 : 0;
            }

            v[k] = near;
        }

        return vectors;

        float[] Markup(int line) => blocks[lines.Block[line]].Markup;
    }

    /// <summary>The article by <paramref name="model"/>: the lines scoring at least its threshold, but never the
    /// headline (it is the page's title, in neither list), a line a sure line rule dropped
    /// (<see cref="BoilerplateRules.IsSure"/>) nor a second copy of a paragraph (<see cref="BoilerplateRules.Copy"/>);
    /// a dropped line names the rule that also dropped it, or
    /// <see cref="BoilerplateRules.PageModel"/> with the features that weighed most against it.</summary>
    public static StrippedText Decide(Lines lines, IReadOnlyList<PageBlocks.Block> blocks, LineModel model)
    {
        var reading = model.Score(Vectors(lines, blocks, model.Words), Names.Length);
        return Decide(lines, blocks, reading.Scores, model.Threshold, reading);
    }

    /// <summary>As <see cref="Decide(Lines, IReadOnlyList{PageBlocks.Block}, LineModel)"/>, from scores already
    /// computed and at <paramref name="threshold"/>; a line only the model dropped is explained when
    /// <paramref name="explain"/> is given.</summary>
    public static StrippedText Decide(Lines lines, IReadOnlyList<PageBlocks.Block> blocks, double[] scores, double threshold,
        LineModel.Reading? explain = null)
    {
        var a = lines.Analysis;
        var kept = new List<KeptLine>();
        var dropped = new List<StrippedLine>();
        var copies = new LineBoilerplateStripper.Copies();
        for (var i = 0; i < scores.Length; i++)
        {
            var line = a.Lines[i];
            if (blocks[lines.Block[i]].IsHeadline)
            {
                continue;
            }

            if (scores[i] >= threshold && !BoilerplateRules.IsSure(a.LineRules[i], line.Features))
            {
                if (copies.Seen(line.Text, line.Features))
                {
                    dropped.Add(new StrippedLine(line.Number, line.Text, BoilerplateRules.Copy));
                    continue;
                }

                kept.Add(new KeptLine(line.Number, line.Text));
            }
            else if (a.Rules[i] is { } rule)
            {
                dropped.Add(new StrippedLine(line.Number, line.Text, rule));
            }
            else
            {
                var detail = explain?.Explain(i, LineBoilerplateStripper.ExplainedFeatures);
                dropped.Add(new StrippedLine(line.Number, line.Text, BoilerplateRules.PageModel, detail));
            }
        }

        return new StrippedText(kept, dropped);
    }

    /// <summary>The model's score of each line.</summary>
    public static double[] Score(Lines lines, IReadOnlyList<PageBlocks.Block> blocks, LineModel model) =>
        model.Score(Vectors(lines, blocks, model.Words), Names.Length).Scores;
}
