using System.Globalization;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Locking;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Operations.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ArticleIndexer.Worker.Tests.Support;

/// <summary>
/// The scheduled worker in this process, built the way <c>Program</c> builds it (the <see cref="WorkerHost"/> calls,
/// the index lock held for the host's life, interrupted passes marked) and started with <see cref="IHost.StartAsync"/>
/// instead of run until Ctrl-C. Every host that starts Quartz belongs to the <see cref="QuartzHosts"/> collection.
/// </summary>
internal sealed class WorkerHostRunner : IAsyncDisposable
{
    private readonly IHost host;
    private readonly IndexLock indexLock;
    private bool stopped;

    private WorkerHostRunner(IHost host, IndexLock indexLock, IndexTarget target, PassHistory history, IScheduler scheduler)
    {
        this.host = host;
        this.indexLock = indexLock;
        Target = target;
        History = history;
        Scheduler = scheduler;
    }

    public IndexTarget Target { get; }

    public PassHistory History { get; }

    /// <summary>The host's scheduler, as its <see cref="ISchedulerFactory"/> gives it.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>
    /// Starts a worker on <paramref name="temp"/>'s <c>seeds</c> and <c>index</c> folders. <paramref name="flags"/> are
    /// worker flags (<c>--incremental-schedule</c>, ...); <paramref name="settings"/> are <c>Indexer</c> settings
    /// without a flag (<c>PollSeconds</c>, <c>RunOnStart</c>), as appsettings.json would give them.
    /// </summary>
    public static async Task<WorkerHostRunner> StartAsync(TempFolder temp, string[]? flags = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        string[] args = ["--source", temp.Combine("seeds"), "--index", temp.Combine("index"), .. flags ?? []];
        Assert.True(WorkerArguments.TryParse(args, out var arguments, out var argumentError), argumentError);

        // The temp folder as content root: no appsettings.json there, so only the flags and the settings below count.
        var builder = WorkerHost.CreateBuilder(arguments, temp.Path);
        builder.Configuration.AddInMemoryCollection(
            (settings ?? new Dictionary<string, string>()).Select(s => new KeyValuePair<string, string?>($"{WorkerOptions.SectionName}:{s.Key}", s.Value)));
        Assert.True(WorkerHost.TryReadOptions(builder.Configuration, out var options, out var optionsError), optionsError);
        Assert.True(WorkerSchedule.TryCreate(options, TimeProvider.System, out var schedules, out var scheduleError), scheduleError);

        var target = IndexTarget.Resolve(options.SourceFolder, options.IndexFolder, options.Database);
        Assert.True(IndexLock.TryAcquire(target.IndexRoot, IndexLock.ScheduledWorker, out var indexLock, out var holder), $"The index is locked by {holder}");
        IHost? host = null;
        try
        {
            var history = new PassHistory(target.DatabasePath);
            history.MarkInterrupted();
            WorkerHost.AddIndexing(builder, options, target, history);
            WorkerHost.AddScheduler(builder, options, schedules, target);
            host = builder.Build();
            await host.StartAsync();
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            // The Quartz hosted service waits for ApplicationStarted (AwaitApplicationStarted, on by default), so the
            // scheduler starts just after StartAsync returns.
            await EventuallyAsync(() => scheduler.Status == SchedulerStatus.Running ? scheduler : null, TimeSpan.FromSeconds(10), "the scheduler to start", () => $"It is {scheduler.Status}.");
            return new WorkerHostRunner(host, indexLock, target, history, scheduler);
        }
        catch
        {
            if (host is not null)
            {
                await host.StopAsync();
                host.Dispose();
            }

            indexLock.Dispose();
            throw;
        }
    }

    /// <summary>The stored trigger <paramref name="key"/>; fails when there is none.</summary>
    public async Task<ITrigger> TriggerAsync(TriggerKey key) =>
        await Scheduler.GetTrigger(key) ?? throw new Xunit.Sdk.XunitException($"No trigger {key} in the store.");

    /// <summary>Stops the host (waiting for a running pass, as Ctrl-C does), disposes it and releases the index lock.</summary>
    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        try
        {
            await host.StopAsync();
        }
        finally
        {
            host.Dispose();
            indexLock.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// Waits until <paramref name="probe"/> returns a value, polling every 50 ms; fails after <paramref name="timeout"/>
    /// with <paramref name="what"/> and <paramref name="state"/>'s description of what there was instead.
    /// </summary>
    public static async Task<T> EventuallyAsync<T>(Func<T?> probe, TimeSpan timeout, string what, Func<string>? state = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Waited {timeout.TotalSeconds:0.#} s for {what}. {state?.Invoke()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Every pass in <paramref name="history"/>, oldest first, one line each, for failure messages.</summary>
    public static string Describe(PassHistory history) =>
        "History: " + string.Join("; ", history.Recent(PassHistory.Kept).Reverse().Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"#{p.Id} {p.Kind} ({p.TriggeredBy}) {p.Status} {p.Generation} at {p.Started:HH:mm:ss.fff}")));

    /// <summary>
    /// Writes <paramref name="nextFireUtc"/> as the stored next fire time of <paramref name="trigger"/>, straight into
    /// <c>QRTZ_TRIGGERS</c> of a store no scheduler runs on: a firing missed while the worker was down.
    /// </summary>
    public static void SetNextFireTime(string databasePath, TriggerKey trigger, DateTimeOffset nextFireUtc)
    {
        using var connection = Open(databasePath, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $next WHERE SCHED_NAME = $scheduler AND TRIGGER_NAME = $name AND TRIGGER_GROUP = $group";
        command.Parameters.AddWithValue("$next", nextFireUtc.UtcTicks);
        command.Parameters.AddWithValue("$scheduler", SchedulerStore.SchedulerName);
        command.Parameters.AddWithValue("$name", trigger.Name);
        command.Parameters.AddWithValue("$group", trigger.Group);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    /// <summary>The tables of the SQLite file at <paramref name="databasePath"/>.</summary>
    public static IReadOnlyList<string> Tables(string databasePath)
    {
        using var connection = Open(databasePath, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    // Unpooled, as the worker opens it, so the file is closed again when the test is done with it.
    private static SqliteConnection Open(string databasePath, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}

/// <summary>
/// Every test class that starts a Quartz host. Quartz 4.7.3 keeps schedulers per host (in its service container), so
/// nothing in Quartz stops two hosts of one process from running at once; these tests run one at a time, after the
/// parallel ones, so that a store is never shared by two running schedulers and poll and misfire timings are not
/// stretched by other hosts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QuartzHosts
{
    public const string Name = "Quartz hosts";
}
