using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ArticleIndexer.Core.Indexing;

/// <summary>
/// The analysers the index is built with, shared by writer and searcher so both see the same terms:
/// English (stemming, stop words) for title and body, a name analyser (lower case, accents folded, no stemming)
/// for entity and author names and the unstemmed <see cref="ArticleFields.Exact"/> copy of title and body, and keyword for everything exact.
/// </summary>
public static class ArticleAnalyzers
{
    /// <summary>The Lucene compatibility version the whole product uses.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Builds the per-field analyser for writing and query parsing.</summary>
    public static Analyzer Create()
    {
        var names = new NameAnalyzer();
        var perField = new Dictionary<string, Analyzer>
        {
            [ArticleFields.Person] = names,
            [ArticleFields.Place] = names,
            [ArticleFields.Org] = names,
            [ArticleFields.Author] = names,
            [ArticleFields.Exact] = names,
        };
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(Version), perField);
    }

    /// <summary>Lower-cases and folds accents the way <see cref="ArticleFields.PlaceKey"/> values are stored.</summary>
    public static string Key(string name)
    {
        var folded = new char[name.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(name.ToLowerInvariant().ToCharArray(), 0, folded, 0, name.Length);
        return string.Join(' ', new string(folded, 0, length).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Standard tokens, lower case, accents folded; a wide gap between values so a phrase never spans two names.</summary>
    private sealed class NameAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        public override int GetPositionIncrementGap(string fieldName) => 100;
    }
}
