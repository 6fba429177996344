using System.Diagnostics;
using System.Text;
using ArticleIndexer.Core.Search;
using Lucene.Net.Search;
using Xunit.Abstractions;

namespace ArticleIndexer.Core.Tests.Search;

/// <summary>
/// Ten thousand random and malformed queries, from a fixed seed, against the index of the seeds: every one gets results
/// or a query error with a message, never an exception; the expensive ones are refused or bounded.
/// </summary>
public sealed class QueryFuzzTests(SeedIndexFixture seeds, ITestOutputHelper output) : IClassFixture<SeedIndexFixture>
{
    private const int Queries = 10_000;

    private static readonly string[] Words =
    [
        "Calais", "migrants", "Theresa", "May", "Cazeneuve", "ferry", "Dover", "Eurotunnel", "police", "the", "a", "zzzunknown",
        "mïgrants", "日本", "😀", "\uD800", "\uDFFF", "don't", "P&O", "e-mail", "http://example.com/a/b", "and/or", "10.5", "-1",
    ];

    private static readonly string[] Fields =
    [
        "title:", "body:", "person:", "place:", "org:", "unknown:", "persons:", "id:", ":", "a:b:", "title:*", "_:", "field with space:",
    ];

    private static readonly string[] Operators =
    [
        " AND ", " OR ", " NOT ", " && ", " || ", "!", "+", "-", " TO ", "AND", "OR", "NOT", " and ", " or ",
    ];

    private static readonly string[] Punctuation =
    [
        "\"", "(", ")", "[", "]", "{", "}", "*", "?", "~", "~2", "~0.5", "~9", "^", "^2", "^-1", "^x", "\\", "/", ":", "'", "&", "|", " ", "  ",
    ];

