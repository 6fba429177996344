using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ArticleIndexer.Cli;

/// <summary>
/// What the pager decision needs to know of where the output goes: whether stdout is a terminal, its size, and the
/// environment variables that choose the pager. <see cref="None"/> (the default) never pages.
/// </summary>
/// <param name="OutputIsTerminal">stdout is a terminal (not a file or a pipe).</param>
/// <param name="Rows">The terminal's height in lines.</param>
/// <param name="Columns">The terminal's width in characters, to count wrapped lines.</param>
/// <param name="ArticlesPager"><c>ARTICLES_PAGER</c>: the pager for this program; empty or <c>cat</c> for none.</param>
/// <param name="Pager"><c>PAGER</c>: the pager of every program, when <c>ARTICLES_PAGER</c> is unset.</param>
internal sealed record TerminalInfo(bool OutputIsTerminal, int Rows, int Columns, string? ArticlesPager, string? Pager)
{
    /// <summary>The pager when neither variable is set, as git's: quit when the text fits on one screen (F), pass
    /// colours through (R), leave the text on the screen when it quits (X).</summary>
    public const string DefaultPager = "less -FRX";

    /// <summary>Output that is not a terminal: nothing is paged.</summary>
    public static TerminalInfo None { get; } = new(false, 24, 80, null, null);

    /// <summary>The real stdout and environment; a size that cannot be read is taken from <c>LINES</c> and
    /// <c>COLUMNS</c>, else 24 by 80.</summary>
    public static TerminalInfo FromConsole()
    {
        var terminal = !Console.IsOutputRedirected;
        return new TerminalInfo(
            terminal,
            Size(() => Console.WindowHeight, "LINES", 24),
            Size(() => Console.WindowWidth, "COLUMNS", 80),
            Environment.GetEnvironmentVariable("ARTICLES_PAGER"),
            Environment.GetEnvironmentVariable("PAGER"));

        static int Size(Func<int> console, string variable, int fallback)
        {
            try
            {
                if (console() is > 0 and var size)
                {
                    return size;
                }
            }
            catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or InvalidOperationException)
            {
                // Not a terminal after all, or the platform cannot tell: the variable, else the fallback.
            }

            return int.TryParse(Environment.GetEnvironmentVariable(variable), out var value) && value > 0 ? value : fallback;
        }
    }

    /// <summary>
    /// The pager command for a human listing, or null to print it directly: none when stdout is not a terminal, with
    /// <c>--json</c> or <c>--no-pager</c>, or when the variable that decides (<c>ARTICLES_PAGER</c> if set, else
    /// <c>PAGER</c> if set, else <see cref="DefaultPager"/>) is empty or <c>cat</c>.
    /// </summary>
    public string? PagerFor(bool json, bool noPager)
    {
        if (!OutputIsTerminal || json || noPager)
        {
            return null;
        }

        var command = (ArticlesPager ?? Pager ?? DefaultPager).Trim();
        return command.Length == 0 || command == "cat" ? null : command;
    }
}

/// <summary>A pager that was started: where to write the text, and how to end it (close its input, wait for it to quit).</summary>
internal sealed class PagerProcess(TextWriter input, Action close)
{
    /// <summary>The pager's stdin.</summary>
    public TextWriter Input => input;

    /// <summary>Closes the pager's input and waits until the user quits it.</summary>
    public void Close() => close();

    /// <summary>
    /// Starts <paramref name="command"/> with <c>sh -c</c>, as git starts its pager, its stdout and stderr the terminal's;
    /// <c>LESS=FRX</c> (and <c>LV=-c</c>) unless already set. Null when it cannot start: its program is not on the PATH
    /// (checked first, since <c>sh</c> itself would start and only then fail), or this is Windows (no <c>sh</c>).
    /// While it runs, Ctrl-C is the pager's: this process waits for it instead of ending under it.
    /// </summary>
    public static PagerProcess? Start(string command)
    {
        if (OperatingSystem.IsWindows() || !IsOnPath(Program(command)))
        {
            return null;
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        foreach (var (name, value) in new[] { ("LESS", "FRX"), ("LV", "-c") })
        {
            if (Environment.GetEnvironmentVariable(name) is null)
            {
                start.Environment[name] = value;
            }
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Exception ex) when (ex is Win32Exception or IOException)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        return new PagerProcess(process.StandardInput, () =>
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The user quit before the end: what was left is not wanted.
            }

            process.WaitForExit();
            process.Dispose();
            interrupt.Dispose();
        });
    }

    // The program a pager command runs: its first word after any NAME=value assignments.
    internal static string Program(string command) =>
        command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(word => !word.Contains('=', StringComparison.Ordinal)) ?? string.Empty;

    private static bool IsOnPath(string program)
    {
        if (program.Length == 0)
        {
            return false;
        }

        if (program.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(program);
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => IsExecutable(Path.Combine(folder, program)));
    }

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && File.Exists(path)
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}

