using System.Globalization;
using System.Text.RegularExpressions;

namespace ArticleIndexer.Core.Indexing;

/// <summary>
/// The folders of one index root. Each full rebuild writes a fresh Lucene index, a <em>generation</em>, in its own
/// sub-folder (<c>gen-000001</c>, <c>gen-000002</c>, ...); the one-line file <c>CURRENT</c> names the generation readers
/// open. Switching generations is one atomic rename of that file, so a reader sees the old generation or the new one,
/// never a half-built index. Incremental passes write into the current generation.
/// </summary>
/// <remarks>
/// A root written by v1 (Lucene files directly in the root, no <c>CURRENT</c>) is a <see cref="HasLegacyIndex"/>:
/// readers still open it, and the worker's next pass turns it into a generation by rebuilding.
/// </remarks>
public sealed partial class IndexLayout
{
    /// <summary>The file naming the current generation.</summary>
    public const string CurrentFile = "CURRENT";

    private const string Prefix = "gen-";

    /// <summary>Lays out the index root at <paramref name="root"/> (made absolute; nothing is created).</summary>
    public IndexLayout(string root) => Root = Path.GetFullPath(root);

    /// <summary>The index root, absolute.</summary>
    public string Root { get; }

    /// <summary>The generation <c>CURRENT</c> names, or null when there is none (or it names no valid generation).</summary>
    public string? CurrentGeneration
    {
        get
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(Root, CurrentFile)).Trim();
                return IsGenerationName(name) ? name : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>True when the root holds a v1 index: Lucene files directly in it and no <c>CURRENT</c>.</summary>
    public bool HasLegacyIndex =>
        Directory.Exists(Root) && CurrentGeneration is null && Directory.EnumerateFiles(Root, "segments*").Any();

    /// <summary>The folder readers should open: the current generation, a v1 root, or null when there is no index.</summary>
    public string? ReadablePath => CurrentGeneration is { } current ? PathOf(current) : HasLegacyIndex ? Root : null;

    /// <summary>The generation folders present, oldest first.</summary>
    public IReadOnlyList<string> Generations =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(IsGenerationName).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>True for a well-formed generation name (<c>gen-</c> and six digits).</summary>
    public static bool IsGenerationName(string name) => GenerationName().IsMatch(name);

    /// <summary>The number of a generation (<c>gen-000012</c> is 12).</summary>
    public static int NumberOf(string generation) => int.Parse(generation.AsSpan(Prefix.Length), CultureInfo.InvariantCulture);

    /// <summary>The name of generation <paramref name="number"/>.</summary>
    public static string NameOf(int number) => Prefix + number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The folder of <paramref name="generation"/>.</summary>
    public string PathOf(string generation) => Path.Combine(Root, generation);

    /// <summary>The name after the newest generation present (or <c>gen-000001</c>).</summary>
    public string NextGeneration() => NameOf(Generations.Select(NumberOf).DefaultIfEmpty(0).Max() + 1);

    /// <summary>
    /// Makes <paramref name="generation"/> current: writes <c>CURRENT.tmp</c>, flushes it to disk, and renames it over
    /// <c>CURRENT</c>. The rename is atomic, so a reader never sees a missing or half-written pointer.
    /// </summary>
    public void SwitchTo(string generation)
    {
        if (!IsGenerationName(generation))
        {
            throw new ArgumentException($"'{generation}' is not a generation name", nameof(generation));
        }

        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, CurrentFile + ".tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes(generation + "\n"));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(Root, CurrentFile), overwrite: true);
    }

    /// <summary>
    /// Deletes the folder of <paramref name="generation"/>. A reader that still has it open keeps its files on Unix;
    /// where the system refuses (Windows, open files), the folder stays and the next call tries again.
    /// Returns whether it is gone.
    /// </summary>
    public bool TryDelete(string generation)
    {
        try
        {
            var path = PathOf(generation);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Deletes the v1 Lucene files (and the v1 index's line repeats, entity catalog and problem list) left directly in the root once a
    /// generation has replaced them. The alias file stays: it is the archivist's, and generations use it too.</summary>
    public void DeleteLegacyFiles()
    {
        if (CurrentGeneration is null || !Directory.Exists(Root))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Root))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("segments", StringComparison.Ordinal) || name.StartsWith('_') || name is "write.lock" or ArticleIndexWriter.ProcessLockFile
                or LineRepeatsFile.FileName or LineRepeatsFile.TempFileName or Entities.EntityCatalog.FileName or Entities.EntityCatalog.TempFileName
                or Pipeline.FileProblemsFile.FileName)
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Left for the next rebuild; readers no longer look at these files.
                }
            }
        }
    }

    [GeneratedRegex("^gen-[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex GenerationName();
}
