using ArticleIndexer.Core.Boilerplate;

namespace ArticleIndexer.Core.Indexing;

/// <summary>What <see cref="LineRepeatsFile.Load"/> found in an index folder.</summary>
public enum LineRepeatsFileState
{
    /// <summary>No table yet (a new index, or one written before tables were kept).</summary>
    Missing,

    /// <summary>The table was read.</summary>
    Loaded,

    /// <summary>A file is there but cannot be read, or holds something else (cut short, overwritten).</summary>
    Unreadable,
}

/// <summary>The table kept with an index, or why there is none.</summary>
/// <param name="Table">The table; <see cref="LineRepeats.Empty"/> unless <paramref name="State"/> is <see cref="LineRepeatsFileState.Loaded"/>.</param>
/// <param name="State">Whether the file was there and readable.</param>
/// <param name="Problem">Why an unreadable file could not be read; null otherwise.</param>
public sealed record LineRepeatsLoad(LineRepeats Table, LineRepeatsFileState State, string? Problem);

/// <summary>
/// The <see cref="LineRepeats"/> table kept with an index: <see cref="FileName"/> in the index folder (the generation's
/// folder in the generation layout, see <see cref="IndexLayout"/>). A pass that changed the index rebuilds it from the
/// live documents' <see cref="ArticleFields.LineKeys"/>; the next pass reads it and hands it to the stripper.
/// </summary>
public static class LineRepeatsFile
{
    /// <summary>The table's file name in an index folder.</summary>
    public const string FileName = "line-repeats.bin";

    /// <summary>The file a save writes before renaming it over <see cref="FileName"/>.</summary>
    public const string TempFileName = FileName + ".tmp";

    /// <summary>The table's path in <paramref name="indexFolder"/>, absolute.</summary>
    public static string PathIn(string indexFolder) => Path.Combine(Path.GetFullPath(indexFolder), FileName);

    /// <summary>Reads the table of <paramref name="indexFolder"/>. Never throws for a missing or damaged file: says so.</summary>
    public static LineRepeatsLoad Load(string indexFolder)
    {
        try
        {
            using var stream = new FileStream(PathIn(indexFolder), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            return new LineRepeatsLoad(LineRepeats.Load(stream), LineRepeatsFileState.Loaded, null);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new LineRepeatsLoad(LineRepeats.Empty, LineRepeatsFileState.Missing, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new LineRepeatsLoad(LineRepeats.Empty, LineRepeatsFileState.Unreadable, ex.Message);
        }
    }

    /// <summary>
    /// Writes <paramref name="table"/> into <paramref name="indexFolder"/> (created if needed): into <see cref="TempFileName"/>,
    /// flushed to disk, then renamed over <see cref="FileName"/>, so a reader sees the old table or the new one, never
    /// half of one. Returns the file's size in bytes.
    /// </summary>
    public static long Save(string indexFolder, LineRepeats table)
    {
        using var buffer = new MemoryStream();
        table.Save(buffer);
        WriteAtomically(indexFolder, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        return buffer.Length;
    }

    /// <summary>
    /// Copies the table of <paramref name="fromFolder"/> into <paramref name="toFolder"/> (created if needed), atomically
    /// as <see cref="Save"/> writes, unless <paramref name="toFolder"/> has one already or <paramref name="fromFolder"/>
    /// has none. Returns whether it copied.
    /// </summary>
    public static bool CopyIfAbsent(string fromFolder, string toFolder)
    {
        var from = PathIn(fromFolder);
        if (File.Exists(PathIn(toFolder)) || !File.Exists(from))
        {
            return false;
        }

        WriteAtomically(toFolder, File.ReadAllBytes(from));
        return true;
    }

    private static void WriteAtomically(string indexFolder, ReadOnlySpan<byte> bytes)
    {
        var folder = Path.GetFullPath(indexFolder);
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, TempFileName);
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(folder, FileName), overwrite: true);
    }
}
