using System.Diagnostics;
using System.Globalization;
using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class EvalNerCommandTests : IDisposable
{
    // Two stories, the second with a person and a place the tagger knows; tags in IOB2, POS and chunk columns as CoNLL has them.
    private const string Small =
        "-DOCSTART- -X- -X- O\n\n"
        + "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n. . O O\n\n"
        + "-DOCSTART- -X- -X- O\n\n"
        + "Peter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\nvisited VBD B-VP O\nLondon NNP B-NP B-LOC\n. . O O\n";

    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    private string Write(string name, string content)
    {
        var path = Path.Combine(temp.Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task EvalNer_WritesEveryTokenLineBack_WithThePredictedTagAppended()
    {
        var gold = Write("small.conll", Small);
        var predictions = Path.Combine(temp.Root, "small.pred");

        var run = await CliRun.InvokeAsync(["eval", "ner", gold, "--predictions", predictions]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var goldLines = Small.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var predicted = File.ReadAllText(predictions).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(goldLines.Length, predicted.Length);
        Assert.Equal(4, File.ReadAllText(predictions).Split("\n\n").Length - 1); // after each -DOCSTART- and each sentence
        foreach (var (g, p) in goldLines.Zip(predicted))
        {
            Assert.StartsWith(g + " ", p);
            Assert.Matches(@"^(O|[BI]-(PER|LOC|ORG|MISC))$", p[(g.Length + 1)..].TrimEnd());
        }

        Assert.Contains("Peter NNP B-NP B-PER B-PER", predicted);
        Assert.Contains("Blackburn NNP I-NP I-PER I-PER", predicted);
        Assert.Contains("London NNP B-NP B-LOC B-LOC", predicted);
    }

    [Fact]
    public async Task EvalNer_PrintsARowPerTypeAndOverall()
    {
        var run = await CliRun.InvokeAsync(["eval", "ner", Write("small.conll", Small)]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains(" 10 tokens, 2 sentences, 2 documents; tagged in ", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("PER ", StringComparison.Ordinal) && l.Contains("100.00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("LOC ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("overall ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvalNer_Json_CountsTheEntitiesOfEachType()
    {
        var run = await CliRun.InvokeAsync(["eval", "ner", Write("small.conll", Small), "--types", "PER,LOC", "--json"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = run.Json();
        var root = json.RootElement;
        Assert.Equal(10, root.GetProperty("tokens").GetInt32());
        Assert.Equal(["LOC", "PER"], root.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        var perType = root.GetProperty("perType").EnumerateArray().ToDictionary(t => t.GetProperty("type").GetString()!);
        Assert.Equal(["LOC", "PER"], perType.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, perType["PER"].GetProperty("gold").GetInt32());
        Assert.Equal(2, root.GetProperty("overall").GetProperty("gold").GetInt32());
    }

    [Fact]
    public async Task EvalNer_OnAMissingFile_ExitsWithTwoAndSaysWhich()
    {
        var missing = Path.Combine(temp.Root, "nope.conll");

        var run = await CliRun.InvokeAsync(["eval", "ner", missing]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("articles: The CoNLL file ", line);
        Assert.Contains("nope.conll' does not exist", line);
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("EU NNP B-NP B-ORG\nrejects\n", 2, "expected a token and a tag")]
    [InlineData("EU NNP B-NP B-ORG\n\nrejects VBZ B-VP X-PER\n", 3, "'X-PER' is not a tag")]
    [InlineData("EU NNP B-NP ORG\n", 1, "'ORG' is not a tag")]
    public async Task EvalNer_OnAMalformedLine_ExitsWithTwoAndNamesTheLine(string content, int lineNumber, string problem)
    {
        var gold = Write("bad.conll", content);

        var run = await CliRun.InvokeAsync(["eval", "ner", gold]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"articles: {gold}:{lineNumber}: ", line);
        Assert.Contains(problem, line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task EvalNer_OnAFileWithoutTokens_ExitsWithTwo()
    {
        var run = await CliRun.InvokeAsync(["eval", "ner", Write("empty.conll", "-DOCSTART- -X- -X- O\n\n")]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("holds no token line", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("eval", "ner")]
    [InlineData("eval", "ner", "a.conll", "b.conll")]
    [InlineData("eval", "ner", "a.conll", "--predictions")]
    public async Task EvalNer_BadUsage_ExitsWithTwoAndPointsAtHelp(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--help", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task EvalNer_WhenThePredictionsCannotBeWritten_ExitsWithFour()
    {
        var folder = Path.Combine(temp.Root, "a-folder");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(folder + ".tmp");

        var run = await CliRun.InvokeAsync(["eval", "ner", Write("small.conll", Small), "--predictions", folder]);

        Assert.Equal(ExitCodes.UnexpectedError, run.ExitCode);
        Assert.StartsWith("articles: Cannot write the predictions to ", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task EvalNer_OnCoNllDev_ScoresAtOrAboveTheTargets_AsConllScorePyDoes()
    {
        var dev = Path.Combine(SeedIndexFixture.RepositoryRoot(), "..", "shared", "data", "conll2003", "dev.txt");
        Assert.True(File.Exists(dev), $"CoNLL-2003 dev is expected beside the repository: {dev}");
        var predictions = Path.Combine(temp.Root, "dev.pred");

        var run = await CliRun.InvokeAsync(["eval", "ner", dev, "--predictions", predictions, "--json"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        using var json = run.Json();
        var f1 = json.RootElement.GetProperty("perType").EnumerateArray()
            .ToDictionary(t => t.GetProperty("type").GetString()!, t => t.GetProperty("f1").GetDouble());
        Assert.Equal(["LOC", "MISC", "ORG", "PER"], f1.Keys.Order(StringComparer.Ordinal));
        Assert.True(f1["PER"] >= 94, $"PER F1 {f1["PER"]:F2} is below the target of 94");
        Assert.True(f1["LOC"] >= 92, $"LOC F1 {f1["LOC"]:F2} is below the target of 92");

        // The Python scorer, when there is a Python, reads the same predictions to the same figures.
        var scorer = Path.Combine(SeedIndexFixture.RepositoryRoot(), "..", "shared", "tools", "eval", "conll_score.py");
        if (PythonScores(scorer, dev, predictions) is { } python)
        {
            foreach (var (type, value) in f1)
            {
                Assert.Equal(value.ToString("F2", CultureInfo.InvariantCulture), python[type]);
            }
        }
    }

    // "PER" → "95.36" from conll_score.py's report; null when python3 cannot be started.
    private static Dictionary<string, string>? PythonScores(string scorer, string gold, string predictions)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", [scorer, gold, predictions]) { RedirectStandardOutput = true })!;
            var report = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return System.Text.RegularExpressions.Regex.Matches(report, @"^\s+(\w+): precision:.*FB1:\s+([\d.]+)", System.Text.RegularExpressions.RegexOptions.Multiline)
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
