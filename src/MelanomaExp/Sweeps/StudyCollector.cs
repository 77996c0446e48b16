using MelanomaExp.Config;
using MelanomaExp.Results;

namespace MelanomaExp.Sweeps;

/// <summary>Reads every finished run of a sweep and gathers each figure over seeds, per grid point and step.</summary>
public static class StudyCollector
{
    /// <summary>Metrics compared between steps and grid points with a paired test (the rest are summarised only).</summary>
    public static readonly IReadOnlyList<string> Compared = ["val_accuracy", "val_balanced_accuracy", "val_positive_auc", "test_accuracy", "test_balanced_accuracy", "test_positive_auc"];

    public static Study Collect(string dir, IReadOnlyDictionary<string, QueueState>? queue = null)
    {
        var plan = SweepPlan.Read(dir);
        var runs = SweepStatus.Of(dir, plan, queue);
        var reports = runs.Where(r => r.Status == RunStatus.Done)
            .Select(r => (r.Row, r.Host, Report: ReportFolder.Read(SweepPlan.RunDir(dir, r.Row.Id))))
            .ToList();
        var cells = new List<StudyCell>();
        foreach (var point in plan.Rows.GroupBy(r => r.Point))
        {
            var done = reports.Where(r => r.Row.Point == point.Key).OrderBy(r => r.Row.Seed).ToList();
            var steps = done.SelectMany(r => r.Report.Steps.Select(s => s.Name)).Distinct().ToList();
            foreach (var step in steps)
            {
                foreach (var metric in ReportMetric.Studied)
                {
                    var values = done.Select(r => (r.Row.Seed, Value: r.Report.Steps.FirstOrDefault(s => s.Name == step) is { } s ? metric.ReadShown(s.Metrics) : null))
                        .Where(v => v.Value is { } x && double.IsFinite(x))
                        .ToList();
                    if (values.Count > 0)
                    {
                        cells.Add(new StudyCell(point.Key, point.First().Grid, step, metric, values.Select(v => v.Seed).ToList(), values.Select(v => v.Value!.Value).ToList()));
                    }
                }
            }
        }
        var positive = reports.Select(r => r.Report.PositiveClass).OfType<string>().FirstOrDefault() ?? "positive class";
        // The steps as the runs resolved them: which step is compared with which follows from their settings.
        var specs = reports.Count == 0 ? null : Steps(reports[0].Report, ReportFolder.ManifestPath(SweepPlan.RunDir(dir, reports[0].Row.Id)));
        return new Study(Path.GetFullPath(dir), plan, runs, cells, Compare(cells, specs), Machines(reports), positive) { Costs = Costs(reports) };
    }

    private static List<StepCost> Costs(IReadOnlyList<(SweepRow Row, string? Host, ReportFolder Report)> reports) =>
        [.. reports.SelectMany(r => r.Report.Steps.Where(s => double.IsFinite(s.Seconds)).Select(s => (r.Row, Step: s.Name, s.Seconds)))
            .GroupBy(s => (s.Row.Point, s.Step))
            .Select(g => g.OrderBy(s => s.Row.Seed).ToList())
            .Select(g => new StepCost(g[0].Row.Point, g[0].Step, [.. g.Select(s => s.Row.Seed)], [.. g.Select(s => s.Seconds)]))];

    /// <summary>
    /// Each step against its baseline within a grid point, and every pair of grid points within a step, for each compared
    /// metric; Holm-adjusted over every test the study states at once, so that the number of tests in the report, not
    /// a subset of it, sets the bar.
    /// </summary>
    private static List<PairedComparison> Compare(List<StudyCell> cells, IReadOnlyList<StepSpec>? specs)
    {
        var comparisons = new List<PairedComparison>();
        foreach (var metric in Compared)
        {
            var of = cells.Where(c => c.Metric.Name == metric).ToList();
            foreach (var point in of.GroupBy(c => c.Point))
            {
                comparisons.AddRange(StepPairs(point.ToList(), specs).Select(p => PairedComparison.Of("steps", p.A, p.B)).OfType<PairedComparison>());
            }
            foreach (var step in of.GroupBy(c => c.Step))
            {
                comparisons.AddRange(Pairs(step.ToList()).Select(p => PairedComparison.Of("grid points", p.A, p.B)).OfType<PairedComparison>());
            }
        }
        var adjusted = HolmAdjustment.Adjust([.. comparisons.Select(c => c.PValue)]);
        var tested = comparisons.Count(c => c.PValue is not null);
        return [.. comparisons.Select((c, i) => c with { AdjustedPValue = adjusted[i], FamilySize = tested })];
    }

    /// <summary>
    /// The steps' settings as a run resolved them; null when its resolved experiment no longer loads here (a bad key, or a
    /// file it names gone or changed): then every pair is compared rather than collect failing.
    /// </summary>
    private static IReadOnlyList<StepSpec>? Steps(ReportFolder report, string manifest)
    {
        try
        {
            return ExperimentLoader.Parse(report.ResolvedYaml, manifest).Steps;
        }
        catch (BadInputException)
        {
            return null;
        }
    }

    /// <summary>Each step with its baseline (<see cref="StepDifference.Baseline"/>); every pair when the settings are unknown.</summary>
    private static IEnumerable<(StudyCell A, StudyCell B)> StepPairs(List<StudyCell> cells, IReadOnlyList<StepSpec>? specs)
    {
        if (specs is null || cells.Any(c => !specs.Any(s => s.Name == c.Step)))
        {
            return Pairs(cells);
        }
        var names = specs.Select(s => s.Name).ToList();
        return cells.Select(b => (B: b, Index: names.IndexOf(b.Step)))
            .Where(x => x.Index > 0)
            .Select(x => (A: cells.FirstOrDefault(a => a.Step == names[StepDifference.Baseline(specs, x.Index)!.Value]), x.B))
            .Where(p => p.A is not null)
            .Select(p => (p.A!, p.B));
    }

    private static IEnumerable<(StudyCell A, StudyCell B)> Pairs(List<StudyCell> cells) =>
        cells.SelectMany((a, i) => cells.Skip(i + 1).Select(b => (a, b)));

    private static List<MachineUse> Machines(IEnumerable<(SweepRow Row, string? Host, ReportFolder Report)> reports) =>
        reports.GroupBy(r => (Host: r.Host ?? "(unknown)", r.Report.Machine))
            .Select(g => new MachineUse(g.Key.Host, g.Key.Machine.Cpu, g.Key.Machine.Cores, g.Key.Machine.Threads, g.Key.Machine.Device, g.Select(r => r.Row.Id).ToList()) { Numerics = g.Key.Machine.Numerics })
            .ToList();
}
