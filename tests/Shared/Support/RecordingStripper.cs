using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Titles;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArticleIndexer.Operations.Tests.Support;

/// <summary>The product's stripper, recording the <see cref="LineRepeats"/> table of every call.</summary>
internal sealed class RecordingStripper : IBoilerplateStripper
{
    private readonly LineBoilerplateStripper inner = new();

    public List<LineRepeats> Repeats { get; } = [];

    /// <summary>A pipeline with the default stages around this stripper.</summary>
    public ArticlePipeline Pipeline() => new(
        new ArticleProcessor(new ArticleReader(), new TextNormalizer(), this, new TitleFinder(), new RuleEntityExtractor()),
        TimeProvider.System,
        NullLogger<ArticlePipeline>.Instance);

    public StrippedText Strip(NormalizedText text, LineRepeats repeats)
    {
        Repeats.Add(repeats);
        return inner.Strip(text, repeats);
    }
}
