using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArticleIndexer.Core.Pipeline;

/// <summary>
/// A file the index holds no current article for, as the last pass that looked at it left it: skipped with a reason
/// or failed. Kept with the index generation (<see cref="FileProblemsFile"/>) so that the next pass retries the file
/// only when it changed, and so that <c>articles status</c> can list them.
/// </summary>
/// <param name="Path">Path relative to the source folder (for <see cref="FileProblemsFile.UnreadableFolder"/>, the folder's).</param>
/// <param name="Reason">The skip reason's name (<c>Binary</c>, <c>TooLarge</c>, ...), <c>Failed</c> or <c>UnreadableFolder</c>.</param>
/// <param name="Detail">A sentence for people.</param>
/// <param name="ContentHash">SHA-256 of the bytes read, when the file could be read; then a change is a new hash.</param>
/// <param name="Length">Size in bytes; with <paramref name="LastWriteUtc"/>, what a change is when the file could not be read.</param>
/// <param name="LastWriteUtc">Last write time when the pass found the file.</param>
/// <param name="Pipeline">The pipeline version that judged it; another version retries it.</param>
/// <param name="Since">When a pass first found the file in this state.</param>
/// <param name="LastTried">When a pass last read or processed the file.</param>
public sealed record FileProblem(
    string Path,
    string Reason,
    string Detail,
    string? ContentHash,
    long Length,
    DateTime LastWriteUtc,
    string Pipeline,
    DateTimeOffset Since,
    DateTimeOffset LastTried);

/// <summary>
/// The problems of one index generation, <c>problems.json</c> beside its Lucene files: written by every pass that
/// ends (completed, stopped or failed), replaced in one rename. A pass killed before writing it leaves the previous
/// list, which only means some files are tried again.
/// </summary>
public static class FileProblemsFile
{
    /// <summary>The file name in a generation folder.</summary>
    public const string FileName = "problems.json";

    /// <summary>The reason of a folder that could not be listed: its documents are kept, its files unseen.</summary>
    public const string UnreadableFolder = "UnreadableFolder";

    /// <summary>The reason of a file whose processing threw.</summary>
    public const string Failed = "Failed";

    private const string TempFileName = FileName + ".tmp";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The file's path in the index folder <paramref name="indexFolder"/>.</summary>
    public static string PathIn(string indexFolder) => System.IO.Path.Combine(indexFolder, FileName);

    /// <summary>The problems recorded in <paramref name="indexFolder"/>; empty when there is no file, and when it cannot be
    /// read (then every file is simply tried again).</summary>
    public static IReadOnlyList<FileProblem> Load(string indexFolder)
    {
        try
        {
            using var stream = File.OpenRead(PathIn(indexFolder));
            return JsonSerializer.Deserialize<List<FileProblem>>(stream, Json) ?? [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return [];
        }
    }

    /// <summary>Replaces the list in <paramref name="indexFolder"/> with <paramref name="problems"/> (ordered by path).</summary>
    public static void Save(string indexFolder, IEnumerable<FileProblem> problems)
    {
        var temp = System.IO.Path.Combine(indexFolder, TempFileName);
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, problems.OrderBy(p => p.Path, StringComparer.Ordinal).ToList(), Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, PathIn(indexFolder), overwrite: true);
    }
}
