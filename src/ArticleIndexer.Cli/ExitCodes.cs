namespace ArticleIndexer.Cli;

/// <summary>
/// The exit codes of <c>articles</c>, the same for every command. Scripts can tell "nothing found" (1) from
/// "you asked wrongly" (2) from "there is nothing to ask" (3) from "busy, try again later" (5).
/// </summary>
public static class ExitCodes
{
    /// <summary>0: the command ran and found something (hits, the article, entities, figures); also <c>--help</c>.</summary>
    public const int Ok = 0;

    /// <summary>1: the command ran but found nothing: a search with no hit, <c>show</c> of an unknown id, an empty entity list, <c>clean</c> of folders holding no article file.</summary>
    public const int NoResults = 1;

    /// <summary>2: usage error: unknown command or option, bad option value, malformed query, a source folder that does not exist (<c>reindex</c>); <c>clean</c>: no input or no <c>--out</c>, an input that does not exist, two inputs with one output name, an output that would replace an input; <c>eval ner</c>: a missing or malformed CoNLL file.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// 3: the index is missing, holds no article yet, or cannot be read; <c>schedule</c>: no worker database, or no
    /// schedule in it; <c>status</c>: neither an index nor a pass history; <c>reindex</c>: the index is damaged (an
    /// incremental pass refuses to write it), the pass failed, or the worker stopped before the requested pass ended.
    /// </summary>
    public const int IndexUnavailable = 3;

    /// <summary>
    /// 4: an unexpected error (a bug, or an I/O failure while writing output, such as <c>clean</c> failing to create or
    /// write its <c>--out</c> folder, <c>eval ner</c> failing to write its <c>--predictions</c>); the message is one line on stderr. <c>clean</c> also returns it after cleaning the
    /// other files when one failed unexpectedly.
    /// </summary>
    public const int UnexpectedError = 4;

    /// <summary>
    /// 5: <c>reindex</c> did not run a pass because the index is busy: another process that takes no requests holds
    /// the index lock (another <c>articles reindex</c>, a worker's <c>--once</c> or <c>--rebuild</c>), or, with
    /// <c>--wait</c>, the requested pass did not end in time (the worker carries on with it). Try again later.
    /// </summary>
    public const int IndexBusy = 5;

    /// <summary>The codes as help text, one per code (2 and 3 take two lines).</summary>
    internal const string HelpText =
        "Exit codes:\n"
        + "  0  results found / ok\n"
        + "  1  no results (search with no hit, show with an unknown id, empty entity list, clean: no article file)\n"
        + "  2  usage or query error (unknown option, bad value, malformed query, reindex: no such source folder;\n"
        + "     clean: no such input, two inputs with one output name; eval ner: missing or malformed CoNLL file)\n"
        + "  3  no index, empty index or unreadable index (run the worker first); schedule/status: no worker has run here;\n"
        + "     reindex: damaged index, the pass failed, or the worker stopped before running it\n"
        + "  4  unexpected error\n"
        + "  5  reindex: the index is busy (another reindex, a worker --once or --rebuild), or --wait timed out";
}
