using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Search;
using Lucene.Net.Index;

namespace ArticleIndexer.Cli;

/// <summary>
/// The <c>articles</c> command line: every command is built here and writes to the writers it is given, so tests run it
/// with <see cref="StringWriter"/>s. <see cref="InvokeAsync"/> returns one of the <see cref="ExitCodes"/> and never
/// throws: every error is one line on the error writer, without a stack trace.
/// </summary>
public sealed partial class CliApp
{
    private const string Name = "articles";

    private readonly PagedWriter output;
    private readonly TextWriter error;
    private readonly TextOutput text;
    private readonly RootCommand root;
    private readonly Dictionary<Command, string[]> examples = [];

    // The commands whose human output is a listing worth a pager; not those that report progress as they go.
    private readonly HashSet<Command> paged = [];

    private readonly Option<string> index = new("--index")
    {
        Description = "The index folder (the worker's index root), relative to the current folder.",
        HelpName = "DIR",
        DefaultValueFactory = _ => "index",
        Recursive = true,
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "Write one JSON object (camelCase) to stdout instead of text.",
        Recursive = true,
    };

    private readonly Option<bool> noPager = new("--no-pager")
    {
        Description = "Print a long listing directly instead of through $ARTICLES_PAGER, $PAGER or less -FRX (only on a terminal).",
        Recursive = true,
    };

    /// <summary>Creates the command line, writing results to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where the one-line error messages go (stderr).</param>
    /// <param name="color">Mark matches in ANSI bold yellow instead of <c>[brackets]</c>. Defaults to false; see <see cref="ShouldUseColor"/>.</param>
    public CliApp(TextWriter output, TextWriter error, bool color = false)
    {
        this.output = new PagedWriter(output);
        this.error = error;
        text = new TextOutput(this.output, color);
        root = BuildRoot();
    }

    /// <summary>Where the output goes, to decide on a pager. Defaults to <see cref="TerminalInfo.None"/>: never a pager.</summary>
    internal TerminalInfo Terminal { get; init; } = TerminalInfo.None;

    /// <summary>Starts the pager command <see cref="TerminalInfo.PagerFor"/> chose; null when it cannot start. Defaults to
    /// <see cref="PagerProcess.Start"/>.</summary>
    internal Func<string, PagerProcess?> StartPager { get; init; } = PagerProcess.Start;

    /// <summary>The command tree: every command, option and argument, as help and completion see them.</summary>
    internal RootCommand Root => root;

    /// <summary>
    /// Whether matches should be coloured: only when stdout is a terminal, <c>NO_COLOR</c> is unset or empty
    /// (https://no-color.org) and <c>TERM</c> is not <c>dumb</c>.
    /// </summary>
    public static bool ShouldUseColor(bool outputRedirected, string? noColor, string? term) =>
        !outputRedirected && string.IsNullOrEmpty(noColor) && !string.Equals(term, "dumb", StringComparison.Ordinal);

