using ArticleIndexer.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace ArticleIndexer.Worker;

/// <summary>
/// The worker's entry point. <c>--once</c> runs one pass and prints its summary on stdout; without it the Quartz
/// scheduler runs passes on <see cref="WorkerOptions.Schedule"/> until Ctrl-C or SIGTERM. See <see cref="ExitCodes"/>.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (!WorkerArguments.TryParse(args, out var arguments, out var argumentError))
        {
            await Console.Error.WriteLineAsync(WorkerMessages.Error(argumentError));
            await Console.Error.WriteAsync(WorkerArguments.Usage);
            return ExitCodes.Usage;
        }

        if (arguments.Help)
        {
            await Console.Out.WriteAsync(WorkerArguments.Usage);
            return ExitCodes.Success;
        }

        Log.Logger = WorkerLogging.CreateBootstrapLogger();
        try
        {
            var builder = WorkerHost.CreateBuilder(arguments);
            if (!WorkerHost.TryReadOptions(builder.Configuration, out var options, out var optionsError))
            {
                await Console.Error.WriteLineAsync(WorkerMessages.Error(optionsError));
                return ExitCodes.Usage;
            }

            WorkerSchedule? schedule = null;
            if (!arguments.Once && !WorkerSchedule.TryCreate(options, TimeProvider.System, out schedule, out var scheduleError))
            {
                await Console.Error.WriteLineAsync(WorkerMessages.Error(scheduleError));
                return ExitCodes.Usage;
            }

            var bootstrap = (IDisposable)Log.Logger;
            Log.Logger = WorkerLogging.CreateLogger(builder.Configuration);
            bootstrap.Dispose();

            WorkerHost.AddIndexing(builder, options);
            return schedule is null ? await RunOnceAsync(builder) : await RunScheduledAsync(builder, options, schedule);
        }
        catch (Exception ex)
        {
            Log.Fatal(ex, "The worker stopped on an unexpected error");
            return ExitCodes.Failed;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>One pass, no scheduler. The host is started only for its console lifetime: Ctrl-C and SIGTERM signal
    /// <see cref="IHostApplicationLifetime.ApplicationStopping"/>, which the pass watches.</summary>
    private static async Task<int> RunOnceAsync(HostApplicationBuilder builder)
    {
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        using var host = builder.Build();
        await host.StartAsync();
        PassSummary summary;
        try
        {
            var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            summary = host.Services.GetRequiredService<IndexingJob>().RunPass(stopping);
        }
        finally
        {
            await host.StopAsync();
        }

        if (summary.Error is not null)
        {
            await Console.Error.WriteLineAsync(WorkerMessages.Error(summary.Error));
            return ExitCodes.Failed;
        }

        // Stopped early by Ctrl-C is still a success: what the pass did is committed, the rest waits for the next one.
        await Console.Out.WriteLineAsync(summary.ToString());
        return ExitCodes.Success;
    }

    /// <summary>The Quartz scheduler, until Ctrl-C or SIGTERM; shutting down waits for a running pass.</summary>
    private static async Task<int> RunScheduledAsync(HostApplicationBuilder builder, WorkerOptions options, WorkerSchedule schedule)
    {
        WorkerHost.AddScheduler(builder, options, schedule);
        using var host = builder.Build();
        Log.Information(
            "Indexing {SourceFolder} into {IndexFolder} on {Schedule} ({TimeZone}); first scheduled pass at {NextPass:yyyy-MM-dd HH:mm:ss zzz}, one at start-up: {RunOnStart}",
            Path.GetFullPath(options.SourceFolder), Path.GetFullPath(options.IndexFolder), options.Schedule, schedule.TimeZone.Id,
            schedule.NextAfter(TimeProvider.System.GetUtcNow()), options.RunOnStart);
        await host.RunAsync();
        return ExitCodes.Success;
    }
}
