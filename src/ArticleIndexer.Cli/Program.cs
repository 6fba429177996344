using ArticleIndexer.Cli;

// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
var color = CliApp.ShouldUseColor(
    Console.IsOutputRedirected,
    Environment.GetEnvironmentVariable("NO_COLOR"),
    Environment.GetEnvironmentVariable("TERM"));
// Long listings on a terminal go through $ARTICLES_PAGER, $PAGER or less -FRX (see TerminalInfo.PagerFor).
return await new CliApp(Console.Out, Console.Error, color) { Terminal = TerminalInfo.FromConsole() }.InvokeAsync(args);
