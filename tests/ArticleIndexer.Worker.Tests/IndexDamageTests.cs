using System.Security.Cryptography;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Worker.Tests.Support;

namespace ArticleIndexer.Worker.Tests;

/// <summary>
/// A damaged index, on real worker processes: <c>--once</c> checks the current generation before writing, refuses
/// with exit code 4 and a pointer to <c>--rebuild</c>, and changes nothing; <c>--rebuild</c> then replaces it.
/// </summary>
public sealed class IndexDamageTests : IDisposable
{
    private readonly TempFolder temp = new();

    /// <summary>Ways a generation gets damaged on disk (a full disk, a bad copy, a failing drive).</summary>
    public enum Damage
    {
        /// <summary>Bytes in the middle of the compound file overwritten: only its checksum can tell.</summary>
        CompoundFileOverwritten,

        /// <summary>The compound file cut to half its length.</summary>
        CompoundFileTruncated,

        /// <summary>The commit point (<c>segments_N</c>) cut to half its length.</summary>
        SegmentsFileTruncated,
    }

    private string IndexRoot => temp.Combine("index");

    private string SourceFolder => temp.Combine("seeds");

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(Damage.CompoundFileOverwritten)]
    [InlineData(Damage.CompoundFileTruncated)]
    [InlineData(Damage.SegmentsFileTruncated)]
    public async Task Once_RefusesADamagedIndex_WithCode4_AndRebuildRepairsIt(Damage damage)
    {
        Seeds.CopyTo(SourceFolder);
        var first = await WorkerProcess.RunAsync(temp.Path, Args("--once"));
        Assert.True(first.ExitCode == 0, $"Exit code {first.ExitCode}. stderr: {first.Stderr}");
        var layout = new IndexLayout(IndexRoot);
        var generation = layout.PathOf(Assert.IsType<string>(layout.CurrentGeneration));
        Apply(damage, generation);
        var damaged = Snapshot(IndexRoot);
        var history = new PassHistory(IndexTarget.DefaultDatabase(IndexRoot));
        var passes = history.Recent(10).Count;

        var refused = await WorkerProcess.RunAsync(temp.Path, Args("--once"));

        Assert.True(refused.ExitCode == 4, $"Exit code {refused.ExitCode}. stderr: {refused.Stderr}");
        Assert.Contains("is damaged", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--rebuild", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Stderr, StringComparison.Ordinal);
        Assert.Empty(refused.Stdout);
        Assert.Equal(damaged, Snapshot(IndexRoot));
        Assert.Equal(passes, history.Recent(10).Count);

        var rebuilt = await WorkerProcess.RunAsync(temp.Path, Args("--rebuild"));

        Assert.True(rebuilt.ExitCode == 0, $"Exit code {rebuilt.ExitCode}. stderr: {rebuilt.Stderr}");
        Assert.Equal(["gen-000002"], layout.Generations);
        Assert.Equal("gen-000002", layout.CurrentGeneration);

        var next = await WorkerProcess.RunAsync(temp.Path, Args("--once"));

        Assert.True(next.ExitCode == 0, $"Exit code {next.ExitCode}. stderr: {next.Stderr}");
        Assert.Contains($"{Seeds.Count} files seen, 0 indexed", next.Stdout, StringComparison.Ordinal);
        IndexContents.AssertMatches(IndexRoot, new Corpus(SourceFolder));
    }

    private static void Apply(Damage damage, string generation)
    {
        var compound = Directory.GetFiles(generation, "*.cfs").OrderByDescending(f => new FileInfo(f).Length).FirstOrDefault();
        var segments = Directory.GetFiles(generation, "segments_*").Single();
        switch (damage)
        {
            case Damage.CompoundFileOverwritten:
                using (var file = File.OpenWrite(compound ?? throw new InvalidOperationException($"No compound file in {generation}")))
                {
                    file.Position = file.Length / 2;
                    file.Write([0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00]);
                }

                break;
            case Damage.CompoundFileTruncated:
                Truncate(compound ?? throw new InvalidOperationException($"No compound file in {generation}"));
                break;
            case Damage.SegmentsFileTruncated:
                Truncate(segments);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }

    private static void Truncate(string path)
    {
        using var file = File.OpenWrite(path);
        file.SetLength(file.Length / 2);
    }

    /// <summary>Every file of the index root but the lock files and the worker database: path, length and hash.</summary>
    private static List<string> Snapshot(string indexRoot) =>
        Directory.EnumerateFiles(indexRoot, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("indexer.lock", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith(IndexTarget.DefaultDatabaseName, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(indexRoot, f)} {new FileInfo(f).Length} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}")
            .ToList();

    private string[] Args(params string[] mode) => [.. mode, "--source", SourceFolder, "--index", IndexRoot];
}
