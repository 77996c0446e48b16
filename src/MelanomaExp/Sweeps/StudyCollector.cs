using MelanomaExp.Results;

namespace MelanomaExp.Sweeps;

/// <summary>Reads every finished run of a sweep and gathers each figure over seeds, per grid point and step.</summary>
public static class StudyCollector
{
    /// <summary>Metrics compared between steps and grid points with a paired test (the rest are summarised only).</summary>
    public static readonly IReadOnlyList<string> Compared = ["val_accuracy", "val_balanced_accuracy", "val_positive_auc", "test_accuracy"];

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
                    var values = done.Select(r => (r.Row.Seed, Value: r.Report.Steps.FirstOrDefault(s => s.Name == step) is { } s ? metric.Read(s.Metrics) : null))
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
        return new Study(Path.GetFullPath(dir), plan, runs, cells, Compare(cells), Machines(reports), positive);
    }

    private static List<PairedComparison> Compare(List<StudyCell> cells)
    {
        var comparisons = new List<PairedComparison>();
        foreach (var metric in Compared)
        {
            var of = cells.Where(c => c.Metric.Name == metric).ToList();
            foreach (var point in of.GroupBy(c => c.Point))
            {
                comparisons.AddRange(Family("steps", point.ToList()));
            }
            foreach (var step in of.GroupBy(c => c.Step))
            {
                comparisons.AddRange(Family("grid points", step.ToList()));
            }
        }
        return comparisons;
    }

    /// <summary>Every pair of one family (one metric: the steps of a grid point, or the grid points of a step), Holm-adjusted together.</summary>
    private static IEnumerable<PairedComparison> Family(string between, List<StudyCell> cells)
    {
        var family = Pairs(cells).Select(p => PairedComparison.Of(between, p.A, p.B)).OfType<PairedComparison>().ToList();
        var adjusted = HolmAdjustment.Adjust([.. family.Select(c => c.PValue)]);
        var tested = family.Count(c => c.PValue is not null);
        return family.Select((c, i) => c with { AdjustedPValue = adjusted[i], FamilySize = tested });
    }

    private static IEnumerable<(StudyCell A, StudyCell B)> Pairs(List<StudyCell> cells) =>
        cells.SelectMany((a, i) => cells.Skip(i + 1).Select(b => (a, b)));

    private static List<MachineUse> Machines(IEnumerable<(SweepRow Row, string? Host, ReportFolder Report)> reports) =>
        reports.GroupBy(r => (Host: r.Host ?? "(unknown)", r.Report.Machine))
            .Select(g => new MachineUse(g.Key.Host, g.Key.Machine.Cpu, g.Key.Machine.Cores, g.Key.Machine.Threads, g.Key.Machine.Device, g.Select(r => r.Row.Id).ToList()) { Numerics = g.Key.Machine.Numerics })
            .ToList();
}
