using System.Globalization;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Reading;

namespace ArticleIndexer.Cli;

/// <summary>
/// <c>clean</c>: the article stages on files, without an index. For each input file <c>NAME.ext</c> it writes
/// <c>OUT/NAME.txt</c> (the body) and <c>OUT/NAME.json</c> (<see cref="CleanedFileJson"/>). Two phases, as a pass with
/// its line-repeats table: the first reads and normalises every input to count the lines repeated across them
/// (<see cref="LineRepeats"/>), the second reads every input again and cleans it with that table. Between the phases
/// only the articles extracted from web pages are kept (up to <see cref="KeptPageCharacters"/>), so a page's markup is
/// parsed once; no text file is held.
/// </summary>
public sealed partial class CliApp
{
    private const string Failed = "failed";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Output names must not clash where the file system ignores case (Windows, macOS), so they are compared
    // ignoring case everywhere: the same inputs give the same answer on every machine.
    private static readonly StringComparer NameComparer = StringComparer.OrdinalIgnoreCase;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// How many characters of web pages' extracted articles phase 1 keeps for phase 2 (about 2 bytes each), so that each
    /// page is extracted once; pages past it are extracted again in phase 2. Defaults to 64 million.
    /// </summary>
    internal const long KeptPageCharacters = 64_000_000;

    /// <summary>Makes the stages <c>clean</c> runs, once per run, with the date settings given on the command line.
    /// Defaults to the product's (<see cref="ArticleProcessor(long, Core.Metadata.MetadataFinderOptions)"/>).</summary>
    internal Func<Core.Metadata.MetadataFinderOptions, ArticleProcessor> CleanProcessor { get; init; } =
        options => new ArticleProcessor(ArticleReader.DefaultMaxBytes, options);

