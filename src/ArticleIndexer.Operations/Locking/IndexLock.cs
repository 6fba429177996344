using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace ArticleIndexer.Operations.Locking;

/// <summary>Who holds an index's lock, as its holder wrote it down.</summary>
/// <param name="ProcessId">The holder's process id.</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Owner">What it is: <c>worker</c>, <c>worker --once</c>, <c>articles reindex</c>, ...</param>
/// <param name="Since">When it took the lock.</param>
/// <param name="Database">The worker database (Quartz store and pass history) it uses, when it has one.</param>
public sealed record LockHolder(int ProcessId, string Host, string Owner, DateTimeOffset Since, string? Database = null)
{
    /// <summary>True when the holder is a scheduled worker, which can take pass requests through the Quartz store.</summary>
    public bool IsScheduledWorker => Owner == IndexLock.ScheduledWorker;

    /// <summary>"worker (pid 1234 on host, since 2026-11-23 10:00:00Z)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Owner} (pid {ProcessId} on {Host}, since {Since.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)");
}

/// <summary>
/// The lock that keeps an index root to one writing process: a scheduled worker holds it for its whole life,
/// <c>--once</c>, <c>--rebuild</c> and <c>articles reindex</c> for their pass. It is an exclusive OS lock on
/// <c>indexer.lock</c> (an exclusive <c>flock</c> on Unix, a sharing lock on Windows), so the kernel drops it when the
/// process dies: a lock left by a killed process never blocks the next start. Beside it, <c>indexer.lock.json</c>
/// says who holds it, for messages and <c>articles status</c>; readers never take the lock.
/// </summary>
public sealed class IndexLock : IDisposable
{
    /// <summary>The lock file in the index root.</summary>
    public const string FileName = "indexer.lock";

    /// <summary>The file beside it that names the holder.</summary>
    public const string HolderFileName = "indexer.lock.json";

    /// <summary>The <see cref="LockHolder.Owner"/> of a scheduled worker.</summary>
    public const string ScheduledWorker = "worker";

    private readonly FileStream stream;
    private readonly string holderPath;

    private IndexLock(FileStream stream, string holderPath, LockHolder holder)
    {
        this.stream = stream;
        this.holderPath = holderPath;
        Holder = holder;
    }

    /// <summary>This process, as the holder.</summary>
    public LockHolder Holder { get; }

    /// <summary>The lock file of the index root <paramref name="indexRoot"/>.</summary>
    public static string PathIn(string indexRoot) => Path.Combine(Path.GetFullPath(indexRoot), FileName);

    /// <summary>
    /// Takes the lock of <paramref name="indexRoot"/> (creating the folder) for <paramref name="owner"/>, or says who
    /// holds it. False with a null <paramref name="holder"/> means the holder is unknown (it has not written its
    /// name yet). Throws <see cref="UnauthorizedAccessException"/> or <see cref="IOException"/> when the lock or
    /// holder file cannot be written at all (permissions), which is not "held by another". <paramref name="database"/> is written down with the holder, so that a client finds the store of a
    /// worker started with a non-default one.
    /// </summary>
    public static bool TryAcquire(string indexRoot, string owner, [NotNullWhen(true)] out IndexLock? indexLock, out LockHolder? holder, string? database = null)
    {
        var root = Path.GetFullPath(indexRoot);
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            indexLock = null;
            holder = ReadHolder(root);
            return false;
        }

        try
        {
            var me = new LockHolder(Environment.ProcessId, Environment.MachineName, owner, DateTimeOffset.UtcNow, database is null ? null : Path.GetFullPath(database));
            var holderPath = Path.Combine(root, HolderFileName);
            File.WriteAllText(holderPath, JsonSerializer.Serialize(me));
            indexLock = new IndexLock(stream, holderPath, me);
            holder = null;
            return true;
        }
        catch
        {
            // Never keep the lock without a holder file: the next process could not say who holds it.
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Who holds the lock of <paramref name="indexRoot"/>, without touching the lock: the holder file, when the
    /// process it names still runs on this machine. Null when nobody does.
    /// </summary>
    public static LockHolder? ReadHolder(string indexRoot)
    {
        LockHolder? holder;
        try
        {
            holder = JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(Path.Combine(Path.GetFullPath(indexRoot), HolderFileName)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }

        return holder is not null && IsAlive(holder) ? holder : null;
    }

    /// <summary>The message for a process that could not take the lock.</summary>
    public static string LockedMessage(string indexRoot, LockHolder? holder) =>
        holder is null
            ? $"another process holds the index lock {PathIn(indexRoot)}; try again when it has finished"
            : $"the index is locked by {holder}: {PathIn(indexRoot)}. Only one process writes an index; stop that one or wait for it";

    /// <summary>Releases the lock and forgets the holder.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(holderPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stale holder file is harmless: ReadHolder checks that its process still runs.
        }

        stream.Dispose();
    }

    private static bool IsAlive(LockHolder holder)
    {
        if (!string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(holder.ProcessId);
            // A process started after the holder took the lock reuses a dead holder's id.
            return !process.HasExited && process.StartTime.ToUniversalTime() <= holder.Since.UtcDateTime.AddSeconds(1);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }
}
