using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ArticleIndexer.Worker.Tests.Support;

/// <summary>What a worker process that ran to its end left behind.</summary>
internal sealed record WorkerResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

/// <summary>
/// A real worker process (<c>dotnet ArticleIndexer.Worker.dll ARGS</c>) started in a given working directory (so its
/// <c>logs/</c> lands there), with every <c>ARTICLEINDEXER_</c> variable removed so only the flags count. Its stdout and
/// stderr are read as they come; it can be killed (SIGKILL) or asked to stop (SIGTERM). Dispose kills it if it still
/// runs, so a failing test never leaves a process behind.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>How long a worker that should exit by itself is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    private const int SigTerm = 15;

    private static readonly Lazy<string> WorkerPath = new(FindWorker);

    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly Task readers;
    private readonly Stopwatch clock;

    private WorkerProcess(Process process, Stopwatch clock)
    {
        this.process = process;
        this.clock = clock;
        readers = Task.WhenAll(Pump(process.StandardOutput, stdout), Pump(process.StandardError, stderr));
    }

    /// <summary>The process id, which is the worker's own (<c>dotnet x.dll</c> runs the app in the host process).</summary>
    public int Id => process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Time since the process was started.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Everything read from stdout so far.</summary>
    public string Stdout
    {
        get
        {
            lock (stdout)
            {
                return stdout.ToString();
            }
        }
    }

    /// <summary>Everything read from stderr (the console log) so far.</summary>
    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>Starts the worker with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static WorkerProcess Start(string workingDirectory, params string[] args) => StartVia([], workingDirectory, args);

    /// <summary>
    /// Starts the worker through <paramref name="via"/> (a command that runs the rest of its arguments, such as
    /// <c>setpriv --reuid=65534 ...</c>), with <c>HOME</c> set to <paramref name="workingDirectory"/>.
    /// </summary>
    public static WorkerProcess StartVia(IReadOnlyList<string> via, string workingDirectory, params string[] args) =>
        StartVia(via, new Dictionary<string, string>(), workingDirectory, args);

    /// <summary>Starts the worker with <paramref name="args"/> and these <paramref name="environment"/> variables (the
    /// caller's own <c>ARTICLEINDEXER_</c> variables are removed first).</summary>
    public static WorkerProcess StartWith(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args) =>
        StartVia([], environment, workingDirectory, args);

    private static WorkerProcess StartVia(IReadOnlyList<string> via, IReadOnlyDictionary<string, string> environment, string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(via.Count > 0 ? via[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in via.Skip(1).Concat(via.Count > 0 ? ["dotnet"] : []).Concat(args.Prepend(WorkerPath.Value)))
        {
            start.ArgumentList.Add(arg);
        }

        if (via.Count > 0)
        {
            start.Environment["HOME"] = workingDirectory;
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ARTICLEINDEXER_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), clock);
    }

    /// <summary>Starts the worker and waits for it to exit by itself (within <see cref="DefaultTimeout"/>).</summary>
    public static async Task<WorkerResult> RunAsync(string workingDirectory, params string[] args)
    {
        using var worker = Start(workingDirectory, args);
        return await worker.WaitForExitAsync(DefaultTimeout);
    }

    /// <summary>
    /// Waits for the process to exit and for its output to be read; on timeout kills it and fails the test with what
    /// it wrote on stderr.
    /// </summary>
    public async Task<WorkerResult> WaitForExitAsync(TimeSpan timeout)
    {
        using (var cancel = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
                Assert.Fail($"The worker (pid {Id}) did not exit within {timeout}.\nstdout: {Stdout}\nstderr: {Stderr}");
            }
        }

        var elapsed = clock.Elapsed;
        await readers.WaitAsync(TimeSpan.FromSeconds(10));
        return new WorkerResult(process.ExitCode, Stdout, Stderr, elapsed);
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, checking every 50 ms; fails the test, with the worker's output,
    /// when the worker exits first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (process.HasExited)
            {
                await readers.WaitAsync(TimeSpan.FromSeconds(10));
                if (condition())
                {
                    return;
                }

                Assert.Fail($"The worker (pid {Id}) exited with {process.ExitCode} before {what}.\nstdout: {Stdout}\nstderr: {Stderr}");
            }

            if (waited.Elapsed > limit)
            {
                Assert.Fail($"Waited {limit} for {what}.\nstdout: {Stdout}\nstderr: {Stderr}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until stderr (the console log) contains <paramref name="text"/>.</summary>
    public Task WaitForLogAsync(string text, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => Stderr.Contains(text, StringComparison.Ordinal), $"the log line \"{text}\"", timeout);

    /// <summary>
    /// kill -9: <see cref="Process.Kill()"/> sends SIGKILL on Unix. Returns whether the process was still running, that
    /// is whether the kill cut something short; waits until it is gone.
    /// </summary>
    public bool Kill()
    {
        var wasRunning = !process.HasExited;
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        process.WaitForExit();
        return wasRunning;
    }

    /// <summary>Sends SIGTERM, as systemd and <c>kill</c> do: the worker should stop its pass, commit and exit 0.</summary>
    public void Terminate()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("SIGTERM is a Unix signal.");
        }

        if (SendSignal(process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Kills the process if it still runs (a failed test must not leave a worker behind).</summary>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }

    // DllImport rather than LibraryImport: the generated stub needs AllowUnsafeBlocks, which this project need not allow.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>The worker's own build output first, then the copy next to this assembly.</summary>
    private static string FindWorker()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var candidates = new[]
        {
            Path.Combine(Seeds.RepositoryRoot, "src", "ArticleIndexer.Worker", "bin", configuration, "net10.0", "ArticleIndexer.Worker.dll"),
            Path.Combine(AppContext.BaseDirectory, "ArticleIndexer.Worker.dll"),
        };
        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
               ?? throw new FileNotFoundException("ArticleIndexer.Worker.dll is not built: " + string.Join(", ", candidates));
    }
}
