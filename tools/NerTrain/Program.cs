// Trains the named-entity tagger on CoNLL-2003 English and writes the model the product embeds:
//
//   dotnet run -c Release --project tools/NerTrain -- ../shared/data/conll2003/train.txt \
//       --out src/ArticleIndexer.Core/Entities/Data/ner-model.bin.gz --dev ../shared/data/conll2003/dev.txt
//
// Deterministic: the same data and options give the same file, byte for byte. One thread. With --dev it prints the
// dev scores of the model it wrote, as `articles eval ner` and conll_score.py compute them. Never give it the test split.
using System.Diagnostics;
using System.Globalization;
using ArticleIndexer.Core.Entities.Tagging;

if (args is ["--show", var modelPath, var textPath])
{
    // Error analysis: both passes' labels on the product's tokens of a text file.
    using var stream = File.OpenRead(modelPath);
    var model = SequenceTagger.Load(stream);
    var input = ArticleIndexer.Core.Entities.TaggerInput.From(ArticleIndexer.Core.Entities.Tokenizer.Tokenize(File.ReadAllText(textPath)));
    var firstLabels = model.TagFirstPass(input.Document);
    var secondLabels = model.Tag(input.Document);
    var k = 0;
    foreach (var sentence in input.Document.Sentences)
    {
        Console.WriteLine(string.Join(' ', sentence.Select(t =>
        {
            var (a, b) = (firstLabels[k], secondLabels[k++]);
            return a == NerLabel.O && b == NerLabel.O ? t : $"{t}/{a.ToTag()}>{b.ToTag()}";
        })));
    }

    return 0;
}

var options = new NerTrainingOptions();
string? train = null, output = null, dev = null, predictions = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": output = args[++i]; break;
        case "--dev": dev = args[++i]; break;
        case "--predictions": predictions = args[++i]; break;
        case "--epochs": options = options with { Epochs = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--folds": options = options with { Folds = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--seed": options = options with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--ensemble": options = options with { Ensemble = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--prune": options = options with { PruneBelow = float.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        default: train = args[i]; break;
    }
}

if (train is null || output is null)
{
    Console.Error.WriteLine("usage: NerTrain TRAIN.conll --out MODEL [--dev DEV.conll] [--epochs N] [--folds N] [--seed N] [--prune W]");
    return 2;
}

if (!ConllCorpus.TryRead(train, out var corpus, out var error))
{
    Console.Error.WriteLine(error);
    return 2;
}

Console.WriteLine($"training on {corpus.Documents.Count} documents, {corpus.TokenCount} tokens: {options}");
var watch = Stopwatch.StartNew();
var tagger = NerTrainer.Train(corpus.Documents, options, Console.Out);
Console.WriteLine($"trained in {watch.Elapsed.TotalSeconds:F1} s");
using (var file = File.Create(output))
{
    tagger.Save(file);
}

Console.WriteLine($"wrote {output}: {new FileInfo(output).Length:N0} bytes, {tagger.FeatureCount:N0} features");
if (dev is null)
{
    return 0;
}

if (!ConllCorpus.TryRead(dev, out var devCorpus, out error))
{
    Console.Error.WriteLine(error);
    return 2;
}

using var reread = File.OpenRead(output);
var loaded = SequenceTagger.Load(reread);
watch.Restart();
var predicted = ConllEvaluation.Tag(loaded, devCorpus);
var seconds = watch.Elapsed.TotalSeconds;
var score = ConllEvaluation.Score(devCorpus, predicted);
var firstOnly = ConllEvaluation.Score(devCorpus, devCorpus.Documents.SelectMany(d => loaded.TagFirstPass(d.ToTaggerDocument())).Select(l => l.ToTag()).ToArray());
Console.WriteLine($"dev, first pass only: " + string.Join(", ", firstOnly.PerType.Append(firstOnly.Overall).Select(t => $"{t.Type} {t.F1:F2}")));
if (predictions is not null)
{
    File.WriteAllLines(predictions, devCorpus.Documents.SelectMany(d => d.Tokens).Select((t, k) => t.Line + " " + predicted[k]));
}

Console.WriteLine($"dev: {devCorpus.TokenCount} tokens tagged in {seconds:F2} s ({devCorpus.TokenCount / seconds:N0} tokens/s, first call included)");
foreach (var type in score.PerType.Append(score.Overall))
{
    Console.WriteLine($"{type.Type,8}: P {type.Precision:F2}  R {type.Recall:F2}  F1 {type.F1:F2}  ({type.Correct}/{type.Found} found, {type.Gold} gold)");
}

return 0;
