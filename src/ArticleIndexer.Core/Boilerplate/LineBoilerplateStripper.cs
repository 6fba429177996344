using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Boilerplate;

/// <summary>
/// First-version stripper: decides line by line with named rules (<see cref="BoilerplateRules"/>), then looks at the
/// end of the article. A paywall cue drops the offer that follows it, but only up to the next line of prose, so a
/// "Subscribe now" line in the middle of an article never takes the rest of the article with it.
/// </summary>
public sealed class LineBoilerplateStripper : IBoilerplateStripper
{
    /// <summary>A line with at least this many words that ends a sentence is prose; it ends a paywall block.</summary>
    internal const int ProseMinWords = 12;

    /// <summary>A last line shorter than this that stops mid-sentence is taken for a truncated caption.</summary>
    internal const int TruncatedLineMaxWords = 15;

    /// <inheritdoc />
    public StrippedText Strip(NormalizedText text, LineRepeats repeats)
    {
        var lines = text.Text.Split('\n');
        var kept = new List<KeptLine>(lines.Length);
        var dropped = new List<StrippedLine>();
        var inPaywall = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var rule = Classify(line, ref inPaywall);
            if (rule is null)
            {
                kept.Add(new KeptLine(i + 1, line));
            }
            else
            {
                dropped.Add(new StrippedLine(i + 1, line, rule));
            }
        }

        DropTruncatedTrailingLine(kept, dropped);
        dropped.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
        return new StrippedText(kept, dropped);
    }

    private static string? Classify(string line, ref bool inPaywall)
    {
        if (BoilerplateRules.PaywallCue().IsMatch(line) && !IsLongProse(line))
        {
            inPaywall = true;
            return BoilerplateRules.Paywall;
        }

        if (inPaywall)
        {
            if (!IsLongProse(line))
            {
                return BoilerplateRules.PaywallBlock;
            }

            inPaywall = false;
        }

        if (BoilerplateRules.TemplatePlaceholder().IsMatch(line))
        {
            return BoilerplateRules.Template;
        }

        if (BoilerplateRules.IsAdvertisement(line))
        {
            return BoilerplateRules.Advertisement;
        }

        if (BoilerplateRules.IsUiLabel(line))
        {
            return BoilerplateRules.UiLabel;
        }

        if (BoilerplateRules.MoreOnLine().IsMatch(line))
        {
            return BoilerplateRules.MoreOn;
        }

        if (BoilerplateRules.CreditTail().IsMatch(line))
        {
            return BoilerplateRules.PhotoCredit;
        }

        if (line.Length <= 30 && BoilerplateRules.PriceOrCounterLine().IsMatch(line))
        {
            return BoilerplateRules.PriceOrCounter;
        }

        return null;
    }

    private static void DropTruncatedTrailingLine(List<KeptLine> kept, List<StrippedLine> dropped)
    {
        if (kept.Count < 2)
        {
            return;
        }

        var last = kept[^1];
        if (!TextShape.EndsSentence(last.Text) && TextShape.CountWords(last.Text) < TruncatedLineMaxWords)
        {
            kept.RemoveAt(kept.Count - 1);
            dropped.Add(new StrippedLine(last.LineNumber, last.Text, BoilerplateRules.TruncatedTrailingLine));
        }
    }

    private static bool IsLongProse(string line) => TextShape.EndsSentence(line) && TextShape.CountWords(line) >= ProseMinWords;
}
