using System.Text;
using System.Text.Json;
using ArticleIndexer.Cli.Tests.Support;
using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Titles;

namespace ArticleIndexer.Cli.Tests;

public sealed class CleanCommandTests : IDisposable
{
    private const string OnlyBoilerplate = "Share\nAdvertisement\nSubscribe now for unlimited access.\n";

    private readonly TempIndex temp = new();

    private string Out => Path.Combine(temp.Root, "out");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Clean_OfTheSeedsFolder_WritesATxtAndAJsonPerSeed()
    {
        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, "--out", Out]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(Seeds.All.SelectMany(id => new[] { id + ".json", id + ".txt" }).Order(StringComparer.Ordinal),
            Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var lines = run.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(Seeds.All.Length + 1, lines.Length);
        foreach (var (id, line) in Seeds.All.Zip(lines))
        {
            Assert.Matches($@"^{id}  kept \d+ lines, stripped \d+", line);
        }

        Assert.StartsWith($"5 files into {Out}: 5 cleaned, 0 empty (all boilerplate), 0 skipped in ", lines[^1]);
        Assert.EndsWith(" MB/s)", lines[^1]);
    }

    [Fact]
    public async Task Clean_WritesEachSeedsBody_AsTheProcessorCleansIt_InUtf8WithoutBom()
    {
        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, "--out", Out]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var (id, article) in ProcessSeeds())
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(Out, id + ".txt"));
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{id}.txt starts with a BOM");
            Assert.NotEqual(string.Empty, article.Body);
            Assert.Equal(article.Body + "\n", new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
            if (article.Title is { } title)
            {
                Assert.DoesNotContain(title + "\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Clean_Json_ParsesBackWithTitleEncodingEntitiesAndStrippedLines()
    {
        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, "--out", Out]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var (id, article) in ProcessSeeds())
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out, id + ".json")));
            var root = json.RootElement;
            Assert.Equal(temp.Seed(id), root.GetProperty("source").GetString());
            Assert.Equal(id, root.GetProperty("name").GetString());
            Assert.Equal(article.Title, root.GetProperty("title").GetString());
            Assert.Equal(article.Encoding, root.GetProperty("encoding").GetString());
            Assert.Equal(article.ContentHash, root.GetProperty("contentHash").GetString());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("skipped").ValueKind);

            // Entities as show --json writes them; offsets into title + blank line + body, the body at bodyOffset.
            var entities = root.GetProperty("entities").Deserialize<EntitySet>(ArticleJson.Options)!;
            Assert.Equal(article.Entities.Entities.Select(e => (e.Kind, e.Canonical, e.MentionCount)), entities.Entities.Select(e => (e.Kind, e.Canonical, e.MentionCount)));
            Assert.Equal(article.Entities.Mentions, entities.Mentions);
            Assert.NotEmpty(entities.Entities);
            var bodyOffset = root.GetProperty("bodyOffset").GetInt32();
            Assert.Equal(article.Text.Length - article.Body.Length, bodyOffset);
            foreach (var mention in entities.Mentions.Where(m => m.Offset < article.Text.Length))
            {
                Assert.Equal(mention.Text, article.Text.Substring(mention.Offset, mention.Text.Length));
            }

            var stripped = root.GetProperty("stripped").EnumerateArray()
                .Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("rule").GetString(), l.GetProperty("text").GetString()));
            Assert.Equal(article.Stripped.Select(l => (l.LineNumber, (string?)l.Rule, (string?)l.Text)), stripped);
        }
    }

    [Fact]
    public async Task Clean_Json_GivesATextFilesPublishedDay_WithWhereItWasRead_AndNullWhenItSaysNone()
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp.Root, "dated")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "dated.txt"),
            "Calais deal signed\nBy Jane Smith\nPublished: 14 March 2016\n\n"
            + "The Home Secretary signed the agreement with her French counterpart in Calais on Monday, officials said.\n\n"
            + "It will pay for fences and for more officers at the port, both ministers said after the meeting.\n");

        var run = await CliRun.InvokeAsync(["clean", folder, temp.Seeds, "--out", Out]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out, "dated.json"))))
        {
            var metadata = json.RootElement.GetProperty("metadata");
            Assert.Equal("2016-03-14", metadata.GetProperty("published").GetString());
            Assert.Equal("line 3: published label", metadata.GetProperty("publishedFrom").GetString());
            Assert.False(metadata.TryGetProperty("updated", out _));
        }

        // Seed 002's "Thursday (2 July)" is in its lead's sentence, and no line of it gives a year: no date.
        using var seed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out, Seeds.All[2] + ".json")));
        Assert.Equal(JsonValueKind.Null, seed.RootElement.GetProperty("metadata").GetProperty("published").ValueKind);
    }

    [Fact]
    public async Task Clean_OfAFileThatIsOnlyBoilerplate_WritesAnEmptyTxtAndEveryLineWithItsRule_AndExitsWithZero()
    {
        var file = Path.Combine(temp.Seeds, "furniture.txt");
        await File.WriteAllTextAsync(file, OnlyBoilerplate);

        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, "--out", Out]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(0, new FileInfo(Path.Combine(Out, "furniture.txt")).Length);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out, "furniture.json")));
        var root = json.RootElement;
        Assert.Equal("utf-8", root.GetProperty("encoding").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("contentHash").ValueKind);
        Assert.Equal("noBodyAfterStripping", root.GetProperty("skipped").GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("skipped").GetProperty("detail").GetString()));
        var stripped = root.GetProperty("stripped").EnumerateArray().ToArray();
        Assert.Equal([1, 2, 3], stripped.Select(l => l.GetProperty("line").GetInt32()));
        Assert.Equal(["Share", "Advertisement", "Subscribe now for unlimited access."], stripped.Select(l => l.GetProperty("text").GetString()));
        Assert.All(stripped, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("rule").GetString())));
        Assert.Contains("\nfurniture  kept 0 lines, stripped 3 (", run.Output.ReplaceLineEndings("\n"));
        Assert.Contains(": 5 cleaned, 1 empty (all boilerplate), 0 skipped in ", run.Output);
    }

    [Fact]
    public async Task Clean_OfBinaryEmptyAndBlankFiles_ReportsEachWithItsReason_AndCleansTheOthers()
    {
        await File.WriteAllBytesAsync(Path.Combine(temp.Seeds, "a-binary.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]);
        await File.WriteAllBytesAsync(Path.Combine(temp.Seeds, "b-empty.txt"), []);
        await File.WriteAllTextAsync(Path.Combine(temp.Seeds, "c-blank.txt"), " \n\t\n");

        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, "--out", Out]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(string.Empty, run.Error);
        var output = run.Output.ReplaceLineEndings("\n");
        foreach (var (name, reason) in new[] { ("a-binary", "binary"), ("b-empty", "empty"), ("c-blank", "blank") })
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out, name + ".json")));
            Assert.Equal(reason, json.RootElement.GetProperty("skipped").GetProperty("reason").GetString());
            Assert.Equal(0, json.RootElement.GetProperty("stripped").GetArrayLength());
            Assert.Equal(0, new FileInfo(Path.Combine(Out, name + ".txt")).Length);
            Assert.Contains($"{name}  skipped: {char.ToUpperInvariant(reason[0])}{reason[1..]} (", output);
        }

        Assert.All(Seeds.All, id => Assert.True(new FileInfo(Path.Combine(Out, id + ".txt")).Length > 0));
        Assert.Contains("8 files into ", output);
        Assert.Contains(": 5 cleaned, 0 empty (all boilerplate), 3 skipped in ", output);
    }

    [Fact]
    public async Task Clean_WhenTheStagesFailOnOneFile_CleansTheOthers_ThenExitsWithFourAndOneLine()
    {
        await File.WriteAllTextAsync(Path.Combine(temp.Seeds, "poison.txt"), "Calais said BOOM today.\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = new CliApp(output, error)
        {
            CleanProcessor = _ => new ArticleProcessor(new ArticleReader(), new TextNormalizer(), new FailingStripper(), new TitleFinder(), new RuleEntityExtractor()),
        };

        var code = await app.InvokeAsync(["clean", temp.Seeds, "--out", Out]);

        Assert.Equal(ExitCodes.UnexpectedError, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("articles: 1 of 6 files failed unexpectedly (a bug: please report it); first poison: InvalidOperationException: boom. The others were cleaned.", line.TrimEnd('\r'));
        Assert.Contains("poison  failed: InvalidOperationException: boom", output.ToString());
        Assert.Contains(": 5 cleaned, 0 empty (all boilerplate), 0 skipped, 1 failed in ", output.ToString());
        Assert.All(Seeds.All, id => Assert.True(new FileInfo(Path.Combine(Out, id + ".txt")).Length > 0));
        Assert.Equal(0, new FileInfo(Path.Combine(Out, "poison.txt")).Length);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out, "poison.json")));
        Assert.Equal("failed", json.RootElement.GetProperty("skipped").GetProperty("reason").GetString());
        Assert.Equal("utf-8", json.RootElement.GetProperty("encoding").GetString());
    }

    [Fact]
    public async Task Clean_OfAMissingInput_ExitsWithTwoAndOneLine_WritingNothing()
    {
        var missing = Path.Combine(temp.Root, "not-there");

        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, missing, "--out", Out]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal($"articles: The input '{missing}' does not exist ({missing}).", line);
        Assert.Equal(string.Empty, run.Output);
        Assert.False(Directory.Exists(Out));
    }

    [Theory]
    [InlineData("clean")]
    [InlineData("clean", "--out", "/tmp/x")]
    [InlineData("clean", "seeds")]
    [InlineData("clean", "seeds", "--out")]
    public async Task Clean_WithoutAnInputOrAnOutFolder_ExitsWithTwoAndOneLine(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("articles: ", line);
        Assert.Contains("'articles clean --help'", line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Clean_OfTwoFilesWithOneName_InDifferentFolders_ExitsWithTwoBeforeWritingAnything()
    {
        var other = Path.Combine(temp.Root, "other");
        Directory.CreateDirectory(other);
        File.Copy(temp.Seed(Seeds.Flow003), Path.Combine(other, Seeds.Flow003 + ".txt"));

        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, other, "--out", Out]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"articles: 2 inputs would be written as '{Seeds.Flow003}.txt' and '.json': {temp.Seed(Seeds.Flow003)}, {Path.Combine(other, Seeds.Flow003 + ".txt")}.", line);
        Assert.Contains("Nothing was written", line);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task Clean_OfNamesThatDifferOnlyInCaseOrExtension_IsAClashToo()
    {
        var upper = Path.Combine(temp.Root, "upper");
        Directory.CreateDirectory(upper);
        await File.WriteAllTextAsync(Path.Combine(upper, "Story.txt"), "Some text.\n");
        await File.WriteAllTextAsync(Path.Combine(temp.Root, "story.md"), "Some text.\n");

        var caseRun = await CliRun.InvokeAsync(["clean", upper, Path.Combine(temp.Root, "story.md"), "--out", Out]);

        Assert.Equal(ExitCodes.UsageError, caseRun.ExitCode);
        Assert.Contains("2 inputs would be written as 'Story.txt'", Assert.Single(caseRun.ErrorLines));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task Clean_OfTheSameFileTwice_CleansItOnce()
    {
        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, temp.Seed(Seeds.Dover000), "--out", Out]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Contains("5 files into ", run.Output);
    }

    [Fact]
    public async Task Clean_OfAFolder_RecursesIntoSubfolders_TakingTheFilesTheWorkerIndexes()
    {
        var source = Path.Combine(temp.Root, "archive");
        Directory.CreateDirectory(Path.Combine(source, "2015", "july"));
        Directory.CreateDirectory(Path.Combine(source, ".cache"));
        File.Copy(temp.Seed(Seeds.Dover000), Path.Combine(source, "2015", "july", "dover.txt"));
        File.Copy(temp.Seed(Seeds.Flow003), Path.Combine(source, "2015", "flow.TXT"));
        File.Copy(temp.Seed(Seeds.Agree002), Path.Combine(source, "2015", "agree.md"));
        File.Copy(temp.Seed(Seeds.Toughen001), Path.Combine(source, ".cache", "hidden.txt"));
        var named = Path.Combine(temp.Root, "named.md");
        File.Copy(temp.Seed(Seeds.Command004), named);

        var run = await CliRun.InvokeAsync(["clean", source, named, "--out", Out]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(["dover.json", "dover.txt", "flow.json", "flow.txt", "named.json", "named.txt"],
            Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var names = run.Output.ReplaceLineEndings("\n").Split('\n').Where(l => l.Contains("  kept ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]);
        Assert.Equal(["flow", "dover", "named"], names);
    }

    [Fact]
    public async Task Clean_IntoTheInputFolder_ExitsWithTwo_RatherThanReplaceAnInput()
    {
        var before = await File.ReadAllTextAsync(temp.Seed(Seeds.Dover000));

        var run = await CliRun.InvokeAsync(["clean", temp.Seed(Seeds.Dover000), "--out", temp.Seeds]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("would replace the input", Assert.Single(run.ErrorLines));
        Assert.Equal(before, await File.ReadAllTextAsync(temp.Seed(Seeds.Dover000)));
        Assert.Equal(Seeds.All.Length, Directory.GetFiles(temp.Seeds).Length);
    }

    [Fact]
    public async Task Clean_IntoAFolderInsideTheInputFolder_LeavesItsEarlierOutputOutOfTheInputs()
    {
        var inside = Path.Combine(temp.Seeds, "cleaned");

        var first = await CliRun.InvokeAsync(["clean", temp.Seeds, "--out", inside]);
        var second = await CliRun.InvokeAsync(["clean", temp.Seeds, "--out", inside]);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.Error);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.Error);
        Assert.Contains("5 files into ", second.Output);
        Assert.Equal(10, Directory.GetFiles(inside).Length);
    }

    [Fact]
    public async Task Clean_AgainIntoTheSameFolder_ReplacesItsOutput_AndLeavesNoTemporaryFile()
    {
        Directory.CreateDirectory(Out);
        await File.WriteAllTextAsync(Path.Combine(Out, Seeds.Flow003 + ".txt"), "stale");
        await File.WriteAllTextAsync(Path.Combine(Out, "unrelated.txt"), "left alone");

        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, "--out", Out]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.NotEqual("stale", await File.ReadAllTextAsync(Path.Combine(Out, Seeds.Flow003 + ".txt")));
        Assert.Equal("left alone", await File.ReadAllTextAsync(Path.Combine(Out, "unrelated.txt")));
        Assert.Empty(Directory.GetFiles(Out, "*.tmp"));
        Assert.Equal(11, Directory.GetFiles(Out).Length);
    }

    [Fact]
    public async Task Clean_CreatesTheOutFolder_WithItsParents()
    {
        var deep = Path.Combine(temp.Root, "a", "b", "out");

        var run = await CliRun.InvokeAsync(["clean", temp.Seed(Seeds.Agree002), "--out", deep]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.True(File.Exists(Path.Combine(deep, Seeds.Agree002 + ".txt")));
    }

    [Fact]
    public async Task Clean_WithAnOutPathThatIsAFile_ExitsWithTwo()
    {
        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, "--out", temp.Seed(Seeds.Agree002)]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("is a file", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Clean_OfAFolderWithoutArticleFiles_ExitsWithOne_AndSaysWhy()
    {
        var empty = Path.Combine(temp.Root, "nothing");
        Directory.CreateDirectory(empty);
        await File.WriteAllTextAsync(Path.Combine(empty, "notes.md"), "not an article file in a folder");

        var run = await CliRun.InvokeAsync(["clean", empty, "--out", Out]);

        Assert.Equal(ExitCodes.NoResults, run.ExitCode);
        Assert.Contains("no article file in", Assert.Single(run.ErrorLines));
        Assert.StartsWith("0 files into ", run.Output);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task Clean_WithJson_WritesOneSummaryObject_WithEveryFileInInputOrder()
    {
        await File.WriteAllTextAsync(Path.Combine(temp.Seeds, "furniture.txt"), OnlyBoilerplate);
        await File.WriteAllBytesAsync(Path.Combine(temp.Seeds, "nothing.txt"), []);

        var run = await CliRun.InvokeAsync(["clean", temp.Seeds, "--out", Out, "--json"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Single(run.Output.TrimEnd().Split('\n'));
        using var json = run.Json();
        var root = json.RootElement;
        Assert.Equal(Out, root.GetProperty("out").GetString());
        Assert.Equal(7, root.GetProperty("files").GetInt32());
        Assert.Equal(5, root.GetProperty("cleaned").GetInt32());
        Assert.Equal(1, root.GetProperty("empty").GetInt32());
        Assert.Equal(1, root.GetProperty("skipped").GetInt32());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        Assert.True(root.GetProperty("bytes").GetInt64() > 0);
        Assert.True(root.GetProperty("seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("megabytesPerSecond").GetDouble() >= 0);
        Assert.True(root.GetProperty("repeatedLines").GetInt32() >= 0);
        var results = root.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([.. Seeds.All, "furniture", "nothing"], results.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("cleaned", results[0].GetProperty("status").GetString());
        Assert.True(results[0].GetProperty("kept").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("reason").ValueKind);
        Assert.Equal("empty", results[5].GetProperty("status").GetString());
        Assert.Equal(3, results[5].GetProperty("stripped").GetInt32());
        Assert.Equal(3, results[5].GetProperty("rules").EnumerateObject().Sum(r => r.Value.GetInt32()));
        Assert.Equal("skipped", results[6].GetProperty("status").GetString());
        Assert.Equal("empty", results[6].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("003_dddbabfa66241e60.txt", "003_dddbabfa66241e60")]
    [InlineData("story.en.html", "story.en")]
    [InlineData("README", "README")]
    [InlineData(".txt", ".txt")]
    [InlineData("0001.html.gz", "0001")]
    [InlineData("page.htm", "page")]
    public void OutputName_IsTheFileNameWithoutItsLastExtension(string fileName, string expected) =>
        Assert.Equal(expected, CliApp.OutputName(fileName));

    // The product's stripper, except that it throws on a line saying BOOM.
    private sealed class FailingStripper : IBoilerplateStripper
    {
        private readonly LineBoilerplateStripper stripper = new();

        public StrippedText Strip(NormalizedText text, LineRepeats repeats) =>
            text.Text.Contains("BOOM", StringComparison.Ordinal) ? throw new InvalidOperationException("boom") : stripper.Strip(text, repeats);
    }

    // What clean should write: the seeds through the processor, with the lines repeated across them counted first.
    private IEnumerable<(string Id, Article Article)> ProcessSeeds()
    {
        var processor = new ArticleProcessor();
        var files = new SourceScanner().Discover(temp.Seeds).ToArray();
        var builder = new LineRepeats.Builder();
        foreach (var file in files)
        {
            builder.AddText(new TextNormalizer().Normalize(processor.Read(file).Decoded!.Value.Text).Text);
        }

        var repeats = builder.Build();
        foreach (var file in files)
        {
            var outcome = processor.Process(processor.Read(file), repeats);
            yield return (file.Id.Value, outcome.Article ?? throw new InvalidOperationException($"{file.Id} was skipped: {outcome.Detail}"));
        }
    }
}
