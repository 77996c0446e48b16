using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace MelanomaExp.Sweeps;

/// <summary>
/// Runs a sweep's runs here as separate <c>melanoma-exp run</c> processes, <c>jobs</c> at once, the cores
/// shared between them (torch threads per run = cores / jobs, through OMP_NUM_THREADS). Each run's output
/// goes to its log; one line per start and end shows the whole sweep's progress.
/// </summary>
internal sealed class LocalBackend : ISweepBackend
{
    private const string JobsOption = "--jobs";
    private const int DefaultJobs = 1;

    public string Name => "local";

    public string Summary => "processes here";

    public IReadOnlyList<SweepOption> Options { get; } =
        [SweepOption.Whole(JobsOption, "runs at once (each gets cores / jobs torch threads)", 1, int.MaxValue, DefaultJobs)];

    public bool CollectsAtEnd => true;

    /// <summary>Nothing: the runs' own start and exit records say what runs here.</summary>
    public IReadOnlyDictionary<string, QueueState> Queue(string dir, SweepPlan plan) => new Dictionary<string, QueueState>();

    public void DryRun(SweepRequest request, IReadOnlyList<SweepRunState> todo, Action<string> log)
    {
        var jobs = Jobs(request);
        log($"dry run, nothing started: {todo.Count} runs would run here, {jobs} at a time, {Threads(jobs)} torch thread{(Threads(jobs) == 1 ? "" : "s")} each");
    }

    public int Launch(SweepRequest request, IReadOnlyList<SweepRunState> todo, Action<string> log, CancellationToken cancel)
    {
        try
        {
            return Run(request.Dir, request.Plan, todo.Select(s => s.Row).ToList(), Jobs(request), request.Command, log, cancel);
        }
        finally
        {
            // Also after a failure or Ctrl+C: the runs that did start left folders and logs.
            SweepFolder.Remark(request.Dir);
        }
    }

    public static int Threads(int jobs) => Math.Max(1, Environment.ProcessorCount / jobs);

    private static int Jobs(SweepRequest request) => request.Options.Whole(JobsOption) ?? DefaultJobs;

    /// <summary>Runs <paramref name="rows"/>; returns how many failed. Cancelling kills the running ones (their checkpoints stay).</summary>
    public static int Run(string dir, SweepPlan plan, IReadOnlyList<SweepRow> rows, int jobs, IReadOnlyList<string> command, Action<string> log, CancellationToken cancel)
    {
        Directory.CreateDirectory(Path.Combine(dir, SweepPlan.LogsFolder));
        var threads = Threads(jobs);
        var (done, failed, running) = (0, 0, 0);
        var gate = new object();
        void Line(string text)
        {
            lock (gate)
            {
                log(string.Create(CultureInfo.InvariantCulture, $"[{done + failed}/{rows.Count} finished, {running} running, {failed} failed] {text}"));
            }
        }
        log($"{rows.Count} runs, {Math.Min(jobs, rows.Count)} at a time, {threads} torch thread{(threads == 1 ? "" : "s")} each; logs in {Path.Combine(dir, SweepPlan.LogsFolder)}");
        try
        {
            // Without buffering each free slot takes the next row in plan order; the default range
            // partitioning would start rows 1 and 3 of four side by side and leave row 2 for last.
            Parallel.ForEach(Partitioner.Create(rows, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancel }, row =>
            {
                lock (gate)
                {
                    running++;
                }
                Line($"{row.Id}: started");
                var watch = Stopwatch.StartNew();
                var code = RunOne(dir, plan, row, threads, command, cancel);
                lock (gate)
                {
                    running--;
                    if (code == 0)
                    {
                        done++;
                    }
                    else
                    {
                        failed++;
                    }
                }
                Line(string.Create(CultureInfo.InvariantCulture, $"{row.Id}: {(code == 0 ? "done" : $"FAILED (exit code {code}, see {SweepPlan.LogFile(dir, row.Id)})")} in {watch.Elapsed.TotalSeconds:0}s"));
            });
        }
        catch (OperationCanceledException)
        {
            log("stopped: runs in progress keep their last checkpoint; the same sweep command continues them");
            throw;
        }
        return failed;
    }

    private static int RunOne(string dir, SweepPlan plan, SweepRow row, int threads, IReadOnlyList<string> command, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in command.Skip(1).Concat(plan.RunArguments(dir, row)))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["OMP_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        // A killed sweep must not leave its runs training on unseen.
        start.Environment[Native.LauncherDeath.WatchVariable] = "1";
        start.Environment["MKL_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        File.Delete(SweepPlan.ExitFile(dir, row.Id));
        using var logFile = new StreamWriter(SweepPlan.LogFile(dir, row.Id), append: true) { AutoFlush = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
        File.WriteAllText(SweepPlan.StartFile(dir, row.Id), $"{process.Id} {Environment.MachineName}\n");
        var gate = new object();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    logFile.WriteLine(line);
                }
            }
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancel.Register(() => process.Kill(entireProcessTree: true)))
        {
            process.WaitForExit();
        }
        cancel.ThrowIfCancellationRequested();
        var exit = SweepPlan.ExitFile(dir, row.Id);
        File.WriteAllText(exit + ".tmp", $"{process.ExitCode} {Environment.MachineName}\n");
        File.Move(exit + ".tmp", exit, overwrite: true);
        return process.ExitCode;
    }
}
