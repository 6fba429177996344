namespace ArticleIndexer.Cli;

/// <summary>
/// The scripts <c>articles completion SHELL</c> prints. Each holds no command or option name: on TAB it sends the line
/// up to the cursor to <c>articles [suggest:POSITION] "LINE"</c>, with the word the user typed first replaced by
/// <c>articles</c>, and offers the words that come back; when none come back, file names.
/// </summary>
internal static class CompletionScripts
{
    /// <summary>The script for <paramref name="shell"/> (one of <see cref="CliApp.Shells"/>).</summary>
    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "bash, zsh or fish"),
    };

    // COMP_WORDS[COMP_CWORD] is the word being completed; bash's own filter would not do: the words come back unsorted
    // and compgen -W expands $ and backquotes in them.
    private const string Bash = """
        # bash completion for articles, printed by `articles completion bash`.
        # Load it with `source <(articles completion bash)` in ~/.bashrc, or save it as
        # ~/.local/share/bash-completion/completions/articles. On TAB it asks the program:
        # articles [suggest:POSITION] "LINE" lists the subcommands, options and values that fit.
        _articles()
        {
            local program="${COMP_WORDS[0]}" word="${COMP_WORDS[COMP_CWORD]}" line="${COMP_LINE:0:COMP_POINT}" suggestion
            line="articles${line#*"$program"}"
            COMPREPLY=()
            while IFS= read -r suggestion; do
                [[ $suggestion == "$word"* ]] && COMPREPLY+=("$suggestion")
            done < <("$program" "[suggest:${#line}]" "$line" 2>/dev/null)
        }
        complete -o default -F _articles articles

        """;

    private const string Zsh = """
        #compdef articles
        # zsh completion for articles, printed by `articles completion zsh`.
        # Load it with `source <(articles completion zsh)` in ~/.zshrc after compinit, or save it as _articles in a
        # folder of $fpath. On TAB it asks the program: articles [suggest:POSITION] "LINE" lists the subcommands,
        # options and values that fit.
        _articles()
        {
            local line="articles"
            local -a suggestions
            (( CURRENT > 2 )) && line+=" ${(j: :)words[2,CURRENT-1]}"
            line+=" $PREFIX"
            suggestions=("${(@f)$("${words[1]}" "[suggest:${#line}]" "$line" 2>/dev/null)}")
            suggestions=(${suggestions:#})
            if (( ${#suggestions} )); then
                compadd -a suggestions
            else
                _files
            fi
        }
        if [[ "$funcstack[1]" == "_articles" ]]; then
            _articles "$@"
        else
            compdef _articles articles
        fi

        """;

    private const string Fish = """
        # fish completion for articles, printed by `articles completion fish`.
        # Load it with `articles completion fish | source` in ~/.config/fish/config.fish, or save it as
        # ~/.config/fish/completions/articles.fish. On TAB it asks the program:
        # articles [suggest:POSITION] "LINE" lists the subcommands, options and values that fit.
        function __articles_complete
            set -l program (commandline -opc)[1]
            set -l line (string replace -r -- '^\s*\S+' articles (commandline -cp) | string join ' ')
            set -l suggestions ($program "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null)
            if set -q suggestions[1]
                printf '%s\n' $suggestions
            else
                __fish_complete_path (commandline -ct)
            end
        end
        complete -c articles -f -a '(__articles_complete)'

        """;
}
