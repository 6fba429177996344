using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ArticleIndexer.Cli;

/// <summary>
/// Shell completion. <c>completion bash|zsh|fish</c> prints a small script for the shell to load; on each TAB the
/// script asks the program itself, <c>articles [suggest:POSITION] "LINE"</c> (System.CommandLine's suggest directive),
/// which answers from the command tree this class builds: subcommands, their options, and the values an option or
/// argument accepts (<c>--sort</c>, the shells). So the completions cannot drift from the commands, and a script
/// loaded once keeps up with an updated program. Where the program suggests nothing (a folder, a file, an id), the
/// shell completes file names.
/// </summary>
public sealed partial class CliApp
{
    /// <summary>The shells <c>completion</c> writes a script for.</summary>
    internal static readonly string[] Shells = ["bash", "zsh", "fish"];

    // The help option's other spellings: "-h" and "--help" are enough on a completion list.
    private static readonly HashSet<string> HiddenSuggestions = new(StringComparer.Ordinal) { "-?", "/?", "/h" };

    private Command CompletionCommand()
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash, zsh or fish." };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command("completion", "Prints the shell completion script for bash, zsh or fish: subcommands, options and their values complete "
                                                + "on TAB, as the program itself lists them (so the script never falls behind it); file names where it lists none.")
        {
            shell,
        };
        examples[command] =
        [
            "articles completion bash > ~/.local/share/bash-completion/completions/articles",
            "source <(articles completion bash)          # or this line in ~/.bashrc",
            "source <(articles completion zsh)           # in ~/.zshrc, after compinit",
            "articles completion fish | source           # in ~/.config/fish/config.fish",
        ];
        command.SetAction(parse =>
        {
            output.Write(CompletionScripts.For(parse.GetValue(shell) ?? string.Empty));
            return ExitCodes.Ok;
        });
        return command;
    }

    // The suggest directive answers as System.CommandLine's own does, one word a line, without the help option's other
    // spellings (see HiddenSuggestions); an unreadable position means the end of the line.
    private sealed class SuggestWords(SuggestDirective directive) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var line = parseResult.Tokens.LastOrDefault(t => t.Type != TokenType.Directive)?.Value ?? string.Empty;
            var value = parseResult.GetResult(directive)?.Values.SingleOrDefault();
            var position = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var at) ? Math.Min(at, line.Length) : line.Length;
            var writer = parseResult.InvocationConfiguration.Output;
            foreach (var completion in parseResult.RootCommandResult.Command.Parse(line, parseResult.Configuration).GetCompletions(position))
            {
                var word = completion.InsertText ?? completion.Label;
                if (!HiddenSuggestions.Contains(word))
                {
                    writer.WriteLine(OneLine(word));
                }
            }

            return ExitCodes.Ok;
        }
    }
}