    private Command CleanCommand()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Article files (any extension), or folders: searched recursively for the files the worker indexes "
                          + $"({string.Join(", ", SourceScanner.ArticleExtensions.Select(e => "*" + e))}; hidden entries and linked folders left out).",
            Arity = ArgumentArity.OneOrMore,
        };
        var outFolder = new Option<string>("--out")
        {
            Description = "The folder to write NAME.txt and NAME.json into; created when missing. Files of the same names are replaced, others left alone.",
            HelpName = "DIR",
            Required = true,
        };
        var weekdayYears = new Option<string>("--weekday-years")
        {
            Description = "A date written with its weekday but no year (\"Thursday (2 July)\") takes the one year of this window "
                          + "whose calendar fits, none when several or none do (worker: Indexer:WeekdayYearFrom/To). Off by default.",
            HelpName = "FROM-TO",
        };
        weekdayYears.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && WeekdayYears(result.Tokens[0].Value) is null)
            {
                result.AddError($"--weekday-years '{result.Tokens[0].Value}' is not a window of years: give FROM-TO, at most 99 years apart (2010-2019).");
            }
        });
        var fileTime = new Option<bool>("--file-time-dates")
        {
            Description = "Date a file that says nothing of its date by its modification time, marked as such (worker: Indexer:FileTimeAsPublished).",
        };
        var command = new Command(
            "clean",
            "Clean article files without an index. For each input NAME.ext, writes DIR/NAME.txt, the cleaned body (no headline; "
            + "paragraphs separated by a blank line; empty when the file has none), and DIR/NAME.json: title, encoding, entities, "
            + "stripped lines with their rules, or why it was skipped. Lines repeated across the inputs count as site furniture, as "
            + "in a pass. Two inputs with the same NAME are an error (exit 2) before anything is written. Prints one line per file "
            + "and a summary.")
        {
            inputs, outFolder, weekdayYears, fileTime,
        };
        examples[command] =
        [
            "articles clean seeds --out /tmp/clean",
            "articles clean ../shared/data/article-text-dev/txt --out /tmp/out --json",
            "articles clean notes/calais.md 2015/july --out cleaned",
        ];
        command.SetAction(parse =>
        {
            var window = parse.GetValue(weekdayYears) is { } years ? WeekdayYears(years) : null;
            var options = new Core.Metadata.MetadataFinderOptions
            {
                WeekdayYearFrom = window?.From,
                WeekdayYearTo = window?.To,
                FileTimeAsPublished = parse.GetValue(fileTime),
            };
            return Clean(parse.GetValue(inputs) ?? [], parse.GetValue(outFolder) ?? string.Empty, parse.GetValue(json), options);
        });
        return command;
    }

    // "2010-2019": a weekday window (MetadataFinderOptions.IsWeekdayWindow); null for anything else.
    private static (int From, int To)? WeekdayYears(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
               && Core.Metadata.MetadataFinderOptions.IsWeekdayWindow(from, to)
            ? (from, to)
            : null;
    }

    private int Clean(string[] inputs, string outPath, bool asJson, Core.Metadata.MetadataFinderOptions metadataOptions)
    {
        var started = Time.GetTimestamp();
        if (!TryFullPath(outPath, out var outFolder))
        {
            return Fail(ExitCodes.UsageError, $"--out '{outPath}' is not a valid folder path. See 'articles clean --help'.");
        }

        if (File.Exists(outFolder))
        {
            return Fail(ExitCodes.UsageError, $"--out '{outFolder}' is a file; give a folder (it is created when missing).");
        }

        var (files, problem) = CleanInputs(inputs, outFolder);
        if (problem is not null)
        {
            return Fail(ExitCodes.UsageError, problem);
        }

        if (files.Count == 0)
        {
            Note($"no article file in {string.Join(", ", inputs.Select(i => $"'{i}'"))}: folders are searched for "
                 + $"{string.Join(", ", SourceScanner.ArticleExtensions.Select(e => "*" + e))} files; nothing was written.");
            WriteCleanSummary(asJson, Summarize(outFolder, [], 0, Time.GetElapsedTime(started), 0));
            return ExitCodes.NoResults;
        }

        try
        {
            Directory.CreateDirectory(outFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.UnexpectedError, $"Cannot create the --out folder '{outFolder}' ({ex.Message}).");
        }

        var processor = CleanProcessor(metadataOptions);
        var (repeats, pages) = CountRepeats(processor, files);
        var results = new List<CleanResultJson>(files.Count);
        long bytes = 0;
        foreach (var input in files)
        {
            bytes += input.File.Length;
            var (body, document) = CleanOne(processor, input, repeats, pages.Remove(input, out var page) ? page : null);
            try
            {
                WriteAtomically(Path.Combine(outFolder, input.Name + ".txt"), body.Length == 0 ? string.Empty : body + "\n");
                WriteAtomically(Path.Combine(outFolder, input.Name + ".json"), JsonSerializer.Serialize(document, CleanJson.FileOptions) + "\n");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Fail(ExitCodes.UnexpectedError, $"Cannot write {input.Name}.txt and {input.Name}.json into '{outFolder}' ({ex.Message}); stopped after {results.Count} of {files.Count} files.");
            }

            var result = Result(input, body, document);
            results.Add(result);
            if (!asJson)
            {
                text.CleanedFile(result);
            }
        }

        var summary = Summarize(outFolder, results, bytes, Time.GetElapsedTime(started), repeats.RepeatedLines);
        WriteCleanSummary(asJson, summary);
        if (summary.Failed > 0)
        {
            var first = results.First(r => r.Status == Failed);
            return Fail(ExitCodes.UnexpectedError, $"{summary.Failed} of {summary.Files} files failed unexpectedly (a bug: please report it); first {first.Name}: {first.Detail}. The others were cleaned.");
        }

        return ExitCodes.Ok;
    }

    // Phase 1: the lines repeated across the inputs, and the articles extracted from web pages, by the hash of the bytes
    // they came from. A file that cannot be read counts for nothing; phase 2 says why.
    private static (LineRepeats Repeats, Dictionary<CleanInput, KeptPage> Pages) CountRepeats(ArticleProcessor processor, IReadOnlyList<CleanInput> files)
    {
        var normalizer = new TextNormalizer();
        var builder = new LineRepeats.Builder();
        var pages = new Dictionary<CleanInput, KeptPage>();
        long kept = 0;
        foreach (var input in files)
        {
            try
            {
                var read = processor.Read(input.File);
                var page = processor.ExtractPage(read);
                if (page is not null && read.ContentHash is { } hash && kept < KeptPageCharacters)
                {
                    pages[input] = new KeptPage(hash, page);
                    kept += page.Blocks.Sum(b => (long)b.Text.Length);
                }

                if (processor.CleanerText(read, page) is { } text)
                {
                    builder.AddText(normalizer.Normalize(text).Text);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Phase 2 meets the same file and reports it as failed.
            }
        }

        return (builder.Build(), pages);
    }

    // Phase 2 for one file: the body for NAME.txt and the document for NAME.json. One bad file never stops the run.
    // A page phase 1 extracted is not extracted again, unless its bytes changed since.
    private static (string Body, CleanedFileJson Document) CleanOne(ArticleProcessor processor, CleanInput input, LineRepeats repeats, KeptPage? kept)
    {
        var source = input.File.FullPath;
        ReadResult? read = null;
        try
        {
            read = processor.Read(input.File);
            var outcome = processor.Process(read, repeats, kept is not null && kept.ContentHash == read.ContentHash ? kept.Page : null);
            var stripped = outcome.Stripped.Select(l => new StrippedLineJson(l.LineNumber, l.Rule, l.Text, l.Detail)).ToArray();
            if (outcome.Article is { } article)
            {
                var bodyOffset = article.Title is null ? 0 : Article.ComposeText(article.Title, string.Empty).Length;
                return (article.Body, new CleanedFileJson(
                    source, input.Name, article.Title, article.Encoding, article.ContentHash, bodyOffset, article.Entities, stripped, null)
                {
                    Page = article.Page,
                    Metadata = article.Metadata,
                });
            }

            var reason = outcome.Skip ?? SkipReason.Unreadable;
            return (string.Empty, new CleanedFileJson(
                source, input.Name, null, outcome.Encoding, read.ContentHash, 0, EntitySet.Empty, stripped,
                new SkippedJson(CleanJson.Reason(reason.ToString()), outcome.Detail ?? reason.ToString())));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (string.Empty, new CleanedFileJson(
                source, input.Name, null, read?.Decoded?.EncodingName, read?.ContentHash, 0, EntitySet.Empty, [],
                new SkippedJson(Failed, OneLine($"{ex.GetType().Name}: {ex.Message}"))));
        }
    }

    private static CleanResultJson Result(CleanInput input, string body, CleanedFileJson document)
    {
        var rules = document.Stripped
            .GroupBy(l => l.Rule, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var status = document.Skipped switch
        {
            null => "cleaned",
            { Reason: Failed } => Failed,
            { Reason: var reason } when reason == CleanJson.Reason(nameof(SkipReason.NoBodyAfterStripping)) => "empty",
            _ => "skipped",
        };
        var kept = body.Length == 0 ? 0 : body.Split("\n\n").Length;
        return new CleanResultJson(input.Name, input.File.FullPath, status, kept, document.Stripped.Count, rules, document.Skipped?.Reason, document.Skipped?.Detail);
    }

    private static CleanSummaryJson Summarize(string outFolder, IReadOnlyList<CleanResultJson> results, long bytes, TimeSpan elapsed, int repeatedLines)
    {
        int Count(string status) => results.Count(r => r.Status == status);
        var seconds = Math.Round(elapsed.TotalSeconds, 3);
        var megabytesPerSecond = elapsed > TimeSpan.Zero ? Math.Round(bytes / 1e6 / elapsed.TotalSeconds, 2) : 0;
        return new CleanSummaryJson(
            outFolder, results.Count, Count("cleaned"), Count("empty"), Count("skipped"), Count(Failed), bytes, seconds, megabytesPerSecond, repeatedLines, results);
    }

    private void WriteCleanSummary(bool asJson, CleanSummaryJson summary)
    {
        if (asJson)
        {
            OperationsJson.Write(output, summary);
        }
        else
        {
            text.CleanSummary(summary);
        }
    }

    /// <summary>
    /// The files to clean, in the order given (a folder's in ordinal order, as a pass reads them), each once, with its
    /// output name; or the one-line reason they cannot be cleaned (a missing input, two inputs with one name, an output
    /// that would replace an input). Nothing is written before this has passed.
    /// </summary>
    private (IReadOnlyList<CleanInput> Files, string? Problem) CleanInputs(string[] inputs, string outFolder)
    {
        var files = new List<CleanInput>();
        var seen = new HashSet<string>(PathComparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        foreach (var input in inputs)
        {
            if (!TryFullPath(input, out var full))
            {
                return ([], $"The input '{input}' is not a valid path. See 'articles clean --help'.");
            }

            if (File.Exists(full))
            {
                var info = new FileInfo(full);
                if (seen.Add(full))
                {
                    files.Add(new CleanInput(new ArticleFile(full, info.Name, info.Length, info.LastWriteTimeUtc), OutputName(info.Name)));
                }
            }
            else if (Directory.Exists(full))
            {
                // An --out folder inside an input folder holds earlier output, not articles.
                var skipOut = IsUnder(outFolder, full);
                foreach (var file in new SourceScanner().Discover(full, (folder, reason) => Note($"cannot list the folder '{folder}' ({reason}); its files are left out.")))
                {
                    if (!(skipOut && IsUnder(file.FullPath, outFolder)) && seen.Add(file.FullPath))
                    {
                        files.Add(new CleanInput(file, OutputName(Path.GetFileName(file.FullPath))));
                    }
                }
            }
            else
            {
                return ([], $"The input '{input}' does not exist ({full}).");
            }
        }

        var clashes = files.GroupBy(f => f.Name, NameComparer).Where(g => g.Count() > 1).ToArray();
        if (clashes.Length > 0)
        {
            var first = clashes[0].ToArray();
            var paths = string.Join(", ", first.Take(3).Select(f => f.File.FullPath)) + (first.Length > 3 ? $" and {first.Length - 3} more" : string.Empty);
            var more = clashes.Length > 1 ? $"; {clashes.Length - 1} more names clash too" : string.Empty;
            return ([], $"{first.Length} inputs would be written as '{first[0].Name}.txt' and '.json': {paths}{more}. Nothing was written; "
                        + "clean them into separate --out folders, or rename them.");
        }

        foreach (var input in files)
        {
            foreach (var extension in new[] { ".txt", ".json" })
            {
                var target = Path.Combine(outFolder, input.Name + extension);
                if (seen.Contains(target))
                {
                    return ([], $"Writing {input.Name}{extension} into --out '{outFolder}' would replace the input '{target}'. Nothing was written; give another --out folder.");
                }
            }
        }

        return (files, null);
    }

    /// <summary>The output name of a file: its name without its last extension (<c>a.b.txt</c> gives <c>a.b</c>; <c>.txt</c> stays
    /// <c>.txt</c>), a compressed file's without both (<c>0001.html.gz</c> gives <c>0001</c>).</summary>
    internal static string OutputName(string fileName)
    {
        if (fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && fileName.Length > 3)
        {
            fileName = fileName[..^3];
        }

        var dot = fileName.LastIndexOf('.');
        return dot > 0 ? fileName[..dot] : fileName;
    }

    // Write then move: a reader (the scorer, a second run) never sees half a file; a crash leaves at most a *.tmp file.
    private static void WriteAtomically(string path, string contents)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, contents, Utf8NoBom);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The write failed already; that is what the caller reports.
            }

            throw;
        }
    }

    private static bool IsUnder(string path, string folder) =>
        path.Length > folder.Length
        && path.StartsWith(folder, PathComparison)
        && (folder.EndsWith(Path.DirectorySeparatorChar) || path[folder.Length] == Path.DirectorySeparatorChar || path[folder.Length] == Path.AltDirectorySeparatorChar);

    private static bool TryFullPath(string path, out string full)
    {
        full = string.Empty;
        if (string.IsNullOrWhiteSpace(path))
        {
            return false;
        }

        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    /// <summary>An input file and the name its outputs take.</summary>
    private sealed record CleanInput(ArticleFile File, string Name);

    // A web page's article as phase 1 extracted it, and the hash of the bytes it was extracted from.
    private sealed record KeptPage(string ContentHash, Core.Html.HtmlExtraction Page);
}
