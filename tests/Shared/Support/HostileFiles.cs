using System.Text;

namespace ArticleIndexer.Tests.Support;

/// <summary>What a pass should make of a hostile file.</summary>
internal enum Expected
{
    /// <summary>An article, with no note.</summary>
    Indexed,

    /// <summary>An article, with a note containing <see cref="HostileFile.Detail"/>.</summary>
    IndexedWithNote,

    /// <summary>No article: skipped with <see cref="HostileFile.Reason"/>, the detail containing <see cref="HostileFile.Detail"/>.</summary>
    Skipped,
}

/// <summary>One hostile file written by <see cref="HostileFiles"/>.</summary>
/// <param name="Case">The case's name, as the README's "What happens to bad input" table names it.</param>
/// <param name="RelativePath">The file, relative to the source folder.</param>
/// <param name="Outcome">What a pass should make of it.</param>
/// <param name="Reason">The skip reason's name, for <see cref="Expected.Skipped"/>.</param>
/// <param name="Detail">Text the note or skip detail contains.</param>
/// <param name="Marker">A word only this file's article contains (searchable once indexed); null when skipped.</param>
/// <param name="Encoding">The encoding the article records, for indexed files.</param>
internal sealed record HostileFile(string Case, string RelativePath, Expected Outcome, string? Reason, string? Detail, string? Marker, string? Encoding);

/// <summary>
/// Builds the hostile inputs an archive is fed, byte by byte, in a folder (nothing is committed as a binary): empty,
/// blank, all-boilerplate, binary (PNG, ZIP, NUL-riddled), invalid UTF-8, UTF-16 LE/BE with and without a byte-order
/// mark, Windows-1252 and Latin-1, mixed line endings, a few NULs in text, a file name with spaces, Unicode, a newline
/// and a leading dash, the same bytes under two paths, deep nesting, and a symbolic-link loop. The cases that need a
/// process or timing (a file that vanishes, grows, cannot be read; huge files) are built by their own tests.
/// </summary>
internal static class HostileFiles
{
    /// <summary>The depth of the deeply nested file's folder.</summary>
    public const int NestingDepth = 60;

    /// <summary>An article the cleaner keeps: a headline and a few sentences of prose, with <paramref name="marker"/>.</summary>
    public static string Article(string marker, string lineEnd = "\n") => string.Join(lineEnd,
        "Ferry strike ends at the port of Calais",
        "",
        "The harbour master at Calais said on Tuesday that the ferries to Dover would sail again on Monday after a week of strikes.",
        "Lorry drivers had waited for days on the motorway near the port, and the police said the queues were the longest this year.",
        $"The union said its members had voted to return to work after talks with the company, and the word {marker} was in the agreement.",
        "");

    /// <summary>Writes every case under <paramref name="folder"/> and returns what each should become.</summary>
    public static IReadOnlyList<HostileFile> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<HostileFile>();

