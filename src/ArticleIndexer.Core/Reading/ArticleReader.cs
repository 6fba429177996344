using System.Security.Cryptography;
using ArticleIndexer.Core.Articles;

namespace ArticleIndexer.Core.Reading;

/// <summary>Why a file was not turned into an article. The names appear in logs and summaries.</summary>
public enum SkipReason
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The file holds only white space.</summary>
    Blank,

    /// <summary>An image, archive or other binary file: a known file signature (PNG, ZIP, PDF, ...), or more than 2 % control
    /// characters once decoded.</summary>
    Binary,

    /// <summary>The file is larger than the configured cap.</summary>
    TooLarge,

    /// <summary>The file could not be opened or read (no permission, a symbolic-link loop, an I/O error). A document indexed
    /// from an earlier version of the file is kept.</summary>
    Unreadable,

    /// <summary>The file was found, then removed before it could be read; its document, if any, is deleted.</summary>
    Vanished,

    /// <summary>Nothing was left once boilerplate was removed.</summary>
    NoBodyAfterStripping,

    /// <summary>A web page without an article: no text, or only navigation, links and labels.</summary>
    NoArticleInPage,

    /// <summary>An article file that holds no article: once its furniture is gone, what is left is a few labels,
    /// figures or short lines and not one paragraph (a read-later tool saved the wrong part of a page: a menu, a
    /// listing, a table of figures).</summary>
    NoArticleInFile,
}

/// <summary>A file read from disk: its bytes' hash and decoded text, or why it could not be read.</summary>
public sealed record ReadResult(ArticleFile File, string? ContentHash, DecodedText? Decoded, SkipReason? Skip, string? Detail)
{
    /// <summary>True when <see cref="Decoded"/> holds the file's text.</summary>
    public bool IsRead => Decoded is not null;

    /// <summary>What people should know about a file that was read: a guessed encoding, characters removed
    /// ("decoded as Windows-1252: the bytes are not valid UTF-8"). Empty for a clean UTF-8 file.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The size in bytes seen when reading (or when the file was found, for a file that could not be read).</summary>
    public long Length { get; init; } = File.Length;

    internal static ReadResult Read(ArticleFile file, string hash, DecodedText text, long length, IReadOnlyList<string> notes) =>
        new(file, hash, text, null, null) { Length = length, Notes = notes };

    /// <summary>True when the file is a web page (<see cref="HtmlPageReader"/>): <see cref="Decoded"/> is its markup,
    /// and the article is extracted from it before cleaning.</summary>
    public bool IsHtml { get; init; }

    internal static ReadResult Skipped(ArticleFile file, string? hash, SkipReason reason, string detail) => new(file, hash, null, reason, detail);
}