    /// <summary>Parses and runs <paramref name="args"/>; returns one of the <see cref="ExitCodes"/>.</summary>
    public async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken = default)
    {
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
            {
                var first = parsed.UnmatchedTokens.Count > 0
                    ? $"Unrecognized command or argument '{parsed.UnmatchedTokens[0]}'."
                    : parsed.Errors[0].Message;
                var command = CommandPath(parsed.CommandResult.Command);
                return Fail(ExitCodes.UsageError, $"{first.TrimEnd()}{(first.TrimEnd().EndsWith('.') ? string.Empty : ".")} See '{command} --help'.");
            }

            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                // Ctrl-C ends a query at once; reindex handles it itself (see StopSignal): a pass stops at the next
                // file and commits, which may take longer than System.CommandLine's two-second grace period.
                ProcessTerminationTimeout = null,
            };
            // A listing (not its help) on a terminal goes through a pager once it outgrows the screen.
            var listing = parsed.CommandResult.Command;
            if (paged.Contains(listing) && parsed.Action == listing.Action
                && Terminal.PagerFor(parsed.GetValue(json), parsed.GetValue(noPager)) is { } pager)
            {
                output.PageIfLong(Terminal.Rows, Terminal.Columns, () => StartPager(pager));
            }

            try
            {
                return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                output.Finish();
            }
        }
        catch (Exception ex)
        {
            return Fail(ExitCodes.UnexpectedError, $"unexpected error: {ex.Message}");
        }
    }

    private RootCommand BuildRoot()
    {
        var rootCommand = new RootCommand(
            "Query the news-article index the worker writes: full-text search with person, place and organisation "
            + "filters, one article with its entities and stripped lines, top entities, index figures. Clean article files "
            + "without an index. Operate the worker: its schedule, a pass now, its status and the history of its passes. Measure the "
            + "entity tagger on a CoNLL file.");
        rootCommand.Add(index);
        rootCommand.Add(json);
        rootCommand.Add(noPager);
        rootCommand.Add(Paged(SearchCommand()));
        rootCommand.Add(Paged(ShowCommand()));
        rootCommand.Add(Paged(RelatedCommand()));
        rootCommand.Add(Paged(EntitiesCommand("people", EntityKind.Person, "The persons mentioned by the most articles.", "people --limit 5")));
        rootCommand.Add(Paged(EntitiesCommand("places", EntityKind.Place, "The places mentioned by the most articles.", "places")));
        rootCommand.Add(Paged(EntitiesCommand("orgs", EntityKind.Organization, "The organisations mentioned by the most articles.", "orgs --json")));
        rootCommand.Add(Paged(StatsCommand()));
        rootCommand.Add(Paged(AliasesCommand()));
        rootCommand.Add(CleanCommand());
        rootCommand.Add(Paged(ScheduleCommand()));
        rootCommand.Add(ReindexCommand());
        rootCommand.Add(Paged(StatusCommand()));
        rootCommand.Add(CheckCommand());
        rootCommand.Add(EvalCommand());
        rootCommand.Add(CompletionCommand());
        foreach (var suggest in rootCommand.Directives.OfType<SuggestDirective>())
        {
            suggest.Action = new SuggestWords(suggest);
        }

        examples[rootCommand] =
        [
            "articles search Calais --place Coquelles",
            "articles search --person \"Theresa May\" --json",
            "articles show 003_dddbabfa66241e60 --stripped",
            "articles related 003_dddbabfa66241e60",
            "articles people --index /data/index",
            "articles aliases",
            "articles clean seeds --out /tmp/clean",
            "articles status",
            "articles reindex --wait",
            "articles eval ner ../shared/data/conll2003/dev.txt --predictions /tmp/dev.pred",
            "source <(articles completion bash)",
        ];

        foreach (var help in rootCommand.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction standard)
            {
                help.Action = new HelpWithExamples(standard, examples);
            }
        }

        return rootCommand;
    }

    private Command Paged(Command command)
    {
        paged.Add(command);
        return command;
    }

    private Command SearchCommand()
    {
        var query = new Argument<string[]>("query")
        {
            Description = "Lucene query over title and body: words (all must match), \"a phrase\", a OR b, -word, wild*, title:word. "
                          + "Several words may be given unquoted. Leave it out to list every article matching the filters.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var person = new Option<string>("--person") { Description = "Only articles mentioning this person: full name or part (\"Cazeneuve\").", HelpName = "NAME" };
        var place = new Option<string>("--place")
        {
            Description = "Only articles mentioning this place, by name or alias (\"UK\" finds \"Britain\"); then those that only speak of the "
                          + "country through a demonym (\"French police\" for France), marked \"about\".",
            HelpName = "NAME",
        };
        var within = new Option<bool>("--within") { Description = "With --place: also articles mentioning a place inside it (--place Kent --within finds Dover and Deal)." };
        var org = new Option<string>("--org") { Description = "Only articles mentioning this organisation, by name or alias.", HelpName = "NAME" };
        var author = new Option<string>("--author") { Description = "Only articles by this author, from the byline: full name or part (\"Lenoir\").", HelpName = "NAME" };
        var source = new Option<string>("--source")
        {
            Description = "Only articles from this source: a folder relative to the source folder (\".\" for its top) or a web page's site name.",
            HelpName = "FOLDER|SITE",
        };
        var from = DateOption("--from", "Only articles dated on or after this day (yyyy-MM-dd); undated articles are left out and counted.");
        var to = DateOption("--to", "Only articles dated on or before this day (yyyy-MM-dd); undated articles are left out and counted.");
        var sort = new Option<SearchSort>("--sort")
        {
            Description = "relevance (best first) or date (newest first, undated last).",
            HelpName = "relevance|date",
            DefaultValueFactory = _ => SearchSort.Relevance,
        };
        // Completed as written in the help, not as the enum's names (the parser takes either case).
        sort.CompletionSources.Clear();
        sort.CompletionSources.Add("relevance", "date");
        var limit = LimitOption(10);
        var offset = new Option<int>("--offset") { Description = "Skip this many best hits first (paging).", HelpName = "N" };
        offset.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture, out var value) && value < 0)
            {
                result.AddError("--offset must be 0 or more.");
            }
        });
        var facetLimit = new Option<int>("--facets")
        {
            Description = "How many values each facet (persons, places, organisations, sources, authors) lists, beside the dated "
                          + "articles per year and month; 0 leaves them out.",
            HelpName = "N",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command("search", "Full-text search; prints each hit's id, score, date, path, title and a snippet with the matches marked, "
                                            + "then facets counted over every matching article.")
        {
            query, person, place, within, org, author, source, from, to, sort, limit, offset, facetLimit,
        };
        examples[command] =
        [
            "articles search Calais --place Coquelles",
            "articles search \"\\\"command and control\\\"\" --limit 3",
            "articles search --person Cazeneuve --json",
            "articles search migrants --place Kent --within",
            "articles search Calais --sort date --from 2015-07-01 --limit 5 --offset 5",
            "articles search tunnel --source . --facets 10",
            "articles search --author \"Jane Smith\" --sort date",
        ];
        command.SetAction(parse => WithSearcher(parse, searcher =>
        {
            var words = parse.GetValue(query) ?? [];

            // An unknown option is taken as one more query word; after "--" the words are the user's on purpose.
            if (!parse.Tokens.Any(t => t.Type == TokenType.DoubleDash) && words.FirstOrDefault(w => w.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
            {
                return Fail(ExitCodes.UsageError, $"Unrecognized option '{unknown}'. See 'articles search --help'.");
            }

            if (parse.GetValue(within) && string.IsNullOrWhiteSpace(parse.GetValue(place)))
            {
                return Fail(ExitCodes.UsageError, "--within needs --place NAME: the place whose insides to search. See 'articles search --help'.");
            }

            var request = new SearchRequest
            {
                Query = words.Length == 0 ? null : string.Join(' ', words),
                Person = parse.GetValue(person),
                Place = parse.GetValue(place),
                Within = parse.GetValue(within),
                Org = parse.GetValue(org),
                Author = parse.GetValue(author),
                Source = parse.GetValue(source),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Sort = parse.GetValue(sort),
                Limit = parse.GetValue(limit),
                Offset = parse.GetValue(offset),
                FacetLimit = Math.Max(0, parse.GetValue(facetLimit)),
            };
            if (request.From > request.To)
            {
                return Fail(ExitCodes.UsageError, "--from is after --to. See 'articles search --help'.");
            }

            var outcome = searcher.Search(request);
            if (outcome.Results is not { } results)
            {
                return Fail(ExitCodes.UsageError, outcome.QueryError ?? "The query cannot be run.");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, JsonOutput.Search(results));
            }
            else
            {
                text.Search(results);
            }

            return results.Hits.Count > 0 ? ExitCodes.Ok : ExitCodes.NoResults;
        }));
        return command;
    }

    private Command ShowCommand()
    {
        var id = new Argument<string>("id") { Description = "The article id (\"003_dddbabfa66241e60\"); the file name with its extension works too." };
        var stripped = new Option<bool>("--stripped") { Description = "Also list the stripped lines: \"line N [rule] text\". Without it only their count is shown." };
        var mark = new Option<bool>("--mark")
        {
            Description = "Mark each entity mention in the text: [[Theresa May|person]], [[Calais|place]], [[Home Office|org]]. "
                          + "On a terminal mentions are always coloured by kind instead.",
        };
        var command = new Command("show", "One article: title, id, path, encoding, indexing time, cleaned text, entities by kind, stripped lines. --json always includes the stripped lines.")
        {
            id, stripped, mark,
        };
        examples[command] =
        [
            "articles show 003_dddbabfa66241e60",
            "articles show 003_dddbabfa66241e60.txt --stripped",
            "articles show 003_dddbabfa66241e60 --mark",
        ];
        command.SetAction(parse => WithSearcher(parse, searcher =>
        {
            var wanted = parse.GetValue(id) ?? string.Empty;
            if (searcher.Get(wanted) is not { } article)
            {
                return Fail(ExitCodes.NoResults, $"no article with id '{wanted}' in the index.");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, article);
            }
            else
            {
                text.Article(article, parse.GetValue(stripped), parse.GetValue(mark));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command RelatedCommand()
    {
        var id = new Argument<string>("id") { Description = "The article id (\"003_dddbabfa66241e60\"); the file name with its extension works too." };
        var limit = LimitOption(10);
        var command = new Command("related", "The articles about the same story as one article, closest first: shared distinctive words and shared "
                                             + "persons, places and organisations. Copies of it (most of their 4-word runs in common) are flagged near-duplicate.")
        {
            id, limit,
        };
        examples[command] = ["articles related 003_dddbabfa66241e60", "articles related 003_dddbabfa66241e60.txt --limit 3 --json"];
        command.SetAction(parse => WithSearcher(parse, searcher =>
        {
            var wanted = parse.GetValue(id) ?? string.Empty;
            if (searcher.Related(wanted, parse.GetValue(limit)) is not { } related)
            {
                return Fail(ExitCodes.NoResults, $"no article with id '{wanted}' in the index.");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, new RelatedJson(wanted, related));
            }
            else
            {
                text.Related(related);
            }

            return related.Count > 0 ? ExitCodes.Ok : ExitCodes.NoResults;
        }));
        return command;
    }

    private static Option<DateOnly?> DateOption(string name, string description)
    {
        return new Option<DateOnly?>(name)
        {
            Description = description,
            HelpName = "DATE",
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return day;
                }

                result.AddError($"{name} '{token}' is not a date like 2015-07-30.");
                return null;
            },
        };
    }

    private Command EntitiesCommand(string name, EntityKind kind, string description, string example)
    {
        var limit = LimitOption(20);
        var query = new Option<string>("--query")
        {
            Description = "Count only the articles matching this search query (same syntax as search), from its facets.",
            HelpName = "Q",
        };
        var command = new Command(name, description + " Prints the number of articles, then the name.") { limit, query };
        examples[command] = [$"articles {example}", $"articles {name} --query \"Calais AND migrants\" --limit 5"];
        command.SetAction(parse => WithSearcher(parse, searcher =>
        {
            var top = searcher.TopEntities(kind, parse.GetValue(limit));
            var q = parse.GetValue(query);
            if (!string.IsNullOrWhiteSpace(q))
            {
                var outcome = searcher.Search(new SearchRequest { Query = q, Limit = 1, FacetLimit = parse.GetValue(limit) });
                if (outcome.Results is not { } results)
                {
                    return Fail(ExitCodes.UsageError, outcome.QueryError ?? "The query cannot be run.");
                }

                // The query's facet, with what the archive knows of each entity (aliases, roles, place) when it knows it.
                var known = searcher.TopEntities(kind, int.MaxValue).ToDictionary(e => e.Name, StringComparer.Ordinal);
                var facet = kind switch
                {
                    EntityKind.Person => results.Facets.Persons,
                    EntityKind.Place => results.Facets.Places,
                    _ => results.Facets.Orgs,
                };
                top = facet.Select(f => known.TryGetValue(f.Name, out var entity) ? entity with { Articles = f.Articles } : new EntityCount(f.Name, f.Articles))
                    .ToArray();
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, JsonOutput.Entities(kind, top));
            }
            else
            {
                text.Entities(kind, top, string.IsNullOrWhiteSpace(q) ? null : q);
            }

            return top.Count > 0 ? ExitCodes.Ok : ExitCodes.NoResults;
        }));
        return command;
    }

    private Command StatsCommand()
    {
        var command = new Command("stats", "Figures about the index: documents, distinct persons, places and organisations, size, lines repeated across articles, and the last indexing pass.");
        examples[command] = ["articles stats", "articles stats --json --index /data/index"];
        command.SetAction(parse => WithSearcher(parse, searcher =>
        {
            var stats = searcher.Stats();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, stats);
            }
            else
            {
                text.Stats(stats);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command AliasesCommand()
    {
        var command = new Command("aliases", $"Checks the alias file ({Core.Entities.AliasRules.FileName} in the index root): its merge and split "
                                             + "directives, each bad line with its number, and whether the index is resolved with it yet (the worker's next pass applies a change).");
        examples[command] = ["articles aliases", "articles aliases --index /data/index --json"];
        command.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(index) ?? "index");
            var path = Core.Entities.AliasRules.PathFor(root);
            var rules = Core.Entities.AliasRules.Load(path);
            string? applied = null;
            var opened = ArticleSearcher.Open(root);
            using (opened.Searcher)
            {
                if (opened.Searcher is { } searcher)
                {
                    applied = searcher.Stats().LastPass.GetValueOrDefault(Core.Pipeline.ArticlePipeline.AliasesKey) ?? Core.Entities.AliasRules.Empty.Fingerprint;
                }
            }

            var report = new AliasesJson(path, File.Exists(path), rules.Directives, applied is null ? null : applied == rules.Fingerprint,
                rules.Problems.Select(p => new AliasProblemJson(p.Line, p.Message)).ToArray());
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, report);
            }
            else
            {
                text.Aliases(report);
            }

            return rules.Problems.Count > 0 ? ExitCodes.UsageError : ExitCodes.Ok;
        });
        return command;
    }

    private static Option<int> LimitOption(int defaultValue)
    {
        var limit = new Option<int>("--limit")
        {
            Description = "How many to show.",
            HelpName = "N",
            DefaultValueFactory = _ => defaultValue,
        };
        limit.Validators.Add(result =>
        {
            // Read the token, not the value: the value of "x" throws here instead of being a parse error.
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture, out var value) && value < 1)
            {
                result.AddError("--limit must be at least 1.");
            }
        });
        return limit;
    }

    // Opens the index, runs the command on it and closes it; a missing, empty or unreadable index is exit code 3.
    private int WithSearcher(ParseResult parse, Func<ArticleSearcher, int> run)
    {
        var path = parse.GetValue(index) ?? "index";
        OpenResult opened;
        try
        {
            opened = ArticleSearcher.Open(path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Open reports the damage it expects; Lucene throws others (ArgumentException for a truncated .cfs).
            return Fail(ExitCodes.IndexUnavailable, $"The index at '{Path.GetFullPath(path)}' cannot be read ({ex.GetType().Name}: {ex.Message}); rebuild it by deleting the folder and running the worker.");
        }

        using var searcher = opened.Searcher;
        if (opened.Problem is not null || searcher is null)
        {
            return Fail(ExitCodes.IndexUnavailable, opened.Message ?? $"The index at '{path}' cannot be opened.");
        }

        try
        {
            return run(searcher);
        }
        catch (CorruptIndexException ex)
        {
            return Fail(ExitCodes.IndexUnavailable, $"The index at '{Path.GetFullPath(path)}' is damaged ({ex.Message}); rebuild it by deleting the folder and running the worker.");
        }
    }

    private int Fail(int exitCode, string message)
    {
        try
        {
            error.WriteLine($"{Name}: {OneLine(message)}");
        }
        catch (IOException)
        {
            // stderr is gone too: the exit code is all that is left to say it.
        }

        return exitCode;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = symbol.Parents.FirstOrDefault())
        {
            names.Insert(0, current is RootCommand ? Name : current.Name);
        }

        return string.Join(' ', names);
    }

    // The standard help, then a few examples of the command and the exit codes.
    private sealed class HelpWithExamples(HelpAction standard, IReadOnlyDictionary<Command, string[]> examples) : SynchronousCommandLineAction
    {
        // Like the standard help: "show --help" without an id is help, not a missing-argument error.
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            var writer = parseResult.InvocationConfiguration.Output;
            if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines))
            {
                writer.WriteLine("Examples:");
                foreach (var line in lines)
                {
                    writer.WriteLine($"  {line}");
                }

                writer.WriteLine();
            }

            writer.WriteLine(ExitCodes.HelpText);
            return code;
        }
    }
}
