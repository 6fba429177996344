using System.Globalization;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace ArticleIndexer.Worker;

/// <summary>
/// Serilog for the worker: human-readable lines on stderr (stdout is kept for the <c>--once</c> summary) and a daily
/// rolling file of compact JSON (CLEF) under <c>logs/</c>, relative to the current directory, 14 files kept.
/// The <c>Serilog</c> configuration section (<c>appsettings.json</c>, or <c>ARTICLEINDEXER_Serilog__...</c>) overrides
/// the levels below, and replaces both sinks when it has a <c>WriteTo</c>.
/// </summary>
internal static class WorkerLogging
{
    /// <summary>The console line: time, level, message, and the exception when there is one.</summary>
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>The rolling file's path; Serilog puts the date before the dot (<c>logs/worker-20250101.clef</c>).</summary>
    public const string FilePath = "logs/worker-.clef";

    /// <summary>How many daily files are kept.</summary>
    public const int RetainedFiles = 14;

    /// <summary>Used until the configuration is read, and for failures reading it: the console only.</summary>
    public static Serilog.Core.Logger CreateBootstrapLogger() => new LoggerConfiguration()
        .MinimumLevel.Information()
        .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Verbose)
        .CreateLogger();

    /// <summary>The worker's logger, from the <c>Serilog</c> section of <paramref name="configuration"/> over the defaults.</summary>
    public static Serilog.Core.Logger CreateLogger(IConfiguration configuration)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Enrich.FromLogContext();

        var section = configuration.GetSection("Serilog");
        if (section.Exists())
        {
            // Naming the sink assemblies spares Serilog.Settings.Configuration a scan of the dependency context,
            // which a single-file or trimmed publish would not have.
            var readerOptions = new ConfigurationReaderOptions(
                typeof(ConsoleLoggerConfigurationExtensions).Assembly,
                typeof(FileLoggerConfigurationExtensions).Assembly,
                typeof(CompactJsonFormatter).Assembly);
            logger.ReadFrom.Configuration(configuration, readerOptions);
        }

        if (!section.GetSection("WriteTo").Exists())
        {
            logger
                .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Verbose)
                .WriteTo.File(new CompactJsonFormatter(), FilePath, rollingInterval: RollingInterval.Day, retainedFileCountLimit: RetainedFiles);
        }

        return logger.CreateLogger();
    }
}
