using ArticleIndexer.Cli;

// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
var color = CliApp.ShouldUseColor(
    Console.IsOutputRedirected,
    Environment.GetEnvironmentVariable("NO_COLOR"),
    Environment.GetEnvironmentVariable("TERM"));
return await new CliApp(Console.Out, Console.Error, color).InvokeAsync(args);
