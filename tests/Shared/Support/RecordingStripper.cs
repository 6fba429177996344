using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Titles;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArticleIndexer.Tests.Support;

/// <summary>The product's stripper, recording the <see cref="LineRepeats"/> table of every call.</summary>
internal sealed class RecordingStripper : IBoilerplateStripper
{
    private readonly LineBoilerplateStripper inner = new();

    public List<LineRepeats> Repeats { get; } = [];

    /// <summary>Called after each call is recorded (a test cancels its pass here).</summary>
    public Action? OnStrip { get; init; }

    /// <summary>A processor with the default stages around this stripper.</summary>
    public ArticleProcessor Processor() =>
        new(new ArticleReader(), new TextNormalizer(), this, new TitleFinder(), new RuleEntityExtractor());

    /// <summary>A one-thread pipeline with the default stages around this stripper: files are read and stripped one
    /// after the other, in the order they were found, so a test can act between two of them.</summary>
    public ArticlePipeline Pipeline() => new(Processor(), TimeProvider.System, NullLogger<ArticlePipeline>.Instance) { Parallelism = 1 };

    public StrippedText Strip(NormalizedText text, LineRepeats repeats)
    {
        lock (Repeats)
        {
            Repeats.Add(repeats);
        }

        OnStrip?.Invoke();
        return inner.Strip(text, repeats);
    }
}
