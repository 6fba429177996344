using System.Runtime.InteropServices;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Locking;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Operations.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace ArticleIndexer.Worker;

/// <summary>
/// The worker's entry point. <c>--once</c> runs one incremental pass and <c>--rebuild</c> one full rebuild, printing
/// the outcome on stdout; without them the Quartz scheduler runs both on their schedules until Ctrl-C or SIGTERM.
/// Every mode first takes the index lock (one writing process per index) and, unless rebuilding, checks the index.
/// See <see cref="ExitCodes"/>.
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

        // SIGTERM or Ctrl-C before the host listens for them (while the lock is taken and the index checked) would kill
        // the process outright (exit 143); taken here, they stop it the way they stop it later: cleanly, exit 0.
        using var stopRequested = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Stop(signal, stopRequested));
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Stop(signal, stopRequested));

        Log.Logger = WorkerLogging.CreateBootstrapLogger();
        try
        {
            var builder = WorkerHost.CreateBuilder(arguments);
            if (!WorkerHost.TryReadOptions(builder.Configuration, out var options, out var optionsError))
            {
                await Console.Error.WriteLineAsync(WorkerMessages.Error(optionsError));
                return ExitCodes.Usage;
            }

            var scheduled = !arguments.Once && !arguments.Rebuild;
            WorkerSchedules? schedules = null;
            if (scheduled && !WorkerSchedule.TryCreate(options, TimeProvider.System, out schedules, out var scheduleError))
            {
                await Console.Error.WriteLineAsync(WorkerMessages.Error(scheduleError));
                return ExitCodes.Usage;
            }

            var bootstrap = (IDisposable)Log.Logger;
            Log.Logger = WorkerLogging.CreateLogger(builder.Configuration);
            bootstrap.Dispose();

            var target = IndexTarget.Resolve(options.SourceFolder, options.IndexFolder, options.Database);
            var owner = arguments.Once ? "worker --once" : arguments.Rebuild ? "worker --rebuild" : IndexLock.ScheduledWorker;
            IndexLock? indexLock;
            LockHolder? holder;
            try
            {
                IndexLock.TryAcquire(target.IndexRoot, owner, out indexLock, out holder, target.DatabasePath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var message = $"the index folder '{target.IndexRoot}' cannot be created or locked: {ex.Message}";
                Log.Error("Not started: {Reason}", message);
                await Console.Error.WriteLineAsync(WorkerMessages.Error(message));
                return ExitCodes.Failed;
            }

            if (indexLock is null)
            {
                var message = IndexLock.LockedMessage(target.IndexRoot, holder);
                Log.Error("Not started: {Reason}", message);
                await Console.Error.WriteLineAsync(WorkerMessages.Error(message));
                return ExitCodes.Locked;
            }

            using (indexLock)
            {
                var history = OpenHistory(target, required: scheduled);
                if (scheduled && history is null)
                {
                    await Console.Error.WriteLineAsync(WorkerMessages.Error($"the worker database '{target.DatabasePath}' cannot be used; see the log. Move it aside and start again: schedules are re-created from the settings"));
                    return ExitCodes.Failed;
                }

                if (!arguments.Rebuild)
                {
                    var layout = new IndexLayout(target.IndexRoot);
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    if (IndexHealth.CheckQuickly(layout) is { } damage)
                    {
                        Log.Error("Refusing to write: {Reason}", damage);
                        await Console.Error.WriteLineAsync(WorkerMessages.Error(damage));
                        return ExitCodes.Damaged;
                    }

                    Log.Information("Index check passed for {Generation} in {ElapsedMs} ms", layout.CurrentGeneration ?? "(no index yet)", clock.ElapsedMilliseconds);
                }

                WorkerHost.AddIndexing(builder, options, target, history);
                return scheduled
                    ? await RunScheduledAsync(builder, options, schedules!, target, stopRequested.Token)
                    : await RunOnceAsync(builder, arguments.Rebuild ? PassKind.Rebuild : PassKind.Incremental, history, stopRequested.Token);
            }
        }
        catch (Exception ex)
        {
            Log.Fatal(ex, "The worker stopped on an unexpected error");
            await Console.Error.WriteLineAsync(WorkerMessages.Error($"the worker stopped on an unexpected error: {ex.Message} (details in the log)"));
            return ExitCodes.Failed;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>
    /// The pass history, after marking the passes a killed process left running as interrupted (this process holds the
    /// lock, so none of them runs). Null, with a logged reason, when the database cannot be used.
    /// </summary>
    private static PassHistory? OpenHistory(IndexTarget target, bool required)
    {
        var history = new PassHistory(target.DatabasePath);
        try
        {
            var interrupted = history.MarkInterrupted();
            if (interrupted > 0)
            {
                Log.Warning("{InterruptedCount} pass(es) were cut short by a process that died; the next pass carries on from their last commit", interrupted);
            }

            return history;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            if (required)
            {
                Log.Error("The worker database {DatabasePath} cannot be used: {Reason}", target.DatabasePath, ex.Message);
            }
            else
            {
                Log.Warning("The worker database {DatabasePath} cannot be used ({Reason}); this pass runs without recording its history", target.DatabasePath, ex.Message);
            }

            return null;
        }
    }

    /// <summary>One pass, no scheduler. The host is started only for its console lifetime: Ctrl-C and SIGTERM signal
    /// <see cref="IHostApplicationLifetime.ApplicationStopping"/>, which the pass watches.</summary>
    // The host's own handlers take over once it runs; this one only records the request.
    private static void Stop(PosixSignalContext signal, CancellationTokenSource stopRequested)
    {
        signal.Cancel = true;
        stopRequested.Cancel();
    }

    private static async Task<int> RunOnceAsync(HostApplicationBuilder builder, PassKind kind, PassHistory? history, CancellationToken stopRequested)
    {
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        using var host = builder.Build();
        await host.StartAsync();
        PassOutcome outcome;
        try
        {
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
                host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping, stopRequested);
            var target = host.Services.GetRequiredService<IndexTarget>();
            var triggeredBy = kind == PassKind.Rebuild ? "--rebuild" : "--once";
            outcome = host.Services.GetRequiredService<IndexPassRunner>().Run(kind, target, triggeredBy, history, stopping.Token);
        }
        finally
        {
            await host.StopAsync();
        }

        if (outcome.Status == PassStatus.Failed)
        {
            await Console.Error.WriteLineAsync(WorkerMessages.Error(outcome.Summary.Error ?? "the pass failed"));
            return ExitCodes.Failed;
        }

        // Stopped early by Ctrl-C is still a success: what the pass did is committed, the rest waits for the next one.
        await Console.Out.WriteLineAsync(outcome.ToString());
        return ExitCodes.Success;
    }

    /// <summary>The Quartz scheduler, until Ctrl-C or SIGTERM; shutting down waits for a running pass.</summary>
    private static async Task<int> RunScheduledAsync(
        HostApplicationBuilder builder, WorkerOptions options, WorkerSchedules schedules, IndexTarget target, CancellationToken stopRequested)
    {
        WorkerHost.AddScheduler(builder, options, schedules, target);
        using var host = builder.Build();
        Log.Information(
            "Worker {ProcessId} indexing {SourceFolder} into {IndexRoot}: incremental passes on {IncrementalSchedule}, rebuilds on {RebuildSchedule} ({TimeZone}); store {DatabasePath}",
            Environment.ProcessId, target.SourceFolder, target.IndexRoot, options.IncrementalSchedule, options.RebuildSchedule, schedules.TimeZone.Id, target.DatabasePath);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await host.RunAsync(stopRequested);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested || stopRequested.IsCancellationRequested)
        {
            // Stopped (SIGTERM, Ctrl-C) while still starting: the host gives up its start and stops, as asked.
            Log.Information("Worker {ProcessId} was stopped while starting", Environment.ProcessId);
        }

        Log.Information("Worker {ProcessId} stopped", Environment.ProcessId);
        return ExitCodes.Success;
    }
}