/// <summary>
/// Reads an article file's bytes, hashes them and decodes them as text. Never reads more than the size cap (plus one
/// byte), so a file that grows while it is read, or a huge one, cannot exhaust memory.
/// </summary>
public sealed class ArticleReader(long maxBytes = ArticleReader.DefaultMaxBytes)
{
    /// <summary>Files larger than this are skipped. Defaults to 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    // File signatures of the binary files a scraper leaves beside its text: images, archives, documents, executables.
    private static readonly (string Name, byte[] Magic)[] Signatures =
    [
        ("a PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("a JPEG image", [0xFF, 0xD8, 0xFF]),
        ("a GIF image", "GIF8"u8.ToArray()),
        ("a WebP or RIFF file", "RIFF"u8.ToArray()),
        ("a ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
        ("a ZIP archive", [0x50, 0x4B, 0x05, 0x06]),
        ("a gzip file", [0x1F, 0x8B]),
        ("a 7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        ("a PDF document", "%PDF-"u8.ToArray()),
        ("an ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
    ];

    private static readonly string EmptyHash = Convert.ToHexStringLower(SHA256.HashData([]));

    /// <summary>The size cap: files larger than this many bytes are skipped as <see cref="SkipReason.TooLarge"/>.</summary>
    public long MaxBytes => maxBytes;

    /// <summary>Reads <paramref name="file"/>. Never throws for a bad or missing file: the result says why.</summary>
    public ReadResult Read(ArticleFile file)
    {
        if (ReadBytes(file, out var bytes, out var hash) is { } skipped)
        {
            return skipped;
        }

        foreach (var (name, magic) in Signatures)
        {
            if (bytes.AsSpan().StartsWith(magic))
            {
                return ReadResult.Skipped(file, hash, SkipReason.Binary, $"the file is {name}, not text") with { Length = bytes.Length };
            }
        }

        var decoded = EncodingDetector.Decode(bytes);
        var controls = CountControls(decoded.Text, out var nuls);
        if (controls * 50L > decoded.Text.Length)
        {
            return ReadResult.Skipped(file, hash, SkipReason.Binary,
                $"{controls:N0} of its {decoded.Text.Length:N0} characters are control characters ({nuls:N0} NUL): not text") with { Length = bytes.Length };
        }

        if (string.IsNullOrWhiteSpace(decoded.Text.Replace('\0', ' ')))
        {
            return ReadResult.Skipped(file, hash, SkipReason.Blank, "the file holds only white space") with { Length = bytes.Length };
        }

        var notes = new List<string>();
        if (decoded.Guessed)
        {
            notes.Add(decoded.EncodingName switch
            {
                "utf-16le" => "decoded as UTF-16 LE without a byte-order mark",
                "utf-16be" => "decoded as UTF-16 BE without a byte-order mark",
                _ => "decoded as Windows-1252: the bytes are not valid UTF-8",
            });
        }

        if (controls > 0)
        {
            notes.Add(nuls > 0 ? $"removed {controls:N0} control characters ({nuls:N0} NUL)" : $"removed {controls:N0} control characters");
        }

        return ReadResult.Read(file, hash, decoded, bytes.Length, notes);
    }

    /// <summary>
    /// Reads the bytes of <paramref name="file"/>, never more than the cap, and hashes them: null when they are there,
    /// else the skip that says why not (vanished, unreadable, not a regular file, too large, empty). Every reader reads
    /// through here, so a web page gets the same care as a text file.
    /// </summary>
    internal ReadResult? ReadBytes(ArticleFile file, out byte[] bytes, out string hash)
    {
        bytes = [];
        hash = EmptyHash;
        try
        {
            // Opening a named pipe would wait for a writer; pipes and devices have no size, so they never get that far.
            if (new FileInfo(file.FullPath) is { Exists: true, Length: 0 })
            {
                return ReadResult.Skipped(file, EmptyHash, SkipReason.Empty, "the file has no bytes") with { Length = 0 };
            }

            // FileShare.ReadWrite | Delete: a scraper may be writing or replacing the file; we read what is there now.
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            var length = stream.CanSeek ? stream.Length : -1;
            if (length > maxBytes)
            {
                return ReadResult.Skipped(file, null, SkipReason.TooLarge, $"{length:N0} bytes is over the {maxBytes:N0}-byte cap") with { Length = length };
            }

            if (!stream.CanSeek)
            {
                return ReadResult.Skipped(file, null, SkipReason.Unreadable, "not a regular file (a pipe or a device)");
            }

            bytes = ReadAtMost(stream, length);
            if (bytes.Length > maxBytes)
            {
                return ReadResult.Skipped(file, null, SkipReason.TooLarge, $"the file grew past the {maxBytes:N0}-byte cap while it was read") with { Length = bytes.Length };
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return ReadResult.Skipped(file, null, SkipReason.Vanished, "the file was removed after it was found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Skipped(file, null, SkipReason.Unreadable, ex.Message);
        }

        hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return bytes.Length == 0 ? ReadResult.Skipped(file, hash, SkipReason.Empty, "the file has no bytes") with { Length = 0 } : null;
    }

    // Reads until the end of the file or one byte past the cap, whichever comes first.
    private byte[] ReadAtMost(FileStream stream, long expected)
    {
        var buffer = new MemoryStream((int)Math.Min(Math.Max(expected, 0) + 1, maxBytes + 1));
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= maxBytes && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // C0 control characters other than the white space of text (tab, line feed, vertical tab, form feed, carriage return)
    // and escape, and DEL: what binary data decodes to and text never holds.
    private static int CountControls(string text, out int nuls)
    {
        int controls = 0, zeros = 0;
        foreach (var c in text)
        {
            if (c < 0x20 ? c is not ('\t' or '\n' or '\v' or '\f' or '\r' or '\x1B') : c == 0x7F)
            {
                controls++;
                zeros += c == 0 ? 1 : 0;
            }
        }

        nuls = zeros;
        return controls;
    }
}
