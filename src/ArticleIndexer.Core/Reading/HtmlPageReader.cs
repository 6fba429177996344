using System.IO.Compression;
using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Html;

namespace ArticleIndexer.Core.Reading;

/// <summary>
/// Reads a saved web page (<c>.html</c>, <c>.htm</c>, optionally gzip-compressed as <c>.html.gz</c>): hashes the
/// file's bytes, decompresses them, and decodes them with the page's charset (<see cref="HtmlCharset"/>). The
/// result's text is the page's markup; <see cref="Pipeline.ArticleProcessor"/> extracts the article from it. The
/// size cap applies to the file and to the decompressed page, so a small compressed file cannot unpack to gigabytes.
/// </summary>
public sealed class HtmlPageReader(long maxBytes = ArticleReader.DefaultMaxBytes)
{
    // Reads the file's bytes under the same cap and with the same care as a text file (pipes, vanished files).
    private readonly ArticleReader files = new(maxBytes);

    /// <summary>File name endings read as web pages, compressed or not.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"];

    /// <summary>True when <paramref name="path"/> names a web page by its extension.</summary>
    public static bool IsHtml(string path)
    {
        foreach (var extension in Extensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads <paramref name="file"/>. Never throws for a bad or missing file: the result says why.</summary>
    public ReadResult Read(ArticleFile file)
    {
        if (files.ReadBytes(file, out var bytes, out var hash) is { } skipped)
        {
            return skipped;
        }

        var fileLength = bytes.LongLength;
        if (file.FullPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            var (page, problem) = Decompress(bytes);
            if (page is null)
            {
                return ReadResult.Skipped(file, hash, problem!.Value.Reason, problem.Value.Detail);
            }

            bytes = page;
        }

        var decoded = HtmlCharset.Decode(bytes);
        if (decoded.Text.Contains('\0'))
        {
            return ReadResult.Skipped(file, hash, SkipReason.Binary, "the page contains NUL bytes: not text");
        }

        if (string.IsNullOrWhiteSpace(decoded.Text))
        {
            return ReadResult.Skipped(file, hash, SkipReason.Blank, "the page holds only white space");
        }

        return ReadResult.Read(file, hash, decoded, fileLength, []) with { IsHtml = true };
    }

    private (byte[]? Page, (SkipReason Reason, string Detail)? Problem) Decompress(byte[] compressed)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var page = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (page.Length + read > maxBytes)
                {
                    return (null, (SkipReason.TooLarge, $"the page unpacks to more than the {maxBytes:N0}-byte cap"));
                }

                page.Write(buffer, 0, read);
            }

            return page.Length == 0 ? (null, (SkipReason.Unreadable, "the gzip stream holds no page (truncated or empty)")) : (page.ToArray(), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, (SkipReason.Unreadable, $"not valid gzip: {ex.Message}"));
        }
    }
}
