using System.Text;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace ArticleIndexer.Core.Search;

/// <summary>
/// What keeps a query typed by anyone from hurting the searcher: limits checked before Lucene's classic parser sees the
/// text, and the parser's and rewriter's complaints turned into query errors. Measured with a seeded fuzz test of 10,000
/// random and malformed queries (<c>QueryFuzzTests</c>).
/// </summary>
/// <remarks>
/// <para>The parser descends once per bracket: 3,000 nested brackets overflow the stack and end the process, which no
/// <c>catch</c> can stop. So nesting is capped at <see cref="MaxNesting"/> and length at <see cref="MaxLength"/>.</para>
/// <para>A slash starts a regular expression in the classic syntax, whose automaton can take exponential time and
/// memory to build, and a stray one (a URL, "and/or") makes the parser throw argument errors. The product documents no
/// regular expressions, so every slash is made literal.</para>
/// <para>Wildcards cannot lead (<c>*a*</c> is refused by the parser); expansions are rewritten as constant-score filters,
/// so a common prefix costs a scan of the term dictionary but no memory per term, and the scored rewrite used for
/// highlighting keeps 50 terms. Boolean queries keep Lucene's limit of <see cref="BooleanQuery.MaxClauseCount"/> clauses.</para>
/// </remarks>
public static class QueryGuard
{
    /// <summary>The longest query accepted, in characters. Defaults to 2,000.</summary>
    public const int MaxLength = 2000;

    /// <summary>The deepest nesting of brackets and parentheses accepted. Defaults to 20.</summary>
    public const int MaxNesting = 20;

    /// <summary>The most wildcards (<c>*</c>, <c>?</c>) a query may hold. Defaults to 10: the automaton of a term with forty
    /// stars took 0.8 s to run on five documents.</summary>
    public const int MaxWildcards = 10;

    /// <summary>Why <paramref name="query"/> is refused before parsing; null when it may be parsed.</summary>
    public static string? Refuse(string? query)
    {
        if (query is null)
        {
            return null;
        }

        if (query.Length > MaxLength)
        {
            return $"The query is {query.Length:N0} characters long; at most {MaxLength:N0} are accepted.";
        }

        int depth = 0, deepest = 0, wildcards = 0;
        var escaped = false;
        var quoted = false;
        foreach (var c in query)
        {
            if (escaped)
            {
                escaped = false;
                continue;
            }

            switch (c)
            {
                case '\\':
                    escaped = true;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '(' or '[' or '{' when !quoted:
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ')' or ']' or '}' when !quoted:
                    depth--;
                    break;
                case '*' or '?' when !quoted:
                    wildcards++;
                    break;
            }
        }

        return deepest > MaxNesting ? $"The query nests brackets {deepest} deep; at most {MaxNesting} levels are accepted."
            : wildcards > MaxWildcards ? $"The query holds {wildcards} wildcards (* and ?); at most {MaxWildcards} are accepted."
            : null;
    }

    /// <summary>The text handed to the parser: every unescaped slash escaped, so it is an ordinary character.</summary>
    public static string? Prepare(string? query)
    {
        if (query is null || !query.Contains('/'))
        {
            return query;
        }

        var builder = new StringBuilder(query.Length + 8);
        var escaped = false;
        foreach (var c in query)
        {
            if (c == '/' && !escaped)
            {
                builder.Append('\\');
            }

            escaped = c == '\\' && !escaped;
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// True for the exceptions that mean "this query cannot be run" rather than a broken index or a bug: parse errors,
    /// too many clauses, and the argument errors Lucene's query classes throw for values they cannot take.
    /// </summary>
    public static bool IsQueryError(Exception ex) =>
        ex is ParseException or BooleanQuery.TooManyClausesException or ArgumentException or NotSupportedException;

    /// <summary>The sentence for a query error, naming the query and what is wrong with it.</summary>
    public static string Message(string query, Exception ex) => ex switch
    {
        BooleanQuery.TooManyClausesException =>
            $"The query '{query}' expands to more than {BooleanQuery.MaxClauseCount} terms; make wildcards more specific.",
        ParseException parse => ParseMessage(query, parse),
        _ => $"The query '{query}' cannot be run: {ex.Message.Split('\n')[0].Trim()}",
    };

    private static string ParseMessage(string query, ParseException ex)
    {
        var message = ex.Message.Split('\n')[0].Trim();
        if (message.StartsWith("Cannot parse", StringComparison.Ordinal))
        {
            var colon = message.IndexOf(": ", "Cannot parse".Length, StringComparison.Ordinal);
            message = colon >= 0 ? message[(colon + 2)..] : message;
        }

        return $"Cannot parse the query '{query}': {message}";
    }
}
