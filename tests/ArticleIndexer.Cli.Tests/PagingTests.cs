using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class PagingTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Theory]
    [InlineData(true, false, false, null, null, "less -FRX")]
    [InlineData(false, false, false, null, null, null)]
    [InlineData(true, true, false, null, null, null)]
    [InlineData(true, false, true, null, null, null)]
    [InlineData(true, false, false, null, "most", "most")]
    [InlineData(true, false, false, "less -S", "most", "less -S")]
    [InlineData(true, false, false, "", "most", null)]
    [InlineData(true, false, false, "cat", "most", null)]
    [InlineData(true, false, false, null, "", null)]
    [InlineData(true, false, false, null, " cat ", null)]
    [InlineData(false, false, false, "less", "less", null)]
    public void PagerFor_PagesOnlyATerminal_WithoutJsonOrNoPager_UnlessTheVariablesSayNone(
        bool terminal, bool json, bool noPager, string? articlesPager, string? pager, string? expected)
    {
        var info = new TerminalInfo(terminal, 24, 80, articlesPager, pager);

        Assert.Equal(expected, info.PagerFor(json, noPager));
    }

    [Theory]
    [InlineData("less -FRX", "less")]
    [InlineData("LESS=S less", "less")]
    [InlineData("  /usr/bin/most ", "/usr/bin/most")]
    [InlineData("", "")]
    public void ThePagersProgram_IsItsFirstWordAfterAssignments(string command, string program) =>
        Assert.Equal(program, PagerProcess.Program(command));

    [Fact]
    public void APagerThatIsNotOnThePath_DoesNotStart()
    {
        Assert.Null(PagerProcess.Start("articles-no-such-pager-" + Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public void ATextThatFitsTheScreen_IsPrinted_WithoutStartingThePager()
    {
        var (writer, screen, pager) = Paged(rows: 5, columns: 80);

        writer.Write("one\ntwo\nthree\nfour\n");
        writer.Finish();

        Assert.Equal("one\ntwo\nthree\nfour\n", screen.ToString());
        Assert.Equal(0, pager.Starts);
    }

    [Fact]
    public void ATextLongerThanTheScreen_GoesWhollyToThePager_InOrder()
    {
        var (writer, screen, pager) = Paged(rows: 5, columns: 80);
        var text = string.Concat(Enumerable.Range(1, 12).Select(i => $"line {i}\n"));

        writer.Write(text[..20]);
        writer.WriteLine(text[20..^1]);
        writer.Finish();

        Assert.Equal(string.Empty, screen.ToString());
        Assert.Equal(1, pager.Starts);
        Assert.Equal(text.ReplaceLineEndings("\n"), pager.Text.ReplaceLineEndings("\n"));
        Assert.True(pager.Closed);
    }

    [Fact]
    public void LongLines_CountAsTheRowsTheyWrapTo_AndColourCodesAsNothing()
    {
        var (wrapped, _, wrappedPager) = Paged(rows: 5, columns: 10);
        wrapped.Write(new string('x', 25) + "\n" + "short\n" + "short\n");
        wrapped.Finish();

        var (coloured, screen, colouredPager) = Paged(rows: 5, columns: 10);
        var line = "\u001b[1;33mCalais\u001b[0m and\n";
        coloured.Write(line + line + line + line);
        coloured.Finish();

        Assert.Equal(1, wrappedPager.Starts);
        Assert.Equal(0, colouredPager.Starts);
        Assert.Equal(line + line + line + line, screen.ToString());
    }

    [Fact]
    public void APagerThatCannotStart_LeavesTheTextPrinted()
    {
        var screen = new StringWriter();
        var writer = new PagedWriter(screen);
        writer.PageIfLong(3, 80, () => null);

        writer.Write("a\nb\nc\nd\ne\n");
        writer.Finish();

        Assert.Equal("a\nb\nc\nd\ne\n", screen.ToString());
    }

    [Fact]
    public void APagerTheUserQuit_TakesTheRestUnseen_WithoutAnError()
    {
        var screen = new StringWriter();
        var writer = new PagedWriter(screen);
        writer.PageIfLong(3, 80, () => new PagerProcess(new ClosedPipe(), () => { }));

        writer.Write("a\nb\nc\nd\ne\n");
        writer.WriteLine("more");
        writer.Flush();
        writer.Finish();

        Assert.Equal(string.Empty, screen.ToString());
    }

    [Fact]
    public async Task ASearch_OnATerminal_LongerThanTheScreen_GoesThroughThePager()
    {
        var (run, pager) = await RunAsync(new TerminalInfo(true, 5, 80, null, null), "search", "Calais");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("less -FRX", pager.Command);
        Assert.Contains(Seeds.Flow003, pager.Text);
        Assert.Contains("results: ", pager.Text);
    }

    [Theory]
    [InlineData(false, 5, "search", "Calais")]
    [InlineData(true, 500, "search", "Calais")]
    [InlineData(true, 5, "search", "Calais", "--json")]
    [InlineData(true, 5, "search", "Calais", "--no-pager")]
    [InlineData(true, 5, "search", "--help")]
    [InlineData(true, 5, "completion", "bash")]
    public async Task Output_ThatIsNotALongListingOnATerminal_IsPrintedDirectly(bool terminal, int rows, params string[] args)
    {
        var (run, pager) = await RunAsync(new TerminalInfo(terminal, rows, 80, null, null), args);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(0, pager.Starts);
        Assert.NotEqual(string.Empty, run.Output);
    }

    [Fact]
    public async Task AListing_WhosePagerCannotStart_IsPrintedAsWithoutOne()
    {
        var direct = await index.RunAsync("show", Seeds.Flow003);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = new CliApp(output, error) { Terminal = new TerminalInfo(true, 5, 80, null, "less"), StartPager = _ => null };

        var code = await app.InvokeAsync(["show", Seeds.Flow003, "--index", index.IndexPath]);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(direct.Output, output.ToString());
    }

    private static (PagedWriter Writer, StringWriter Screen, FakePager Pager) Paged(int rows, int columns)
    {
        var screen = new StringWriter();
        var pager = new FakePager();
        var writer = new PagedWriter(screen);
        writer.PageIfLong(rows, columns, () => pager.Start("less"));
        return (writer, screen, pager);
    }

    private async Task<(CliRun Run, FakePager Pager)> RunAsync(TerminalInfo terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var pager = new FakePager();
        var app = new CliApp(output, error) { Terminal = terminal, StartPager = pager.Start };
        var code = await app.InvokeAsync([.. args, "--index", index.IndexPath]);
        return (new CliRun(code, output.ToString(), error.ToString()), pager);
    }

    // A pager that keeps what it was given.
    private sealed class FakePager
    {
        private readonly StringWriter input = new();

        public int Starts { get; private set; }

        public string? Command { get; private set; }

        public bool Closed { get; private set; }

        public string Text => input.ToString();

        public PagerProcess Start(string command)
        {
            Starts++;
            Command = command;
            return new PagerProcess(input, () => Closed = true);
        }
    }

    // The input of a pager the user has quit.
    private sealed class ClosedPipe : StringWriter
    {
        public override void Write(char value) => throw new IOException("Broken pipe.");

        public override void Write(string? value) => throw new IOException("Broken pipe.");

        public override void Flush() => throw new IOException("Broken pipe.");
    }
}
