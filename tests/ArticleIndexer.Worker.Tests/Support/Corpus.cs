using System.Globalization;
using System.Security.Cryptography;

namespace ArticleIndexer.Worker.Tests.Support;

/// <summary>
/// A source folder of generated articles, big enough that a pass takes seconds: the seeds, each copy in its own
/// sub-folder path and ending with a sentence of its own (so every file has its own hash). Also what the folder
/// holds right now, worked out from the file system alone (not from the code under test).
/// </summary>
internal sealed class Corpus
{
    private readonly string[] seedTexts;
    private int next;

    /// <summary>A corpus over <paramref name="folder"/> (created if missing), which may already hold articles.</summary>
    public Corpus(string folder)
    {
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
        seedTexts = Directory.GetFiles(Seeds.Folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        Assert.Equal(Seeds.Count, seedTexts.Length);
    }

    /// <summary>The source folder, absolute.</summary>
    public string Folder { get; }

    /// <summary>The article ids the folder holds now: relative paths with '/' and without ".txt".</summary>
    public IReadOnlySet<string> Ids => Hashes().Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>A corpus of <paramref name="count"/> new articles in <paramref name="folder"/>.</summary>
    public static Corpus Generate(string folder, int count)
    {
        var corpus = new Corpus(folder);
        corpus.Add(count);
        return corpus;
    }

    /// <summary>
    /// Writes <paramref name="count"/> new articles, 100 to a folder, under <c>YEAR/part-NN/article-NNNNN.txt</c>;
    /// returns their ids.
    /// </summary>
    public IReadOnlyList<string> Add(int count, string section = "news")
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++, next++)
        {
            var n = next;
            var id = string.Create(CultureInfo.InvariantCulture, $"{section}/{2015 + (n % 3)}/part-{n / 100:00}/article-{n:00000}");
            var path = PathOf(id);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, seedTexts[n % seedTexts.Length].TrimEnd() + string.Create(
                CultureInfo.InvariantCulture, $"\n\nThis copy, number {n}, was filed from desk {n % 17} for the Worker safety tests.\n"));
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Deletes every <paramref name="every"/>-th article, starting at <paramref name="first"/>, in id order; returns their ids.</summary>
    public IReadOnlyList<string> Delete(int every, int first = 0)
    {
        var doomed = Ids.Order(StringComparer.Ordinal).Where((_, i) => i >= first && (i - first) % every == 0).ToList();
        foreach (var id in doomed)
        {
            File.Delete(PathOf(id));
        }

        return doomed;
    }

    /// <summary>Appends a paragraph to every <paramref name="every"/>-th article, starting at <paramref name="first"/>; returns their ids.</summary>
    public IReadOnlyList<string> Change(int every, int first = 0)
    {
        var changed = Ids.Order(StringComparer.Ordinal).Where((_, i) => i >= first && (i - first) % every == 0).ToList();
        foreach (var id in changed)
        {
            File.AppendAllText(PathOf(id), string.Create(CultureInfo.InvariantCulture, $"\nAn update to {id} was added at {next++}.\n"));
        }

        return changed;
    }

    /// <summary>Every article's id and the SHA-256 (lower-case hex) of its bytes, as the index should store it.</summary>
    public IReadOnlyDictionary<string, string> Hashes() =>
        Directory.EnumerateFiles(Folder, "*.txt", SearchOption.AllDirectories).ToDictionary(
            path => Path.ChangeExtension(Path.GetRelativePath(Folder, path), null).Replace('\\', '/'),
            path => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
            StringComparer.Ordinal);

    private string PathOf(string id) => Path.Combine(Folder, id + ".txt");
}
