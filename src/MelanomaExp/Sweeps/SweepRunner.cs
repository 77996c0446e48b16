using System.Globalization;
using MelanomaExp.Results;
using MelanomaExp.Safety;

namespace MelanomaExp.Sweeps;

/// <summary>
/// Writes the plan, works out which runs are still to do (done ones are skipped, failed, interrupted and missing
/// ones redone), and hands those to the backend. The local backend collects the study report at the end;
/// on Slurm a chained job does.
/// </summary>
public static class SweepRunner
{
    /// <summary>Returns the number of runs that failed (0 for Slurm, whose runs end later).</summary>
    public static int Execute(SweepRequest request, Action<string> log, CancellationToken cancel = default)
    {
        var (dir, plan) = (request.Dir, request.Plan);
        // The sweep folder is checked before anything is written, and one sweep writes it at a time.
        var folder = SweepFolder.Claim(dir, plan);
        using var writer = OutputLock.Acquire(folder);
        plan.Write(dir);
        SweepFolder.Remark(dir);
        var queue = request.Backend == SweepBackend.Slurm ? SlurmJobStates.States(dir, plan) : null;
        var states = SweepStatus.Of(dir, plan, queue);
        var todo = states.Where(s => s.Status is not (RunStatus.Done or RunStatus.Running)).ToList();
        Describe(plan, states, log);
        if (request.Backend == SweepBackend.Slurm)
        {
            SlurmScripts.Write(dir, plan, request.Slurm);
            SweepFolder.Remark(dir);
            log($"job scripts: {SlurmScripts.ArrayPath(dir)}, {SlurmScripts.CollectPath(dir)}");
            var tasks = todo.Select(s => plan.Rows.ToList().IndexOf(s.Row)).ToList();
            if (tasks.Count == 0)
            {
                log($"nothing to submit: every run is done or running (melanoma-exp collect {dir} builds the study report)");
                return 0;
            }
            if (request.DryRun)
            {
                log("dry run, nothing submitted; these commands would submit it:");
                foreach (var command in SlurmBackend.Commands(dir, tasks))
                {
                    log($"  {command}");
                }
                return 0;
            }
            var submission = SlurmBackend.Submit(dir, tasks);
            log($"submitted array job {submission.ArrayJob} ({tasks.Count} tasks) and collect job {submission.CollectJob} (after it); follow with melanoma-exp sweep --status {dir}");
            return 0;
        }
        if (request.DryRun)
        {
            log($"dry run, nothing started: {todo.Count} runs would run here, {request.Jobs} at a time, {LocalBackend.Threads(request.Jobs)} torch thread{(LocalBackend.Threads(request.Jobs) == 1 ? "" : "s")} each");
            return 0;
        }
        int failed;
        try
        {
            failed = LocalBackend.Run(dir, plan, todo.Select(s => s.Row).ToList(), request.Jobs, request.Command, log, cancel);
        }
        finally
        {
            SweepFolder.Remark(dir);
        }
        var study = StudyCollector.Collect(dir);
        StudyReport.Write(study);
        log($"study report: {Path.Combine(study.Dir, ReportFiles.Readme)} ({study.Runs.Count(r => r.Status == RunStatus.Done)}/{plan.Rows.Count} runs done)");
        return failed;
    }

    private static void Describe(SweepPlan plan, IReadOnlyList<SweepRunState> states, Action<string> log)
    {
        log($"plan: {plan.Rows.Count} runs of {plan.ExperimentFile}");
        log("  run | seed | overrides | est. CPU-hours | status");
        foreach (var s in states)
        {
            var grid = s.Row.Grid.Count == 0 ? "(none)" : string.Join(' ', s.Row.Grid);
            log(string.Create(CultureInfo.InvariantCulture, $"  {s.Row.Id} | {s.Row.Seed} | {grid} | {Hours(s.Row.EstimatedCpuHours)} | {s.Status.ToString().ToLowerInvariant()}"));
        }
        var todo = states.Where(s => s.Status != RunStatus.Done).ToList();
        var known = todo.All(s => s.Row.EstimatedCpuHours is not null);
        log(string.Create(CultureInfo.InvariantCulture,
            $"estimated: {(known ? $"{todo.Sum(s => s.Row.EstimatedCpuHours!.Value):0.0}" : "unknown (data not found here)")} CPU-hours for the {todo.Count} runs still to do (from {SweepCost.CpuSecondsPerImageEpochAt180 * 1000:0.0} CPU-ms per 180x180 image-epoch measured in reports/final)"));
    }

    private static string Hours(double? h) => h is { } x ? x.ToString(x < 0.1 ? "0.000" : "0.0", CultureInfo.InvariantCulture) : "?";
}
