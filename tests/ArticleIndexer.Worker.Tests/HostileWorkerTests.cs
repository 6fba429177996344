using System.Runtime.InteropServices;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Operations.Locking;
using ArticleIndexer.Worker.Tests.Support;
using Xunit.Abstractions;

namespace ArticleIndexer.Worker.Tests;

/// <summary>
/// Bad input and races on real worker processes: a file the worker may not read is skipped with the reason and the pass
/// goes on (when the tests run as root, who reads everything, the worker is run as <c>nobody</c> through
/// <c>setpriv</c>); two workers started at the same moment: exactly one runs, the other says why.
/// </summary>
public sealed class HostileWorkerTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>A schedule that never fires: the scheduled worker runs only its start-up pass.</summary>
    private const string Never = "0 0 0 1 1 ? 2099";

    /// <summary>The user and group the worker runs as when the tests run as root (<c>nobody</c>, <c>nogroup</c>).</summary>
    private const int Nobody = 65534;

    private readonly TempFolder temp = new();

    private string IndexRoot => temp.Combine("index");

    private string SourceFolder => temp.Combine("seeds");

    public void Dispose() => temp.Dispose();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task FileWithoutReadPermission_IsSkippedAsUnreadable_AndIndexedOnceItChanges()
    {
        Seeds.CopyTo(SourceFolder);
        var secret = Path.Combine(SourceFolder, "secret.txt");
        File.WriteAllText(secret, HostileFiles.Article("hostilesecret"));
        File.SetUnixFileMode(secret, UnixFileMode.None);
        var via = RunAsUnprivilegedUser();

        var first = await RunAsync(via, "--once");

        Assert.True(first.ExitCode == 0, $"Exit code {first.ExitCode}. stderr: {first.Stderr}");
        Assert.Contains($"{Seeds.Count + 1} files seen, {Seeds.Count} indexed", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 skipped, 0 failed", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Skipped secret.txt: Unreadable (", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("denied", first.Stderr, StringComparison.OrdinalIgnoreCase);
        var problem = Assert.Single(FileProblemsFile.Load(new IndexLayout(IndexRoot).ReadablePath!));
        Assert.Equal(("secret.txt", nameof(Core.Reading.SkipReason.Unreadable)), (problem.Path, problem.Reason));

        // Unchanged, it is not tried again; made readable and touched, it is indexed.
        var second = await RunAsync(via, "--once");
        Assert.Contains("1 unchanged problem files not retried", second.Stdout, StringComparison.Ordinal);
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetLastWriteTimeUtc(secret, DateTime.UtcNow);
        var third = await RunAsync(via, "--once");

        Assert.Contains("1 indexed (1 new, 0 changed)", third.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 skipped, 0 failed", third.Stdout, StringComparison.Ordinal);
        Assert.Empty(FileProblemsFile.Load(new IndexLayout(IndexRoot).ReadablePath!));
    }

    [Fact]
    public async Task TwoScheduledWorkersStartedTogether_ExactlyOneRuns_TheOtherSaysWhy()
    {
        Seeds.CopyTo(SourceFolder);
        string[] args = ["--source", SourceFolder, "--index", IndexRoot, "--incremental-schedule", Never, "--rebuild-schedule", Never];
        using var a = WorkerProcess.Start(temp.Path, args);
        using var b = WorkerProcess.Start(temp.Path, args);

        await a.WaitUntilAsync(() => a.HasExited || b.HasExited, "one of the two workers to give up", TimeSpan.FromSeconds(30));
        await Task.Delay(1000);

        Assert.True(a.HasExited != b.HasExited, $"a exited: {a.HasExited}, b exited: {b.HasExited}.\na: {a.Stderr}\nb: {b.Stderr}");
        var (loser, winner) = a.HasExited ? (a, b) : (b, a);
        var lost = await loser.WaitForExitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"the second worker gave up after {lost.Elapsed.TotalSeconds:0.00} s: {lost.Stderr.Trim()}");
        Assert.Equal(3, lost.ExitCode);
        Assert.Contains("error: ", lost.Stderr, StringComparison.Ordinal);
        Assert.True(
            lost.Stderr.Contains($"the index is locked by worker (pid {winner.Id} on ", StringComparison.Ordinal)
            || lost.Stderr.Contains("another process holds the index lock", StringComparison.Ordinal),
            lost.Stderr);
        Assert.DoesNotContain("   at ", lost.Stderr, StringComparison.Ordinal);
        await winner.WaitUntilAsync(() => IndexLock.ReadHolder(IndexRoot)?.ProcessId == winner.Id, "the winner to hold the lock");

        winner.Terminate();
        var stopped = await winner.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(stopped.ExitCode == 0, $"Exit code {stopped.ExitCode}. stderr: {stopped.Stderr}");
    }

    [Theory]
    [InlineData("Index check passed")]
    [InlineData("indexing ")]
    public async Task ScheduledWorkerStoppedWhileStarting_ExitsCleanly(string startedTo)
    {
        // SIGTERM while the worker checks the index (before its host listens for signals) or while the host starts
        // (installing the schedules): a clean stop, exit 0, no stack trace.
        Seeds.CopyTo(SourceFolder);
        using var worker = WorkerProcess.Start(temp.Path, "--source", SourceFolder, "--index", IndexRoot, "--incremental-schedule", Never, "--rebuild-schedule", Never);
        await worker.WaitForLogAsync(startedTo);

        worker.Terminate();
        var stopped = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(stopped.ExitCode == 0, $"Exit code {stopped.ExitCode}. stderr: {stopped.Stderr}");
        Assert.DoesNotContain("   at ", stopped.Stderr, StringComparison.Ordinal);
        Assert.Contains("stopped", stopped.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoOnceWorkersStartedTogether_OneIndexes_TheOtherExitsWithCode3()
    {
        Seeds.CopyTo(SourceFolder);
        string[] args = ["--once", "--source", SourceFolder, "--index", IndexRoot];

        var results = await Task.WhenAll(WorkerProcess.RunAsync(temp.Path, args), WorkerProcess.RunAsync(temp.Path, args));

        Assert.Equal([0, 3], results.Select(r => r.ExitCode).Order());
        Assert.Contains($"{Seeds.Count} files seen, {Seeds.Count} indexed", results.Single(r => r.ExitCode == 0).Stdout, StringComparison.Ordinal);
        var refused = results.Single(r => r.ExitCode == 3);
        Assert.Contains("lock", refused.Stderr, StringComparison.Ordinal);
        Assert.Empty(refused.Stdout);
    }

    private async Task<WorkerResult> RunAsync(IReadOnlyList<string> via, params string[] mode)
    {
        using var worker = WorkerProcess.StartVia(via, temp.Path, [.. mode, "--source", SourceFolder, "--index", IndexRoot]);
        var result = await worker.WaitForExitAsync(WorkerProcess.DefaultTimeout);
        output.WriteLine($"{(via.Count > 0 ? "as nobody: " : string.Empty)}{result.Stdout.Trim()}");
        return result;
    }

    /// <summary>
    /// Nothing when the tests do not run as root: a file without permissions cannot be read by them. As root, who reads
    /// any file, the worker runs as nobody through <c>setpriv</c> (util-linux), with the test folder open to it; when
    /// that is impossible the test fails and says so, rather than passing without having tested anything.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private string[] RunAsUnprivilegedUser()
    {
        if (!OperatingSystem.IsLinux() || GetEffectiveUserId() != 0)
        {
            return [];
        }

        var setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);
        Assert.True(setpriv is not null, "The tests run as root, who can read a file without permissions, and setpriv is not installed to run the worker as nobody.");
        File.SetUnixFileMode(temp.Path, (UnixFileMode)0b111_111_111);
        foreach (var folder in Directory.EnumerateDirectories(temp.Path, "*", SearchOption.AllDirectories).Append(Path.GetDirectoryName(temp.Path)!))
        {
            File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.OtherExecute | UnixFileMode.OtherRead);
        }

        output.WriteLine("running as root: the worker runs as nobody (setpriv) so that a file without permissions is unreadable to it");
        return [setpriv, $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--"];
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
}
