using System.CommandLine;
using System.Diagnostics;
using ArticleIndexer.Core.Entities.Tagging;

namespace ArticleIndexer.Cli;

/// <summary>
/// <c>eval ner GOLD</c>: tags the tokens of a CoNLL-2003 file with the product's tagger (each <c>-DOCSTART-</c> story
/// as one document), prints precision, recall and F1 per entity type as <c>conll_score.py</c> computes them, and with
/// <c>--predictions OUT</c> writes the file back with the predicted tag appended to every token line.
/// </summary>
public sealed partial class CliApp
{
    /// <summary>The tagger <c>eval ner</c> uses. Defaults to the product's (<see cref="SequenceTagger.Default"/>).</summary>
    internal Func<SequenceTagger> EvalTagger { get; init; } = () => SequenceTagger.Default;

    private Command EvalCommand()
    {
        var command = new Command("eval", "Measure the product against annotated data.");
        command.Add(EvalNerCommand());
        examples[command] = ["articles eval ner ../shared/data/conll2003/dev.txt --predictions /tmp/dev.pred"];
        return command;
    }

    private Command EvalNerCommand()
    {
        var gold = new Argument<string>("GOLD")
        {
            Description = "A CoNLL-2003 file: one token per line with its gold tag (IOB1, IOB2 or IOBES) in the last column, "
                          + "a blank line after each sentence, -DOCSTART- lines between stories.",
        };
        var predictions = new Option<string>("--predictions")
        {
            Description = "Write GOLD back to this file with the predicted IOB2 tag appended to each token line (conlleval layout), "
                          + "for conll_score.py or conlleval.",
            HelpName = "OUT",
        };
        var types = new Option<string>("--types")
        {
            Description = "Count only these entity types, comma-separated (PER,LOC), on both sides, as conll_score.py --types. Default: all.",
            HelpName = "TYPES",
        };
        var command = new Command(
            "ner",
            "Tag the tokens of a CoNLL-2003 file with the entity tagger and print precision, recall and F1 per type (PER, LOC, ORG, MISC) "
            + "and overall, exact spans as conlleval counts them.")
        {
            gold, predictions, types,
        };
        examples[command] =
        [
            "articles eval ner ../shared/data/conll2003/dev.txt",
            "articles eval ner ../shared/data/conll2003/dev.txt --predictions /tmp/dev.pred --types PER,LOC",
            "articles eval ner dev.txt --json",
        ];
        command.SetAction(parse => EvalNer(parse.GetValue(gold) ?? string.Empty, parse.GetValue(predictions), parse.GetValue(types), parse.GetValue(json)));
        return command;
    }

    private int EvalNer(string goldPath, string? predictionsPath, string? typeList, bool asJson)
    {
        var types = typeList?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (types is { Count: 0 })
        {
            return Fail(ExitCodes.UsageError, "--types needs at least one type (PER,LOC). See 'articles eval ner --help'.");
        }

        if (!File.Exists(goldPath))
        {
            return Fail(ExitCodes.UsageError, Directory.Exists(goldPath)
                ? $"'{goldPath}' is a folder; give a CoNLL file. See 'articles eval ner --help'."
                : $"The CoNLL file '{goldPath}' does not exist ({Path.GetFullPath(goldPath)}).");
        }

        ConllCorpus? corpus;
        string? problem;
        try
        {
            ConllCorpus.TryRead(goldPath, out corpus, out problem);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.UsageError, $"Cannot read the CoNLL file '{goldPath}' ({ex.Message}).");
        }

        if (corpus is null)
        {
            return Fail(ExitCodes.UsageError, $"{problem} Each token line needs the token first and the gold tag last.");
        }

        if (corpus.TokenCount == 0)
        {
            return Fail(ExitCodes.UsageError, $"The CoNLL file '{goldPath}' holds no token line.");
        }

        var tagger = EvalTagger();
        var watch = Stopwatch.StartNew();
        var predicted = ConllEvaluation.Tag(tagger, corpus);
        var seconds = watch.Elapsed.TotalSeconds;
        var score = ConllEvaluation.Score(corpus, predicted, types);
        if (predictionsPath is not null)
        {
            try
            {
                WritePredictions(predictionsPath, corpus, predicted);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Fail(ExitCodes.UnexpectedError, $"Cannot write the predictions to '{predictionsPath}' ({ex.Message}).");
            }
        }

        var report = new NerEvalJson(
            Path.GetFullPath(goldPath),
            predictionsPath is null ? null : Path.GetFullPath(predictionsPath),
            corpus.Documents.Count,
            score.Sentences,
            score.Tokens,
            score.TokenAccuracy,
            seconds,
            seconds > 0 ? score.Tokens / seconds : 0,
            types?.Order(StringComparer.Ordinal).ToArray(),
            score.PerType,
            score.Overall);
        if (asJson)
        {
            JsonOutput.Write(output, report);
        }
        else
        {
            text.NerEval(report);
        }

        return ExitCodes.Ok;
    }

    // The gold file's lines with the predicted tag appended, stories and sentences separated as in the gold file.
    private static void WritePredictions(string path, ConllCorpus corpus, IReadOnlyList<string> predicted)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, Utf8NoBom))
        {
            var k = 0;
            foreach (var document in corpus.Documents)
            {
                if (document.Header is { } header)
                {
                    writer.Write(header);
                    writer.Write(" O\n\n");
                }

                foreach (var sentence in document.Sentences)
                {
                    foreach (var token in sentence)
                    {
                        writer.Write(token.Line);
                        writer.Write(' ');
                        writer.Write(predicted[k++]);
                        writer.Write('\n');
                    }

                    writer.Write('\n');
                }
            }
        }

        File.Move(temporary, full, overwrite: true);
    }
}

/// <summary><c>eval ner --json</c>: the files, the counts, the tagging time, and the scores (percent) per type and overall.</summary>
internal sealed record NerEvalJson(
    string Gold,
    string? Predictions,
    int Documents,
    int Sentences,
    int Tokens,
    double TokenAccuracy,
    double Seconds,
    double TokensPerSecond,
    IReadOnlyList<string>? Types,
    IReadOnlyList<TypeScore> PerType,
    TypeScore Overall);
