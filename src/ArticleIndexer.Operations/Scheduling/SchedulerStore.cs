using ArticleIndexer.Operations.History;
using Microsoft.Data.Sqlite;
using Quartz;

namespace ArticleIndexer.Operations.Scheduling;

/// <summary>
/// The Quartz persistent job store the worker and the CLI share: the tables live in the worker's SQLite file (beside
/// the pass history), Quartz creates them on first start (<c>ProvisionSchema</c>), and both processes name the same
/// scheduler, jobs and triggers. The worker runs the scheduler; <c>articles schedule</c> and <c>articles reindex</c>
/// build one that is never started, which only reads and writes rows.
/// </summary>
public static class SchedulerStore
{
    /// <summary>The scheduler's name in the store (its rows' <c>SCHED_NAME</c>).</summary>
    public const string SchedulerName = "ArticleIndexer";

    /// <summary>The group of the jobs and triggers.</summary>
    public const string Group = "indexing";

    /// <summary>The incremental pass job.</summary>
    public static readonly JobKey IncrementalJob = new("incremental", Group);

    /// <summary>The full rebuild job.</summary>
    public static readonly JobKey RebuildJob = new("rebuild", Group);

    /// <summary>The incremental pass's cron trigger.</summary>
    public static readonly TriggerKey IncrementalTrigger = new("incremental-schedule", Group);

    /// <summary>The rebuild's cron trigger.</summary>
    public static readonly TriggerKey RebuildTrigger = new("rebuild-schedule", Group);

    /// <summary>The one-off trigger of the pass at start-up.</summary>
    public static readonly TriggerKey StartupTrigger = new("start-up", Group);

    /// <summary>The job data key naming who asked for a pass (<c>articles reindex</c>).</summary>
    public const string RequestedBy = "requested-by";

    /// <summary>The job data key that makes an incremental pass retry every problem file (<c>articles reindex --failed</c>): "true".</summary>
    public const string RetryFailed = "retry-failed";

    /// <summary>
    /// How late a cron firing may be before Quartz counts it as missed and applies the misfire policy (both cron
    /// triggers: fire once now, then keep to the schedule).
    /// </summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Points <paramref name="quartz"/> at the store in <paramref name="databasePath"/>. <paramref name="pollInterval"/>
    /// is how often an idle scheduler looks for triggers written by another process (a request from
    /// <c>articles reindex</c> starts within that time).
    /// </summary>
    /// <remarks>With <paramref name="provisionSchema"/> (the worker), Quartz creates its tables when they are missing;
    /// clients only read and write rows, so they never create a schema in a file that has none.</remarks>
    public static void Configure(IQuartzBuilder quartz, string databasePath, TimeSpan pollInterval, TimeSpan? misfireThreshold = null, bool provisionSchema = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = SchedulerName;
            scheduler.IdleWaitTime = pollInterval;
        });
        quartz.UsePersistentStore(store =>
        {
            store.UseSqlite(SqliteFactory.Instance, PassHistory.ConnectionString(databasePath));
            if (provisionSchema)
            {
                store.ProvisionSchema();
            }
            store.UseSystemTextJsonSerializer(_ => { });
            store.ConfigureStore(options => options.MisfireThreshold = misfireThreshold ?? MisfireThreshold);
        });
    }

    /// <summary>
    /// A scheduler on the store in <paramref name="databasePath"/> that is never started: it reads triggers and writes
    /// requests for the worker to pick up. Null when the file does not exist (no worker has run on this index).
    /// </summary>
    public static async Task<IScheduler?> OpenClientAsync(string databasePath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        return await QuartzSchedulerBuilder
            .Create(quartz =>
            {
                Configure(quartz, databasePath, TimeSpan.FromSeconds(30), provisionSchema: false);
                // The client shares the worker's scheduler name but must not share its instance id, which Quartz uses
                // to recover the worker's own firings.
                quartz.ConfigureScheduler(scheduler => scheduler.InstanceId = $"articles-{Environment.ProcessId}");
            })
            .BuildScheduler(cancellationToken);
    }
}