        void Bytes(string name, byte[] bytes, HostileFile expected)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            files.Add(expected);
        }

        HostileFile Indexed(string @case, string name, string marker, string encoding = "utf-8") =>
            new(@case, name, Expected.Indexed, null, null, marker, encoding);

        HostileFile Noted(string @case, string name, string marker, string note, string encoding) =>
            new(@case, name, Expected.IndexedWithNote, null, note, marker, encoding);

        HostileFile Skipped(string @case, string name, string reason, string detail) =>
            new(@case, name, Expected.Skipped, reason, detail, null, null);

        Bytes("empty.txt", [], Skipped("empty file", "empty.txt", "Empty", "no bytes"));
        Bytes("blank.txt", Encoding.UTF8.GetBytes(" \n\t\r\n   \n\u00A0\n"), Skipped("only whitespace", "blank.txt", "Blank", "white space"));
        Bytes("furniture.txt", Encoding.UTF8.GetBytes("Share\nAdvertisement\nSign up for our newsletter\nCookie settings\n"),
            Skipped("only boilerplate", "furniture.txt", "NoBodyAfterStripping", "boilerplate"));
        Bytes("image.txt", Png(), Skipped("binary: PNG", "image.txt", "Binary", "PNG image"));
        Bytes("archive.txt", Zip(), Skipped("binary: ZIP", "archive.txt", "Binary", "ZIP archive"));
        Bytes("nul-riddled.txt", NulRiddled(), Skipped("binary: NUL bytes all through the text", "nul-riddled.txt", "Binary", "control characters"));
        Bytes("few-nuls.txt", [.. Encoding.UTF8.GetBytes(Article("hostilenuls")[..40]), 0, 0, .. Encoding.UTF8.GetBytes(Article("hostilenuls")[40..])],
            Noted("a few NUL bytes in text", "few-nuls.txt", "hostilenuls", "removed 2 control characters (2 NUL)", "utf-8"));
        Bytes("invalid-utf8.txt", [.. Encoding.UTF8.GetBytes(Article("hostileinvalid") + "Café au lait, "), 0xFF, 0xFE, .. "end.\n"u8],
            Noted("invalid UTF-8", "invalid-utf8.txt", "hostileinvalid", "Windows-1252", "windows-1252"));
        Bytes("utf16le-bom.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Article("hostileutfsixteenlebom") + "Café.")],
            Indexed("UTF-16 LE with BOM", "utf16le-bom.txt", "hostileutfsixteenlebom", "utf-16le"));
        Bytes("utf16be-bom.txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Article("hostileutfsixteenbebom") + "Café.")],
            Indexed("UTF-16 BE with BOM", "utf16be-bom.txt", "hostileutfsixteenbebom", "utf-16be"));
        Bytes("utf16le.txt", Encoding.Unicode.GetBytes(Article("hostileutfsixteenle") + "Café."),
            Noted("UTF-16 LE without BOM", "utf16le.txt", "hostileutfsixteenle", "UTF-16 LE without a byte-order mark", "utf-16le"));
        Bytes("utf16be.txt", Encoding.BigEndianUnicode.GetBytes(Article("hostileutfsixteenbe") + "Café."),
            Noted("UTF-16 BE without BOM", "utf16be.txt", "hostileutfsixteenbe", "UTF-16 BE without a byte-order mark", "utf-16be"));
        Bytes("windows-1252.txt", Windows1252.GetBytes(Article("hostilewindows") + "The “café” cost €12 — a bargain.\n"),
            Noted("Windows-1252", "windows-1252.txt", "hostilewindows", "Windows-1252", "windows-1252"));
        Bytes("latin-1.txt", Encoding.Latin1.GetBytes(Article("hostilelatin") + "Le café de la gare à Calais était fermé.\n"),
            Noted("Latin-1", "latin-1.txt", "hostilelatin", "Windows-1252", "windows-1252"));
        Bytes("mixed-endings.txt", Encoding.UTF8.GetBytes(Article("hostilemixed", "\r\n") + "One more line.\rAnd another.\n"),
            Indexed("mixed line endings", "mixed-endings.txt", "hostilemixed"));
        Bytes("with spaces and ümlauts é 日本.txt", Encoding.UTF8.GetBytes(Article("hostilespaces")),
            Indexed("name with spaces and Unicode", "with spaces and ümlauts é 日本.txt", "hostilespaces"));
        Bytes("new\nline.txt", Encoding.UTF8.GetBytes(Article("hostilenewline")),
            Indexed("name with a newline", "new\nline.txt", "hostilenewline"));
        Bytes("-leading-dash.txt", Encoding.UTF8.GetBytes(Article("hostiledash")),
            Indexed("name with a leading dash", "-leading-dash.txt", "hostiledash"));
        Bytes("copies/first.txt", Encoding.UTF8.GetBytes(Article("hostilesame")), Indexed("same content, first path", "copies/first.txt", "hostilesame"));
        Bytes("copies/second.txt", Encoding.UTF8.GetBytes(Article("hostilesame")),
            Noted("same content, second path", "copies/second.txt", "hostilesame", "the same bytes as copies/first.txt", "utf-8"));
        var deep = string.Join('/', Enumerable.Range(0, NestingDepth).Select(i => $"d{i}")) + "/deep.txt";
        Bytes(deep, Encoding.UTF8.GetBytes(Article("hostiledeep")), Indexed("deep nesting", deep, "hostiledeep"));

        // A symbolic-link loop of files (the kernel refuses to open it), and a folder linked to its own parent (never followed).
        File.CreateSymbolicLink(Path.Combine(folder, "loop-a.txt"), Path.Combine(folder, "loop-b.txt"));
        File.CreateSymbolicLink(Path.Combine(folder, "loop-b.txt"), Path.Combine(folder, "loop-a.txt"));
        files.Add(Skipped("symbolic-link loop (file)", "loop-a.txt", "Unreadable", "symbolic links"));
        files.Add(Skipped("symbolic-link loop (file)", "loop-b.txt", "Unreadable", "symbolic links"));
        Directory.CreateDirectory(Path.Combine(folder, "cycle"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "cycle", "back-to-parent"), folder);
        return files;
    }

    /// <summary>Windows-1252, from the code-pages provider.</summary>
    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>A 1×1 PNG: signature, IHDR, IDAT, IEND (the bytes of a real image).</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A ZIP archive holding one text file (stored, so the article's words are in it as plain bytes).</summary>
    public static byte[] Zip()
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("article.txt", System.IO.Compression.CompressionLevel.NoCompression);
            using var writer = new StreamWriter(entry.Open());
            writer.Write(Article("hostilezip"));
        }

        return memory.ToArray();
    }

    /// <summary>Text with a NUL after every few characters: a database dump or a mangled export, not an article.</summary>
    public static byte[] NulRiddled()
    {
        var text = Encoding.UTF8.GetBytes(Article("hostileriddled"));
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            bytes.Add(text[i]);
            if (i % 5 == 4)
            {
                bytes.AddRange([0, 0, 0]);
            }
        }

        return [.. bytes];
    }
}