    [Fact]
    public void TenThousandRandomAndMalformedQueries_EachGetResultsOrAQueryError_NeverAnException()
    {
        var random = new Random(20261123);
        int answered = 0, refused = 0;
        var slowest = TimeSpan.Zero;
        var slowestQuery = string.Empty;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Queries; i++)
        {
            var request = RandomRequest(random);
            var started = clock.Elapsed;
            SearchOutcome outcome;
            try
            {
                outcome = seeds.Searcher.Search(request);
            }
            catch (Exception ex)
            {
                Assert.Fail($"Query #{i} {Show(request.Query)} (person {Show(request.Person)}) threw {ex.GetType().Name}: {ex.Message}");
                return;
            }

            var took = clock.Elapsed - started;
            if (took > slowest)
            {
                (slowest, slowestQuery) = (took, request.Query ?? string.Empty);
            }

            if (outcome.Results is { } results)
            {
                Assert.Null(outcome.QueryError);
                Assert.InRange(results.Hits.Count, 0, Math.Max(1, request.Limit));
                answered++;
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(outcome.QueryError), $"Query #{i} {Show(request.Query)}: neither results nor an error");
                Assert.Contains("query", outcome.QueryError, StringComparison.OrdinalIgnoreCase);
                refused++;
            }
        }

        output.WriteLine($"{Queries:N0} queries in {clock.Elapsed.TotalSeconds:0.0} s: {answered:N0} answered, {refused:N0} query errors; slowest {slowest.TotalMilliseconds:0} ms: {Show(slowestQuery)}");
        Assert.InRange(answered, Queries / 10, Queries);
        Assert.InRange(refused, Queries / 10, Queries);
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"{Show(slowestQuery)} took {slowest}");
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("(unbalanced bracket")]
    [InlineData("unbalanced bracket)")]
    [InlineData("AND")]
    [InlineData("NOT")]
    [InlineData("*a*")]
    [InlineData("?alais")]
    [InlineData("title:")]
    [InlineData("a\\")]
    [InlineData("[a TO")]
    [InlineData("calais^x")]
    public void MalformedQuery_IsAQueryError_NamingTheQuery(string query)
    {
        var outcome = seeds.Searcher.Search(new SearchRequest { Query = query });

        Assert.Null(outcome.Results);
        Assert.Contains($"'{query}'", outcome.QueryError, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedQuery_IsRefusedBeforeItCanOverflowTheParsersStack()
    {
        // 3,000 levels end the process with a stack overflow inside Lucene's parser; no catch can stop that.
        var query = new string('(', 3000) + "calais" + new string(')', 3000);

        var outcome = seeds.Searcher.Search(new SearchRequest { Query = query[..QueryGuard.MaxLength] });
        var nested = seeds.Searcher.Search(new SearchRequest { Query = new string('(', 25) + "calais" + new string(')', 25) });
        var fine = seeds.Searcher.Search(new SearchRequest { Query = new string('(', 10) + "calais" + new string(')', 10) });

        Assert.Contains("nests brackets", outcome.QueryError, StringComparison.Ordinal);
        Assert.Contains("nests brackets 25 deep", nested.QueryError, StringComparison.Ordinal);
        Assert.True(fine.Results is { Total: > 0 }, fine.QueryError);
    }

    [Fact]
    public void TooLongQuery_IsRefused()
    {
        var outcome = seeds.Searcher.Search(new SearchRequest { Query = string.Join(' ', Enumerable.Repeat("calais", 1000)) });

        Assert.Null(outcome.Results);
        Assert.Contains("at most 2,000", outcome.QueryError, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryOfMoreClausesThanLuceneAllows_IsAQueryError()
    {
        var terms = Enumerable.Range(0, BooleanQuery.MaxClauseCount + 1).Select(i => $"w{i}");

        var outcome = seeds.Searcher.Search(new SearchRequest { Query = string.Join(" OR ", terms)[..QueryGuard.MaxLength] + " OR " + string.Join(" OR ", Enumerable.Range(0, 10).Select(i => $"x{i}")) });
        var many = seeds.Searcher.Search(new SearchRequest { Query = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"{i % 10}")) });

        Assert.NotNull(outcome.QueryError);
        Assert.True(many.Results is not null || many.QueryError is not null);
    }

    [Theory]
    [InlineData("c*")]
    [InlineData("c*a*l*a*i*s*")]
    [InlineData("c*a*l*a*i*s*a*b*c*d*e*")]
    [InlineData("t?e")]
    [InlineData("ca*~")]
    public void BroadWildcards_AreAnsweredWithinBounds(string query)
    {
        var outcome = seeds.Searcher.Search(new SearchRequest { Query = query });

        Assert.True(outcome.Results is not null || outcome.QueryError is not null);
    }

    [Theory]
    [InlineData("/calais/", "calais")]
    [InlineData("and/or", "and")]
    [InlineData("http://example.com/calais", "calais")]
    public void Slashes_AreOrdinaryCharacters_NotRegularExpressions(string query, string _)
    {
        var outcome = seeds.Searcher.Search(new SearchRequest { Query = query });

        Assert.True(outcome.Results is not null, outcome.QueryError);
    }

    private static SearchRequest RandomRequest(Random random)
    {
        var shape = random.Next(100);
        var query = shape switch
        {
            < 55 => Tokens(random, random.Next(1, 8)),
            < 70 => Tokens(random, random.Next(8, 60)),
            < 78 => Deep(random),
            < 84 => LongInput(random),
            < 90 => ControlCharacters(random),
            < 95 => WildcardHeavy(random),
            _ => random.Next(4) switch { 0 => string.Empty, 1 => " ", 2 => null, _ => "\"" },
        };
        return new SearchRequest
        {
            Query = query,
            Person = random.Next(20) == 0 ? Tokens(random, 2) : null,
            Place = random.Next(30) == 0 ? Tokens(random, 1) : null,
            Org = random.Next(40) == 0 ? Tokens(random, 1) : null,
            Limit = random.Next(1, 6),
        };
    }

    private static string Tokens(Random random, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(random.Next(10) switch
            {
                < 4 => Words[random.Next(Words.Length)],
                < 5 => Fields[random.Next(Fields.Length)] + Words[random.Next(Words.Length)],
                < 7 => Operators[random.Next(Operators.Length)],
                _ => Punctuation[random.Next(Punctuation.Length)],
            });
            if (random.Next(3) == 0)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static string Deep(Random random)
    {
        var depth = random.Next(1, 60);
        var open = random.Next(3) switch { 0 => "(", 1 => "+(", _ => "(title:" };
        return string.Concat(Enumerable.Repeat(open, depth)) + Words[random.Next(Words.Length)] + new string(')', random.Next(0, depth + 2));
    }

    private static string LongInput(Random random) => random.Next(3) switch
    {
        0 => new string((char)random.Next('a', 'z' + 1), random.Next(100, 5000)),
        1 => string.Join(' ', Enumerable.Range(0, random.Next(100, 900)).Select(_ => Words[random.Next(Words.Length)])),
        _ => Tokens(random, random.Next(200, 700)),
    };

    private static string ControlCharacters(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.Next(3) == 0 ? Words[random.Next(Words.Length)] : ((char)random.Next(0, 32)).ToString()));

    private static string WildcardHeavy(Random random) => random.Next(5) switch
    {
        0 => "*" + Words[random.Next(Words.Length)] + "*",
        1 => string.Concat(Enumerable.Range(0, random.Next(2, 40)).Select(_ => (char)random.Next('a', 'z' + 1) + "*")),
        2 => (char)random.Next('a', 'z' + 1) + "*",
        3 => Words[random.Next(Words.Length)] + "~" + random.Next(0, 5),
        _ => new string('a', random.Next(20, 300)) + "~2",
    };

    private static string Show(string? text) =>
        text is null ? "(null)" : "'" + (text.Length > 80 ? text[..80] + "…" : text).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal) + "'";
}
