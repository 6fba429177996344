using ArticleIndexer.Core.Boilerplate;

namespace BoilerplateTrain;

/// <summary>
/// Learns <see cref="WordOdds"/> from labelled pages: smoothed log-ratio of how often a word is in article lines and
/// in furniture lines. A page adds at most <see cref="PerPageCap"/> of a word to each side, and a word must be on at
/// least <see cref="MinPages"/> pages, so one site's words cannot dominate.
/// </summary>
internal static class WordOddsFit
{
    public const int PerPageCap = 3;
    public const int MinPages = 8;
    public const double Smoothing = 1;
    public const float Clip = 4;

    public static WordOdds Fit(IEnumerable<Page> pages)
    {
        var article = new Dictionary<string, double>(StringComparer.Ordinal);
        var furniture = new Dictionary<string, double>(StringComparer.Ordinal);
        var pageCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var counted = new HashSet<(string Word, string Page)>();
        foreach (var page in pages)
        {
            var a = new Dictionary<string, int>(StringComparer.Ordinal);
            var f = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < page.Labels.Length; i++)
            {
                var side = page.Labels[i] ? a : f;
                foreach (var word in WordOdds.Words(page.Analysis.Lines[i].Text))
                {
                    side[word] = side.GetValueOrDefault(word) + 1;
                }
            }

            // A page counts once however many of its renderings are here: the odds are about pages, not tools.
            foreach (var word in a.Keys.Union(f.Keys))
            {
                if (counted.Add((word, page.Key)))
                {
                    pageCount[word] = pageCount.GetValueOrDefault(word) + 1;
                }
            }

            foreach (var (word, c) in a)
            {
                article[word] = article.GetValueOrDefault(word) + Math.Min(c, PerPageCap);
            }

            foreach (var (word, c) in f)
            {
                furniture[word] = furniture.GetValueOrDefault(word) + Math.Min(c, PerPageCap);
            }
        }

        var kept = pageCount.Where(p => p.Value >= MinPages).Select(p => p.Key).ToList();
        var totalArticle = kept.Sum(w => article.GetValueOrDefault(w));
        var totalFurniture = kept.Sum(w => furniture.GetValueOrDefault(w));
        var odds = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var word in kept)
        {
            var pa = (article.GetValueOrDefault(word) + Smoothing) / (totalArticle + Smoothing * kept.Count);
            var pf = (furniture.GetValueOrDefault(word) + Smoothing) / (totalFurniture + Smoothing * kept.Count);
            odds[word] = Math.Clamp((float)Math.Log(pa / pf), -Clip, Clip);
        }

        return new WordOdds(odds);
    }
}
