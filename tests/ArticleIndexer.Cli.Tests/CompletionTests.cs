using System.CommandLine;
using System.Diagnostics;
using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

/// <summary>
/// <c>articles completion bash</c> run for real: the script it prints is loaded into bash and its function called as
/// bash calls it on TAB (COMP_LINE, COMP_POINT, COMP_WORDS, COMP_CWORD set), with <c>articles</c> on the PATH as the
/// installed tool is; COMPREPLY is what bash would offer.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "articles-completion-tests-" + Guid.NewGuid().ToString("N"));

    public CompletionTests()
    {
        Directory.CreateDirectory(folder);
        var articles = Path.Combine(folder, "articles");
        File.WriteAllText(articles, $"#!/bin/sh\nexec '{Processes.DotnetHost()}' '{Processes.Articles}' \"$@\"\n");
        // Bash runs where the tool's shims are shell scripts; Windows has neither.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(articles, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Theory]
    [InlineData("articles se", new[] { "search" })]
    [InlineData("articles search --so", new[] { "--sort", "--source" })]
    [InlineData("articles search Calais --sort ", new[] { "date", "relevance" })]
    [InlineData("articles show 003_dddbabfa66241e60 --st", new[] { "--stripped" })]
    [InlineData("articles eval n", new[] { "ner" })]
    [InlineData("articles completion ", new[] { "--help", "--index", "--json", "--no-pager", "-h", "bash", "fish", "zsh" })]
    public async Task TheBashScript_CompletesFromTheCommandTree(string line, string[] expected)
    {
        Assert.Equal(expected, await CompleteInBashAsync(line));
    }

    [Fact]
    public async Task TheBashScript_OffersEverySubcommand_AndNotTheHelpOptionsOtherSpellings()
    {
        var offered = await CompleteInBashAsync("articles ");

        var subcommands = new CliApp(TextWriter.Null, TextWriter.Null).Root.Subcommands.Select(c => c.Name).ToArray();
        Assert.True(subcommands.Length >= 15, string.Join(", ", subcommands));
        Assert.All(subcommands, name => Assert.Contains(name, offered));
        Assert.Contains("--help", offered);
        Assert.DoesNotContain("/?", offered);
        Assert.DoesNotContain("-?", offered);
    }

    [Fact]
    public async Task TheBashScript_OffersNothingWhereTheProgramListsNothing_SoBashCompletesFileNames()
    {
        Assert.Empty(await CompleteInBashAsync("articles clean --out "));
        var script = (await CliRun.InvokeAsync(["completion", "bash"])).Output;
        Assert.Contains("complete -o default -F _articles articles", script);
    }

    [Fact]
    public async Task TheSuggestDirective_OffersEveryOptionOfEveryCommand()
    {
        foreach (var command in new CliApp(TextWriter.Null, TextWriter.Null).Root.Subcommands.SelectMany(c => c.Subcommands.Prepend(c)))
        {
            var line = string.Join(' ', CommandPath(command).Prepend("articles")) + " --";
            var run = await CliRun.InvokeAsync([$"[suggest:{line.Length}]", line]);

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            var offered = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.All(command.Options.Where(o => !o.Hidden).Select(o => o.Name), name => Assert.Contains(name, offered));
        }
    }

    [Theory]
    [InlineData("bash", "_articles()")]
    [InlineData("zsh", "#compdef articles")]
    [InlineData("fish", "complete -c articles")]
    public async Task Completion_PrintsTheScriptOfTheShell_ThatAsksTheProgram(string shell, string marker)
    {
        var run = await CliRun.InvokeAsync(["completion", shell]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(marker, run.Output);
        Assert.Contains("[suggest:", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Completion_OfAnotherShell_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync(["completion", "pwsh"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("bash", Assert.Single(run.ErrorLines));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static IEnumerable<string> CommandPath(Command command) =>
        command.Parents.OfType<Command>().Where(c => c is not RootCommand).SelectMany(CommandPath).Append(command.Name);

    // Loads the script into a bash without start-up files and calls _articles as bash does for a TAB at the end of
    // `line`; returns COMPREPLY.
    private async Task<string[]> CompleteInBashAsync(string line)
    {
        var script = Path.Combine(folder, "articles.bash");
        await File.WriteAllTextAsync(script, (await CliRun.InvokeAsync(["completion", "bash"])).Output);
        const string Tab = """
            source "$1"
            COMP_LINE="$2"
            COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _articles
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--norc", "--noprofile", "-c", Tab, "bash", script, line })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"bash exited with {process.ExitCode}: {await stderr}");
        Assert.Equal(string.Empty, await stderr);
        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
