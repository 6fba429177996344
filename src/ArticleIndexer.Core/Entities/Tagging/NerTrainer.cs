using System.Diagnostics;

namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>How <see cref="NerTrainer"/> trains. The defaults are the ones the committed model was trained with.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Passes over the training documents for each perceptron. Defaults to 12.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Folds for the first pass's labels on the training documents (jack-knifing). Defaults to 5.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the document order. Defaults to 20030531 (CoNLL-2003).</summary>
    public int Seed { get; init; } = 20030531;

    /// <summary>Perceptrons trained per pass, each on its own document order, whose weights are averaged into one.
    /// Defaults to 3 (on CoNLL dev: PER F1 +0.8 over one perceptron; five are no better).</summary>
    public int Ensemble { get; init; } = 3;

    /// <summary>Features whose averaged weights are all smaller than this are left out of the model. Defaults to 0.01.</summary>
    public float PruneBelow { get; init; } = 0.01f;
}

/// <summary>
/// Trains the two-pass <see cref="SequenceTagger"/> on CoNLL documents, deterministically. The second pass learns
/// from first-pass labels the way it will see them on new text: each training document is labelled by a first pass
/// trained on the other folds (jack-knifing), never by one that has seen its gold labels.
/// </summary>
public static class NerTrainer
{
    /// <summary>Trains on <paramref name="documents"/>; progress lines go to <paramref name="log"/>.</summary>
    public static SequenceTagger Train(IReadOnlyList<ConllDocument> documents, NerTrainingOptions options, TextWriter? log = null)
    {
        var lexicon = TaggerLexicon.Default;
        var extractor = new FeatureExtractor(lexicon);
        var watch = Stopwatch.StartNew();
        var inputs = documents.Select(d => d.ToTaggerDocument()).ToArray();
        var gold = documents.Select(d => d.Sentences.SelectMany(ConllCorpus.GoldLabels).ToArray()).ToArray();
        var local = inputs.Select((d, i) => new TrainingDocument(d, extractor.Extract(d, null), gold[i])).ToArray();
        log?.WriteLine($"features of {documents.Count} documents in {watch.Elapsed.TotalSeconds:F1} s");

        var first = TrainEnsemble(local, options);
        log?.WriteLine($"first pass: {first.Keys.Length} features, {watch.Elapsed.TotalSeconds:F1} s");

        var firstPass = new NerLabel[documents.Count][];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var training = local.Where((_, i) => i % options.Folds != fold).ToArray();
            var model = PerceptronTrainer.Train(training, options.Epochs, options.Seed + fold + 1, options.PruneBelow);
            for (var i = fold; i < local.Length; i += options.Folds)
            {
                firstPass[i] = SequenceTagger.Decode(model, inputs[i], local[i].Features);
            }

            log?.WriteLine($"fold {fold + 1}/{options.Folds}: {watch.Elapsed.TotalSeconds:F1} s");
        }

        var stacked = inputs.Select((d, i) => new TrainingDocument(d, extractor.Extract(d, firstPass[i]), gold[i])).ToArray();
        var second = TrainEnsemble(stacked, options);
        log?.WriteLine($"second pass: {second.Keys.Length} features, {watch.Elapsed.TotalSeconds:F1} s");
        return new SequenceTagger(first, second, lexicon);
    }

    private static PerceptronModel TrainEnsemble(IReadOnlyList<TrainingDocument> documents, NerTrainingOptions options) =>
        PerceptronModel.Mean(Enumerable.Range(0, options.Ensemble)
            .Select(k => PerceptronTrainer.Train(documents, options.Epochs, options.Seed + (1000 * k), options.PruneBelow))
            .ToArray());
}
