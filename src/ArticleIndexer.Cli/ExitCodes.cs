namespace ArticleIndexer.Cli;

/// <summary>
/// The exit codes of <c>articles</c>, the same for every command. Scripts can tell "nothing found" (1) from
/// "you asked wrongly" (2) from "there is nothing to ask" (3).
/// </summary>
public static class ExitCodes
{
    /// <summary>0: the command ran and found something (hits, the article, entities, figures); also <c>--help</c>.</summary>
    public const int Ok = 0;

    /// <summary>1: the command ran but found nothing: a search with no hit, <c>show</c> of an unknown id, an empty entity list.</summary>
    public const int NoResults = 1;

    /// <summary>2: usage error: unknown command or option, bad option value, malformed query.</summary>
    public const int UsageError = 2;

    /// <summary>3: the index is missing, holds no article yet, or cannot be read.</summary>
    public const int IndexUnavailable = 3;

    /// <summary>4: an unexpected error (a bug, or an I/O failure while writing output); the message is one line on stderr.</summary>
    public const int UnexpectedError = 4;

    /// <summary>The codes as help text, one per line.</summary>
    internal const string HelpText =
        "Exit codes:\n"
        + "  0  results found / ok\n"
        + "  1  no results (search with no hit, show with an unknown id, empty entity list)\n"
        + "  2  usage or query error (unknown option, bad value, malformed query)\n"
        + "  3  no index, empty index or unreadable index (run the worker first)\n"
        + "  4  unexpected error";
}
