using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Operations.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Serilog;

namespace ArticleIndexer.Worker;

/// <summary>Builds the worker's generic host: configuration, options, the pipeline, and (scheduled mode) Quartz.</summary>
internal static class WorkerHost
{
    /// <summary>The prefix of the environment variables the worker reads (<c>ARTICLEINDEXER_Indexer__SourceFolder</c>).</summary>
    public const string EnvironmentPrefix = "ARTICLEINDEXER_";

    /// <summary>
    /// A host builder whose configuration is, lowest first: <c>appsettings.json</c> in <paramref name="contentRoot"/>
    /// (defaults to the folder of the binary, so the worker finds its settings from any current directory), the host's
    /// usual environment variables, <c>ARTICLEINDEXER_</c>-prefixed ones, then the flags in <paramref name="arguments"/>.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(WorkerArguments arguments, string? contentRoot = null)
    {
        var initial = new ConfigurationManager();
        // One read at start-up: the worker does not watch appsettings.json (the schedule is fixed once Quartz has it).
        initial.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
            Configuration = initial,
        });
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddInMemoryCollection(arguments.ToConfiguration());
        return builder;
    }

    /// <summary>Binds the <c>Indexer</c> section; a value that does not bind, or a blank folder, is a one-line message.</summary>
    public static bool TryReadOptions(
        IConfiguration configuration,
        [NotNullWhen(true)] out WorkerOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = null;
        WorkerOptions bound;
        try
        {
            bound = configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
        }
        catch (InvalidOperationException ex)
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BadSetting, WorkerOptions.SectionName, ex.Message);
            return false;
        }

        if (!(bound.PollSeconds is >= 1 and <= 300))
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BadPollInterval, WorkerOptions.SectionName, bound.PollSeconds);
            return false;
        }

        if (!(bound.MaxFileMegabytes >= 1) || double.IsInfinity(bound.MaxFileMegabytes) || bound.MaxFileMegabytes > 1024 * 1024)
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BadMaxFileSize, WorkerOptions.SectionName, bound.MaxFileMegabytes);
            return false;
        }

        if (bound.WeekdayYearFrom is null != bound.WeekdayYearTo is null
            || bound is { WeekdayYearFrom: { } first, WeekdayYearTo: { } last } && !Core.Metadata.MetadataFinderOptions.IsWeekdayWindow(first, last))
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BadWeekdayYears, WorkerOptions.SectionName,
                bound.WeekdayYearFrom?.ToString(CultureInfo.InvariantCulture) ?? "unset", bound.WeekdayYearTo?.ToString(CultureInfo.InvariantCulture) ?? "unset");
            return false;
        }

        if (bound.CommitEvery is < 100 or > 1_000_000)
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BadCommitEvery, WorkerOptions.SectionName, bound.CommitEvery);
            return false;
        }

        if (bound.MaxSegments is < 0 or > 1000)
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BadMaxSegments, WorkerOptions.SectionName, bound.MaxSegments);
            return false;
        }

        if (bound.Threads is < 0 or > 64)
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BadThreads, WorkerOptions.SectionName, bound.Threads);
            return false;
        }

        foreach (var (name, value) in new[] { (nameof(WorkerOptions.SourceFolder), bound.SourceFolder), (nameof(WorkerOptions.IndexFolder), bound.IndexFolder) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BlankFolder, WorkerOptions.SectionName, name);
                return false;
            }
        }

        options = bound;
        error = null;
        return true;
    }

    /// <summary>Serilog (the static <see cref="Log.Logger"/>), the options, the pipeline and the pass runner, for every mode.</summary>
    public static void AddIndexing(HostApplicationBuilder builder, WorkerOptions options, IndexTarget target, PassHistory? history)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog();
        // Under systemd (Type=notify) this reports readiness and stopping to the service manager; elsewhere it does nothing.
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMinutes(1));
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(target);
        builder.Services.AddSingleton(history ?? new PassHistory(target.DatabasePath));
        builder.Services.AddSingleton(_ => new ArticleProcessor(options.MaxFileBytes, options.Metadata));
        builder.Services.AddSingleton(services => new ArticlePipeline(
            services.GetRequiredService<ArticleProcessor>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<ArticlePipeline>>())
        {
            Parallelism = options.EffectiveThreads,
            CommitEvery = options.CommitEvery,
            MaxSegments = options.MaxSegments,
        });
        builder.Services.AddSingleton<IndexPassRunner>();
    }

    /// <summary>
    /// The scheduler, on the persistent SQLite store: <see cref="ScheduleSetup"/> installs the two cron triggers (and
    /// the start-up pass), then the Quartz hosted service starts it. Shutdown (Ctrl-C, SIGTERM) signals a running
    /// pass, which stops at the next file and commits, and waits for it.
    /// </summary>
    public static void AddScheduler(HostApplicationBuilder builder, WorkerOptions options, WorkerSchedules schedules, IndexTarget target)
    {
        builder.Services.AddSingleton(schedules);
        builder.Services.AddHostedService<ScheduleSetup>();
        builder.AddQuartz(quartz =>
        {
            SchedulerStore.Configure(quartz, target.DatabasePath, TimeSpan.FromSeconds(options.PollSeconds));
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            quartz.AddJobType<IncrementalPassJob>();
            quartz.AddJobType<RebuildJob>();
        });
        builder.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
    }
}