/// <summary>
/// stdout for a command's human output. It writes straight through until <see cref="PageIfLong"/> is called; then it
/// holds the text until it fills the screen (counting long lines as the rows they wrap to, colour codes as nothing),
/// and from there hands what it held and everything after to a pager. <see cref="Finish"/> prints a text that fitted,
/// or closes the pager and waits for it. A pager that cannot start means printing, as if there were none; a pager the
/// user quit before the end takes the rest of the text away unseen.
/// </summary>
internal sealed class PagedWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder held = new();
    private Func<PagerProcess?>? startPager;
    private PagerProcess? pager;
    private bool pagerGone;
    private int rowsLeft;
    private int columns;
    private int column;
    private EscapeState escape;

    private enum EscapeState
    {
        None,
        Escape,
        Sequence,
    }

    public override Encoding Encoding => inner.Encoding;

    /// <summary>From now on, hold the text, and start a pager with <paramref name="start"/> when it outgrows a
    /// terminal of <paramref name="rows"/> by <paramref name="columns"/>: when it needs more rows than all but one
    /// (kept for the shell's prompt).</summary>
    public void PageIfLong(int rows, int columns, Func<PagerProcess?> start)
    {
        startPager = start;
        rowsLeft = Math.Max(1, rows - 1);
        this.columns = Math.Max(1, columns);
    }

    /// <summary>Prints the text held, or ends the pager; afterwards writes go straight through again.</summary>
    public void Finish()
    {
        if (pager is { } running)
        {
            Forward(p => p.Flush());
            running.Close();
            pager = null;
        }
        else if (startPager is not null)
        {
            inner.Write(held.ToString());
        }

        startPager = null;
        held.Clear();
        inner.Flush();
    }

    public override void Write(char value)
    {
        if (pager is not null)
        {
            Forward(p => p.Write(value));
        }
        else if (startPager is null)
        {
            inner.Write(value);
        }
        else
        {
            held.Append(value);
            Count(value);
        }
    }

    public override void Write(string? value)
    {
        if (pager is not null)
        {
            Forward(p => p.Write(value));
        }
        else if (startPager is null)
        {
            inner.Write(value);
        }
        else
        {
            foreach (var c in value ?? string.Empty)
            {
                Write(c);
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        if (pager is not null)
        {
            Forward(p => p.Flush());
        }
        else if (startPager is null)
        {
            inner.Flush();
        }
    }

    // One more character of the held text: a row ends at a line break or when the line wraps.
    private void Count(char value)
    {
        switch (escape)
        {
            case EscapeState.Escape:
                escape = value == '[' ? EscapeState.Sequence : EscapeState.None;
                return;
            case EscapeState.Sequence:
                escape = value is >= '@' and <= '~' ? EscapeState.None : EscapeState.Sequence;
                return;
        }

        switch (value)
        {
            case '\u001b':
                escape = EscapeState.Escape;
                return;
            case '\n':
                column = 0;
                Row();
                return;
            case '\r':
                return;
            case '\t':
                column = Math.Min(columns, (column / 8 + 1) * 8);
                return;
        }

        if (column == columns)
        {
            column = 0;
            Row();
        }

        column++;
    }

    // A row filled: when the screen is full, the pager takes over (or, when none starts, the terminal does).
    private void Row()
    {
        if (--rowsLeft >= 0 || startPager is not { } start)
        {
            return;
        }

        startPager = null;
        var text = held.ToString();
        held.Clear();
        pager = start();
        if (pager is null)
        {
            inner.Write(text);
        }
        else
        {
            Forward(p => p.Write(text));
        }
    }

    // A write to the pager; once the user has quit it, the rest goes nowhere (as with git and man).
    private void Forward(Action<TextWriter> write)
    {
        if (pagerGone || pager is null)
        {
            return;
        }

        try
        {
            write(pager.Input);
        }
        catch (IOException)
        {
            pagerGone = true;
        }
    }
}
