using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Locking;
using ArticleIndexer.Operations.Tests.Support;

namespace ArticleIndexer.Operations.Tests.Indexing;

/// <summary>Generation folders and the <c>CURRENT</c> pointer of an index root, on a temp folder.</summary>
public sealed class IndexLayoutTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly IndexLayout layout;

    public IndexLayoutTests() => layout = new IndexLayout(temp.Combine("index"));

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(1, "gen-000001")]
    [InlineData(12, "gen-000012")]
    [InlineData(999999, "gen-999999")]
    public void NameOf_PadsTheNumberToSixDigits_AndNumberOfReadsItBack(int number, string name)
    {
        Assert.Equal(name, IndexLayout.NameOf(number));
        Assert.Equal(number, IndexLayout.NumberOf(name));
        Assert.True(IndexLayout.IsGenerationName(name));
    }

    [Theory]
    [InlineData("gen-1")]
    [InlineData("gen-0000001")]
    [InlineData("GEN-000001")]
    [InlineData("gen-00000a")]
    [InlineData("gen-000001.tmp")]
    [InlineData(" gen-000001")]
    [InlineData("gen-\u0661\u0662\u0663\u0664\u0665\u0666")]
    [InlineData("../gen-000001")]
    [InlineData("")]
    public void IsGenerationName_RefusesAnythingButGenAndSixAsciiDigits(string name) =>
        Assert.False(IndexLayout.IsGenerationName(name));

    [Fact]
    public void NextGeneration_IsTheFirst_WhenTheRootDoesNotExist()
    {
        Assert.Empty(layout.Generations);
        Assert.Equal("gen-000001", layout.NextGeneration());
        Assert.False(Directory.Exists(layout.Root));
    }

    [Fact]
    public void NextGeneration_FollowsTheNewestGeneration_IgnoringOtherFoldersAndFiles()
    {
        foreach (var folder in new[] { "gen-000003", "gen-000001", "gen-x", "backup", "gen-0000009" })
        {
            Directory.CreateDirectory(layout.PathOf(folder));
        }

        File.WriteAllText(layout.PathOf("gen-000007"), "a file, not a generation");

        Assert.Equal(["gen-000001", "gen-000003"], layout.Generations);
        Assert.Equal("gen-000004", layout.NextGeneration());
    }

    [Fact]
    public void SwitchTo_WritesCurrent_CreatingTheRoot_AndLeavesNoTempFile()
    {
        layout.SwitchTo("gen-000002");

        Assert.Equal("gen-000002", layout.CurrentGeneration);
        Assert.Equal("gen-000002\n", File.ReadAllText(Path.Combine(layout.Root, IndexLayout.CurrentFile)));
        Assert.Equal([IndexLayout.CurrentFile], Directory.GetFiles(layout.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void SwitchTo_ReplacesCurrentByRename_SoAReaderThatOpenedTheOldFileStillReadsAWholeName()
    {
        layout.SwitchTo("gen-000001");
        using var opened = new FileStream(Path.Combine(layout.Root, IndexLayout.CurrentFile), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        layout.SwitchTo("gen-000002");

        // Written in place, the open file would now read the new name or a torn mix; replaced, it is the old file.
        using var reader = new StreamReader(opened);
        Assert.Equal("gen-000001\n", reader.ReadToEnd());
        Assert.Equal("gen-000002", layout.CurrentGeneration);
    }

    [Fact]
    public async Task CurrentGeneration_NeverReadsAMissingOrPartialPointer_WhileGenerationsAreSwitched()
    {
        layout.SwitchTo("gen-000001");
        using var done = new CancellationTokenSource();
        var seen = new HashSet<string?>();
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                seen.Add(layout.CurrentGeneration);
            }
        });

        for (var i = 0; i < 200; i++)
        {
            layout.SwitchTo(i % 2 == 0 ? "gen-000002" : "gen-000001");
        }

        await done.CancelAsync();
        await reader;
        Assert.Subset(new HashSet<string?> { "gen-000001", "gen-000002" }, seen);
    }

    [Fact]
    public void SwitchTo_RefusesANameThatIsNotAGeneration_AndLeavesCurrentAlone()
    {
        layout.SwitchTo("gen-000001");

        var thrown = Assert.Throws<ArgumentException>(() => layout.SwitchTo("../elsewhere"));

        Assert.Equal("generation", thrown.ParamName);
        Assert.Equal("gen-000001", layout.CurrentGeneration);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("gen-1\n")]
    [InlineData("../gen-000001\n")]
    [InlineData("gen-000001\ngen-000002\n")]
    [InlineData("")]
    [InlineData("\0\0\0\0")]
    public void CurrentGeneration_IsNull_WhenCurrentNamesNoGeneration(string content)
    {
        Directory.CreateDirectory(layout.Root);
        File.WriteAllText(Path.Combine(layout.Root, IndexLayout.CurrentFile), content);

        Assert.Null(layout.CurrentGeneration);
        Assert.Null(layout.ReadablePath);
    }

    [Fact]
    public void CurrentGeneration_ReadsANameWithSpaceAndAWindowsLineBreakAroundIt()
    {
        Directory.CreateDirectory(layout.Root);
        File.WriteAllText(Path.Combine(layout.Root, IndexLayout.CurrentFile), "  gen-000003 \r\n");

        Assert.Equal("gen-000003", layout.CurrentGeneration);
    }

    [Fact]
    public void CurrentGeneration_IsNull_WhenThereIsNoRootOrNoCurrentOrCurrentIsAFolder()
    {
        Assert.Null(layout.CurrentGeneration);
        Directory.CreateDirectory(layout.Root);
        Assert.Null(layout.CurrentGeneration);
        Directory.CreateDirectory(Path.Combine(layout.Root, IndexLayout.CurrentFile));
        Assert.Null(layout.CurrentGeneration);
    }

    [Fact]
    public void HasLegacyIndex_IsTrue_ForLuceneFilesDirectlyInTheRoot_UntilAGenerationIsCurrent()
    {
        Assert.False(layout.HasLegacyIndex);
        Directory.CreateDirectory(layout.Root);
        Assert.False(layout.HasLegacyIndex);

        BuildV1Index();

        Assert.True(layout.HasLegacyIndex);
        Assert.Equal(layout.Root, layout.ReadablePath);

        layout.SwitchTo("gen-000001");

        Assert.False(layout.HasLegacyIndex);
    }

    [Fact]
    public void ReadablePath_IsTheCurrentGeneration_OrNullWithoutAnIndex()
    {
        Assert.Null(layout.ReadablePath);

        layout.SwitchTo("gen-000004");

        Assert.Equal(Path.Combine(layout.Root, "gen-000004"), layout.ReadablePath);
    }

    [Fact]
    public void DeleteLegacyFiles_RemovesTheV1LuceneFiles_AndLeavesTheDatabaseLockAndGenerationsAlone()
    {
        BuildV1Index();
        var history = new PassHistory(Path.Combine(layout.Root, "worker.db"));
        history.Begin(PassKind.Rebuild, "test", "gen-000001", DateTimeOffset.UtcNow);
        Assert.True(IndexLock.TryAcquire(layout.Root, "test", out var indexLock, out _));
        indexLock.Dispose();
        new ArticlePipeline().Run(temp.Combine("seeds"), layout.PathOf("gen-000001"));
        var generationFiles = Directory.GetFiles(layout.PathOf("gen-000001"));
        layout.SwitchTo("gen-000001");
        Assert.Contains(ArticleIndexWriter.ProcessLockFile, RootFiles());
        Assert.Contains(RootFiles(), name => name.StartsWith('_'));
        Assert.Contains(EntityCatalog.FileName, RootFiles()); // the v1 index's catalog
        File.WriteAllText(Path.Combine(layout.Root, AliasRules.FileName), "org: European Union = EU\n");

        layout.DeleteLegacyFiles();

        Assert.Equal([IndexLayout.CurrentFile, AliasRules.FileName, IndexLock.FileName, "worker.db"],
            RootFiles().Where(name => !name.StartsWith("worker.db-", StringComparison.Ordinal)));
        Assert.Equal(generationFiles, Directory.GetFiles(layout.PathOf("gen-000001")));
        Assert.Single(history.Recent(10));
    }

    [Fact]
    public void DeleteLegacyFiles_DeletesNothing_WhileNoGenerationIsCurrent()
    {
        BuildV1Index();
        var before = Directory.GetFiles(layout.Root);

        layout.DeleteLegacyFiles();

        Assert.Equal(before, Directory.GetFiles(layout.Root));
        Assert.True(layout.HasLegacyIndex);
    }

    [Fact]
    public void TryDelete_RemovesTheGenerationFolder_AndIsTrueWhenItIsAlreadyGone()
    {
        Directory.CreateDirectory(layout.PathOf("gen-000001"));
        File.WriteAllText(Path.Combine(layout.PathOf("gen-000001"), "_0.cfs"), "x");

        Assert.True(layout.TryDelete("gen-000001"));
        Assert.False(Directory.Exists(layout.PathOf("gen-000001")));
        Assert.True(layout.TryDelete("gen-000001"));
    }

    private IEnumerable<string> RootFiles() => Directory.GetFiles(layout.Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>A v1 index: the pipeline writing straight into the root, as the worker did before generations.</summary>
    private void BuildV1Index()
    {
        Seeds.CopyTo(temp.Combine("seeds"));
        var summary = new ArticlePipeline().Run(temp.Combine("seeds"), layout.Root);
        Assert.Null(summary.Error);
        Assert.NotEmpty(Directory.GetFiles(layout.Root, "segments*"));
    }
}
