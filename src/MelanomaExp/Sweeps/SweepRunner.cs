using System.Globalization;
using MelanomaExp.Results;
using MelanomaExp.Safety;

namespace MelanomaExp.Sweeps;

/// <summary>
/// Writes the plan, works out which runs are still to do (done ones are skipped, failed, interrupted and missing
/// ones redone, running ones left alone), and hands those to the request's backend. A backend whose runs end
/// here gets the study report collected after them; one whose runs end later collects it itself.
/// </summary>
public static class SweepRunner
{
    /// <summary>Returns the number of runs that failed (0 for a backend whose runs end later).</summary>
    public static int Execute(SweepRequest request, Action<string> log, CancellationToken cancel = default)
    {
        var (dir, plan, backend) = (request.Dir, request.Plan, request.Backend);
        // The sweep folder is checked before anything is written, and one sweep writes it at a time.
        var folder = SweepFolder.Claim(dir, plan);
        using var writer = OutputLock.Acquire(folder);
        plan.Write(dir);
        SweepFolder.Remark(dir);
        var states = SweepStatus.Of(dir, plan, backend.Queue(dir, plan));
        var todo = states.Where(s => s.Status is not (RunStatus.Done or RunStatus.Running)).ToList();
        Describe(plan, states, log);
        if (request.DryRun)
        {
            backend.DryRun(request, todo, log);
            return 0;
        }
        var failed = backend.Launch(request, todo, log, cancel);
        if (!backend.CollectsAtEnd)
        {
            return failed;
        }
        var study = StudyCollector.Collect(dir, backend.Queue(dir, plan));
        StudyReportWriter.Write(study);
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
            $"estimated: {(known ? $"{todo.Sum(s => s.Row.EstimatedCpuHours!.Value):0.0}" : "unknown (data not found here)")} CPU-hours for the {todo.Count} runs still to do (from {SweepCost.CpuSecondsPerImageEpochAt180 * 1000:0.0} CPU-ms per 180x180 image-epoch measured in a final.yaml run)"));
    }

    private static string Hours(double? h) => h is { } x ? x.ToString(x < 0.1 ? "0.000" : "0.0", CultureInfo.InvariantCulture) : "?";
}
