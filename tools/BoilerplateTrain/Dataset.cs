using System.Text.Json;
using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Reading;

namespace BoilerplateTrain;

/// <summary>One rendering of a page: the page set it is from, its id, the renderer that made the text and that
/// renderer's family (the tool: leave-one-renderer-out cross-validation holds a whole family out), the rules' analysis of
/// its lines, their vectors, and each line's label and weight.</summary>
internal sealed record Page(
    string Set, string Renderer, string Family, string Id, LineBoilerplateStripper.Analysis Analysis, LineRepeats Repeats,
    bool[] Labels, float[] Weights, Dictionary<string, int> TruthShingles)
{
    /// <summary>The page whatever its rendering: the renderings of one page share it.</summary>
    public string Key => Set + "/" + Id;

    /// <summary>The rendering, for reports: "extraction-dev/w3m-80".</summary>
    public string Rendering => Set + "/" + Renderer;

    public float[] Vectors(WordOdds words) =>
        LineVectors.Build(Analysis.Lines, Analysis.LineRules, Analysis.Rules, Analysis.Soft, Repeats, words);
}

/// <summary>A folder of one page set's pages as one renderer made their text.</summary>
internal sealed record Rendering(string Set, string Renderer, string Family, string Folder, string TruthPath)
{
    // The families of tools/render-text-sets.py's renderers, and of the two shared dev sets.
    public static string FamilyOf(string renderer) => renderer switch
    {
        "alternate" or "blank" or "tight" or "boilerplate-dev" => "page",
        "smartreader" or "article-text-dev" => "readlater",
        "readability" => "extractor",
        _ when renderer.StartsWith("w3m", StringComparison.Ordinal) => "w3m",
        _ when renderer.StartsWith("lynx", StringComparison.Ordinal) => "lynx",
        _ when renderer.StartsWith("html2text", StringComparison.Ordinal) => "html2text",
        _ => renderer,
    };

    /// <summary>Every rendering under <paramref name="root"/>, as tools/render-text-sets.py lays them out:
    /// ROOT/SET/RENDERER/ID.txt with ROOT/SET/ground-truth.json.</summary>
    public static List<Rendering> Under(string root)
    {
        var renderings = new List<Rendering>();
        foreach (var set in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var truth = Path.Combine(set, "ground-truth.json");
            if (!File.Exists(truth))
            {
                continue;
            }

            foreach (var folder in Directory.GetDirectories(set).Order(StringComparer.Ordinal))
            {
                var renderer = Path.GetFileName(folder);
                renderings.Add(new Rendering(Path.GetFileName(set), renderer, FamilyOf(renderer), folder, truth));
            }
        }

        return renderings;
    }
}

/// <summary>Reads a dev set's pages the way `articles clean` does (read, normalise, count repeated lines over the set
/// first) and labels each line from the true article text.</summary>
internal static class Dataset
{
    public static List<Page> Load(Rendering rendering, IReadOnlyDictionary<string, string> truth)
    {
        var folder = rendering.Folder;
        var reader = new ArticleReader();
        var normalizer = new TextNormalizer();
        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var texts = new List<(string Id, NormalizedText Text)>();
        var builder = new LineRepeats.Builder();
        foreach (var file in files)
        {
            var read = reader.Read(new ArticleFile(file, Path.GetFileName(file), 0, DateTime.UtcNow));
            // An empty file still counts, as the scorer counts it: an empty prediction.
            var normalized = normalizer.Normalize(read.Decoded?.Text ?? "");
            builder.AddText(normalized.Text);
            texts.Add((Path.GetFileNameWithoutExtension(file), normalized));
        }

        var repeats = builder.Build();
        var pages = new List<Page>();
        foreach (var (id, text) in texts)
        {
            if (!truth.TryGetValue(id, out var body))
            {
                continue;
            }

            var analysis = LineBoilerplateStripper.Analyze(text, repeats);
            var truthTokens = ExtractionScore.Tokens(body);
            var shingles = ExtractionScore.Shingles(truthTokens);
            var sequence = string.Join('\u0001', truthTokens);
            var labels = new bool[analysis.Lines.Count];
            var weights = new float[analysis.Lines.Count];
            for (var i = 0; i < labels.Length; i++)
            {
                var tokens = ExtractionScore.Tokens(analysis.Lines[i].Text);
                labels[i] = Label(tokens, shingles, sequence);
                weights[i] = tokens.Length + 2;
            }

            // Every page weighs the same in training, as in the scorer; within a page a line weighs by its tokens.
            var sum = weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] /= Math.Max(sum, 1e-6f);
            }

            pages.Add(new Page(rendering.Set, rendering.Renderer, rendering.Family, id, analysis, repeats, labels, weights, shingles));
        }

        return pages;
    }

    // A line belongs to the article when most of its 4-token shingles are in the true text; a shorter line when its
    // tokens occur there in a row.
    internal static bool Label(string[] tokens, Dictionary<string, int> truth, string sequence)
    {
        if (tokens.Length == 0)
        {
            return false;
        }

        if (tokens.Length < 4)
        {
            var joined = string.Join('\u0001', tokens);
            var at = sequence.IndexOf(joined, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + joined.Length;
                if ((at == 0 || sequence[at - 1] == '\u0001') && (end == sequence.Length || sequence[end] == '\u0001'))
                {
                    return true;
                }

                at = sequence.IndexOf(joined, at + 1, StringComparison.Ordinal);
            }

            return false;
        }

        var found = 0;
        for (var i = 0; i + 4 <= tokens.Length; i++)
        {
            found += truth.ContainsKey(string.Join('\u0001', tokens, i, 4)) ? 1 : 0;
        }

        return found * 2 >= tokens.Length - 3;
    }

    public static Dictionary<string, string> ReadTruth(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in json.RootElement.EnumerateObject())
        {
            truth[page.Name] = page.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? "" : "";
        }

        return truth;
    }
}
