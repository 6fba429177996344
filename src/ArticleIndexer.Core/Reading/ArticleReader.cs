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

    /// <summary>NUL bytes outside UTF-16/32 text: an image, archive or other binary file.</summary>
    Binary,

    /// <summary>The file is larger than the configured cap.</summary>
    TooLarge,

    /// <summary>The file could not be opened or read (vanished, no permission, I/O error).</summary>
    Unreadable,

    /// <summary>Nothing was left once boilerplate was removed.</summary>
    NoBodyAfterStripping,

    /// <summary>A web page without an article: no text, or only navigation, links and labels.</summary>
    NoArticleInPage,
}

/// <summary>A file read from disk: its bytes' hash and decoded text, or why it could not be read.</summary>
public sealed record ReadResult(ArticleFile File, string? ContentHash, DecodedText? Decoded, SkipReason? Skip, string? Detail)
{
    /// <summary>True when <see cref="Decoded"/> holds the file's text.</summary>
    public bool IsRead => Decoded is not null;

    /// <summary>True when the file is a web page (<see cref="HtmlPageReader"/>): <see cref="Decoded"/> is its markup,
    /// and the article is extracted from it before cleaning.</summary>
    public bool IsHtml { get; init; }

    internal static ReadResult Read(ArticleFile file, string hash, DecodedText text) => new(file, hash, text, null, null);

    internal static ReadResult Skipped(ArticleFile file, string? hash, SkipReason reason, string detail) => new(file, hash, null, reason, detail);
}

/// <summary>Reads an article file's bytes, hashes them and decodes them as text.</summary>
public sealed class ArticleReader(long maxBytes = ArticleReader.DefaultMaxBytes)
{
    /// <summary>Files larger than this are skipped. Defaults to 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>The size cap: files larger than this many bytes are skipped as <see cref="SkipReason.TooLarge"/>.</summary>
    public long MaxBytes => maxBytes;

    /// <summary>Reads <paramref name="file"/>. Never throws for a bad or missing file: the result says why.</summary>
    public ReadResult Read(ArticleFile file)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(file.FullPath).Length;
            if (length > maxBytes)
            {
                return ReadResult.Skipped(file, null, SkipReason.TooLarge, $"{length:N0} bytes is over the {maxBytes:N0}-byte cap");
            }

            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Skipped(file, null, SkipReason.Unreadable, ex.Message);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.Length == 0)
        {
            return ReadResult.Skipped(file, hash, SkipReason.Empty, "the file has no bytes");
        }

        var decoded = EncodingDetector.Decode(bytes);
        if (decoded.Text.Contains('\0'))
        {
            return ReadResult.Skipped(file, hash, SkipReason.Binary, "the file contains NUL bytes: not text");
        }

        if (string.IsNullOrWhiteSpace(decoded.Text))
        {
            return ReadResult.Skipped(file, hash, SkipReason.Blank, "the file holds only white space");
        }

        return ReadResult.Read(file, hash, decoded);
    }
}
