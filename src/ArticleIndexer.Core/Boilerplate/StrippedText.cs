using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Boilerplate;

/// <summary>A line of the normalised text kept as article text.</summary>
/// <param name="LineNumber">1-based line number in the normalised text.</param>
/// <param name="Text">The line.</param>
public readonly record struct KeptLine(int LineNumber, string Text);

/// <summary>A line removed as boilerplate, and the rule that removed it.</summary>
/// <param name="LineNumber">1-based line number in the normalised text.</param>
/// <param name="Text">The line as it was.</param>
/// <param name="Rule">The rule's name, one of <see cref="BoilerplateRules"/>' constants.</param>
/// <param name="Detail">More about the decision where the rule's name does not say it all: for
/// <see cref="BoilerplateRules.LineModel"/>, the model's confidence and what weighed most against the line.</param>
public sealed record StrippedLine(int LineNumber, string Text, string Rule, string? Detail = null);

/// <summary>What the stripper kept and what it dropped, in line order. Blank lines are neither.</summary>
public sealed record StrippedText(IReadOnlyList<KeptLine> Kept, IReadOnlyList<StrippedLine> Dropped);

/// <summary>Separates article text from the site furniture a scraper saved with it.</summary>
public interface IBoilerplateStripper
{
    /// <summary>Splits <paramref name="text"/> into kept and dropped lines.</summary>
    /// <param name="text">The article's normalised text.</param>
    /// <param name="repeats">How many articles of the archive contain each line; <see cref="LineRepeats.Empty"/> when unknown.</param>
    StrippedText Strip(NormalizedText text, LineRepeats repeats);
}

/// <summary>Shortcuts for <see cref="IBoilerplateStripper"/>.</summary>
public static class BoilerplateStripperExtensions
{
    /// <summary>Strips <paramref name="text"/> as the only article seen: no line is dropped for repeating across articles.</summary>
    public static StrippedText Strip(this IBoilerplateStripper stripper, NormalizedText text) => stripper.Strip(text, LineRepeats.Empty);
}
