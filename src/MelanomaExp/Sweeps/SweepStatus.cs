using System.Globalization;
using MelanomaExp.Provenance;
using MelanomaExp.Results;
using MelanomaExp.Running;

namespace MelanomaExp.Sweeps;

/// <summary>
/// Reads each run's own state: its report (done when complete and made from the planned experiment by this
/// tool version), the exit and start records its process leaves in <c>DIR/logs/</c>, its checkpoint folder,
/// and, when given, what the backends' queues say about it.
/// </summary>
public static class SweepStatus
{
    public static List<SweepRunState> Of(string dir, SweepPlan plan, IReadOnlyDictionary<string, QueueState>? queue = null) =>
        plan.Rows.Select(row => Of(dir, row, queue?.GetValueOrDefault(row.Id))).ToList();

    public static bool IsDone(string dir, SweepRow row) =>
        ReportFolder.TryRead(SweepPlan.RunDir(dir, row.Id)) is { } report && report.ExperimentHash == row.ExperimentHash && report.ToolVersion == ToolVersion.Current;

    private static SweepRunState Of(string dir, SweepRow row, QueueState? queued)
    {
        var exit = Record(SweepPlan.ExitFile(dir, row.Id));
        var start = Record(SweepPlan.StartFile(dir, row.Id));
        var host = exit?.Host ?? start?.Host;
        if (IsDone(dir, row))
        {
            return new(row, RunStatus.Done, "report complete", host);
        }
        if (queued is { Waiting: false })
        {
            return new(row, queued.Status, queued.Detail, host);
        }
        var started = File.GetLastWriteTimeUtc(SweepPlan.StartFile(dir, row.Id));
        var ended = File.GetLastWriteTimeUtc(SweepPlan.ExitFile(dir, row.Id));
        if (start is not null && (exit is null || started > ended) && start.Host == Environment.MachineName && IsAlive(start.Number))
        {
            return new(row, RunStatus.Running, $"process {start.Number}", host);
        }
        if (queued is not null)
        {
            return new(row, queued.Status, queued.Detail, host);
        }
        if (exit is { Number: not 0 })
        {
            return new(row, RunStatus.Failed, $"exit code {exit.Number}", host);
        }
        var checkpoint = RunState.DirFor(SweepPlan.RunDir(dir, row.Id));
        if (Directory.Exists(checkpoint))
        {
            return new(row, RunStatus.Interrupted, "checkpoint kept; the next run continues from it", host);
        }
        return new(row, RunStatus.Pending, ReportFolder.TryRead(SweepPlan.RunDir(dir, row.Id)) is null ? "not started" : "report outdated (experiment or tool changed)", host);
    }

    private sealed record HostRecord(int Number, string Host);

    /// <summary>"NUMBER HOST" as the backends write it.</summary>
    private static HostRecord? Record(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var parts = File.ReadAllText(path).Trim().Split(' ', 2);
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? new HostRecord(n, parts[1]) : null;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
