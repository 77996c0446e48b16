using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MelanomaExp.Documents;
using MelanomaExp.Results;
using MelanomaExp.Sweeps;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting.Studies;

/// <summary>
/// Writes <c>DIR/README.md</c> (tables, charts, failed runs, machines) and <c>DIR/study.json</c> (the same numbers)
/// for the <see cref="Study"/> that Sweeps' collect produces.
/// </summary>
public static class StudyReport
{
    private const int LogTail = 15;

    /// <summary>Hands this writer to Sweeps when the library loads, so a local sweep can write its report after its runs.</summary>
#pragma warning disable CA2255 // One library, one registration: Sweeps sits below Reporting and cannot name it.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => StudyReportWriter.Register(Write);

    public static void Write(Study study)
    {
        foreach (var metric in ReportMetric.Studied)
        {
            var cells = study.Cells.Where(c => c.Metric == metric).ToList();
            if (cells.Count > 0)
            {
                StudyCharts.Strip(cells, metric, Path.Combine(study.Dir, StudyCharts.FileName(metric)));
            }
        }
        File.WriteAllText(Path.Combine(study.Dir, ReportFiles.Readme), Markdown(study));
        File.WriteAllText(Path.Combine(study.Dir, ReportFiles.Study), JsonSerializer.Serialize(Document(study), ReportDocumentContext.Default.StudyDocument) + "\n");
        SweepFolder.Remark(study.Dir);
    }

    public static string Markdown(Study study)
    {
        var md = new StringBuilder();
        void L(FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        var rows = study.Plan.Rows;
        var done = study.Runs.Count(r => r.Status == RunStatus.Done);
        var points = rows.Select(r => r.Point).Distinct().Count();
        var seeds = rows.Select(r => r.Seed).Distinct().ToList();
        L($"# Study: {study.Plan.Experiment}");
        md.AppendLine();
        L($"{rows.Count} runs: {points} grid point{(points == 1 ? "" : "s")} x {seeds.Count} seed{(seeds.Count == 1 ? "" : "s")} ({string.Join(", ", seeds)}); **{done} done**, {rows.Count - done} not done. Plan: [`plan.json`](plan.json); each run's full report is in `runs/<id>/`.");
        md.AppendLine();
        L($"Over seeds: mean, standard deviation and the 95% t-interval of the mean (mean ± t(0.975, n-1) · sd / √n), cut at 0% and 100% (0 and 1 for ROC AUC). Percentages except ROC AUC.");
        md.AppendLine();
        Primary(md, study);
        GridPoints(md, study);
        Ranked(md, study);
        Agreement(md, study);
        Cells(md, study);
        Comparisons(md, study);
        Charts(md, study);
        NotDone(md, study);
        Machines(md, study);
        Cost(md, study);
        Runs(md, study);
        return md.ToString();
    }

    /// <summary>The declared primary figure first: its mean and interval per step, and the comparisons on it with their Holm-adjusted p.</summary>
    private static void Primary(StringBuilder md, Study study)
    {
        if (study.Plan.Primary is not { } name)
        {
            return;
        }
        var metric = ReportMetric.Named(name);
        md.AppendLine(CultureInfo.InvariantCulture, $"## Primary figure: {Label(metric, study)}\n");
        md.AppendLine(CultureInfo.InvariantCulture, $"Declared in the experiment's `sweep.primary` ({name}) before the runs; the findings are stated on it. Its p-values are Holm-adjusted over every test of the paired comparisons below, not only these.\n");
        md.AppendLine("| grid point / step | mean | 95% interval | sd | n |\n| --- | ---: | --- | ---: | ---: |");
        foreach (var c in study.Cells.Where(c => c.Metric == metric))
        {
            var s = c.Statistic;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Label} | {Figure(s.Mean, metric.Percent)} | {Interval(s, metric.Percent)} | {Figure(s.StandardDeviation, metric.Percent)} | {s.Values.Count} |");
        }
        md.AppendLine();
        var tests = study.Comparisons.Where(c => c.Metric == name).ToList();
        if (tests.Count > 0)
        {
            md.AppendLine("| A | B | mean B - A | 95% interval | p | p (Holm) | verdict |\n| --- | --- | ---: | --- | ---: | ---: | --- |");
            foreach (var c in tests)
            {
                var interval = c.HalfWidth is { } h ? $"{Figure(c.Mean - h, metric.Percent)} to {Figure(c.Mean + h, metric.Percent)}" : "–";
                md.AppendLine(CultureInfo.InvariantCulture, $"| {c.A} | {c.B} | {Figure(c.Mean, metric.Percent)} | {interval} | {Pv(c.PValue)} | {Pv(c.AdjustedPValue)} | {c.Verdict} |");
            }
            md.AppendLine();
        }
    }

    private static void GridPoints(StringBuilder md, Study study)
    {
        if (study.Plan.Rows.All(r => r.Grid.Count == 0))
        {
            return;
        }
        md.AppendLine("## Grid points\n\n| grid point | overrides |\n| --- | --- |");
        foreach (var point in study.Plan.Rows.GroupBy(r => r.Point))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {point.Key} | {string.Join(", ", point.First().Grid.Select(g => $"`{g}`"))} |");
        }
        md.AppendLine();
    }

    private static void Ranked(StringBuilder md, Study study)
    {
        var ranked = study.Cells.Where(c => c.Metric.Name == "val_accuracy").OrderByDescending(c => c.Values.Average()).ToList();
        md.AppendLine("## Ranked by mean validation accuracy\n\n| rank | grid point / step | validation accuracy | 95% interval | sd | balanced accuracy | n |\n| ---: | --- | ---: | --- | ---: | ---: | ---: |");
        for (var i = 0; i < ranked.Count; i++)
        {
            var c = ranked[i];
            var s = c.Statistic;
            var balanced = study.Cells.FirstOrDefault(x => x.Point == c.Point && x.Step == c.Step && x.Metric.Name == "val_balanced_accuracy");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {i + 1} | {c.Label} | {Figure(s.Mean, true)} | {Interval(s, true)} | {Figure(s.StandardDeviation, true)} | {(balanced is null ? "–" : Figure(balanced.Values.Average(), true))} | {s.Values.Count} |");
        }
        md.AppendLine();
    }

    private static void Agreement(StringBuilder md, Study study)
    {
        var agreements = RankAgreement.Of(study.Cells);
        if (agreements.Count == 0)
        {
            return;
        }
        md.AppendLine("## Does validation rank as Test does?\n");
        md.AppendLine("Kendall's tau between the validation ranking and the Test ranking of the grid points and steps (1: the same order, 0: unrelated, -1: reversed), " +
            "over the means and seed by seed. Test chooses nothing here: this says how far a choice made on validation can be trusted on unseen images.\n");
        md.AppendLine("| validation figure | Test figure | ranked | tau of the means | tau per seed (mean, range) | pairs validation puts the other way round from Test (validation's order) |\n| --- | --- | ---: | ---: | --- | --- |");
        foreach (var a in agreements)
        {
            var perSeed = a.TauPerSeed.Where(double.IsFinite).ToList();
            var seeds = perSeed.Count == 0 ? "–" : Inv($"{perSeed.Average():0.00} ({perSeed.Min():0.00} to {perSeed.Max():0.00}, {perSeed.Count} seed{(perSeed.Count == 1 ? "" : "s")})");
            var pairs = a.Discordant.Count == 0 ? "none" : string.Join("; ", a.Discordant.Select(d => $"{d.Higher} > {d.Lower}"));
            md.AppendLine(Inv($"| {a.Validation} | {a.Test} | {a.Cells} | {a.TauOfMeans:0.00} | {seeds} | {pairs} |"));
        }
        md.AppendLine();
    }

    private static void Cells(StringBuilder md, Study study)
    {
        md.AppendLine("## Every figure per grid point and step\n\n| grid point / step | metric | mean | sd | 95% interval | per seed |\n| --- | --- | ---: | ---: | --- | --- |");
        foreach (var c in study.Cells)
        {
            var s = c.Statistic;
            var perSeed = string.Join(", ", c.Seeds.Zip(c.Values, (seed, v) => $"{seed}: {Figure(v, c.Metric.Percent)}"));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Label} | {Label(c.Metric, study)} | {Figure(s.Mean, c.Metric.Percent)} | {Figure(s.StandardDeviation, c.Metric.Percent)} | {Interval(s, c.Metric.Percent)} | {perSeed} |");
        }
        md.AppendLine();
    }

    private static void Comparisons(StringBuilder md, Study study)
    {
        md.AppendLine("## Paired comparisons over seeds\n");
        md.AppendLine("B - A of the same seed, averaged; two-sided paired t-test (MathNet). Seeds pair runs that share the data split and initial weights. " +
            "Each step is compared with its baseline (the earlier step it differs from least in its settings), each grid point with every other. " +
            "The verdict reads the p-value Holm-adjusted over every test in this table at once, so that testing many pairs does not turn seed noise into a finding.\n");
        if (study.Comparisons.Count == 0)
        {
            md.AppendLine("None (a comparison needs two steps or grid points with a seed in common).\n");
            return;
        }
        md.AppendLine("| between | A | B | metric | n | mean B - A | 95% interval | p | p (Holm) | verdict |\n| --- | --- | --- | --- | ---: | ---: | --- | ---: | ---: | --- |");
        foreach (var c in study.Comparisons)
        {
            var percent = ReportMetric.Studied.First(m => m.Name == c.Metric).Percent;
            var interval = c.HalfWidth is { } h ? $"{Figure(c.Mean - h, percent)} to {Figure(c.Mean + h, percent)}" : "–";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Between} | {c.A} | {c.B} | {Label(ReportMetric.Studied.First(m => m.Name == c.Metric), study)} | {c.N} | {Figure(c.Mean, percent)} | {interval} | {Pv(c.PValue)} | {Pv(c.AdjustedPValue)} | {c.Verdict} |");
        }
        md.AppendLine();
    }

    private static void Charts(StringBuilder md, Study study)
    {
        md.AppendLine("## Every seed, per metric\n");
        foreach (var metric in ReportMetric.Studied.Where(m => study.Cells.Any(c => c.Metric == m)))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"![{Label(metric, study)}]({StudyCharts.FileName(metric)})\n");
        }
    }

    private static void NotDone(StringBuilder md, Study study)
    {
        var missing = study.Runs.Where(r => r.Status != RunStatus.Done).ToList();
        md.AppendLine("## Runs not done\n");
        if (missing.Count == 0)
        {
            md.AppendLine("None: every run of the plan has a complete report.\n");
            return;
        }
        md.AppendLine("These runs are left out of every figure above. Running the same `sweep` command again redoes them (and only them).\n");
        foreach (var run in missing)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {run.Row.Id}: {run.Status.ToString().ToLowerInvariant()} ({run.Detail})\n");
            var log = SweepPlan.LogFile(study.Dir, run.Row.Id);
            if (File.Exists(log))
            {
                var tail = File.ReadAllLines(log).TakeLast(LogTail);
                md.AppendLine(CultureInfo.InvariantCulture, $"Last lines of `logs/{run.Row.Id}.log`:\n\n```\n{string.Join('\n', tail)}\n```\n");
            }
            else
            {
                md.AppendLine("No log: the run has not started.\n");
            }
        }
    }

    private static void Machines(StringBuilder md, Study study)
    {
        md.AppendLine("## Machines\n");
        if (study.MixedHardware)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**Mixed hardware**: the runs come from {study.Machines.Select(m => (m.Cpu, m.Device)).Distinct().Count()} different CPU or device kinds. Floating point results differ between them, so part of a difference between grid points can come from where they ran.\n");
        }
        md.AppendLine("| host | CPU | cores | torch threads | device | runs |\n| --- | --- | ---: | ---: | --- | ---: |");
        foreach (var m in study.Machines)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Host} | {m.Cpu} | {m.Cores} | {m.TorchThreads} | {m.Device} | {m.Runs.Count} |");
        }
        md.AppendLine();
    }

    /// <summary>What a run costs: each step's training time over the done runs, and their sum per run.</summary>
    private static void Cost(StringBuilder md, Study study)
    {
        if (study.Costs.Count == 0)
        {
            return;
        }
        md.AppendLine("## Cost per run\n");
        md.AppendLine("Training wall time of each step on the machines above, over the done runs: the model's build, the epochs with their validation passes, and checkpoints (a resumed step counts its epochs' times only); data loading, generated images and the final evaluation are not counted, so a whole run takes longer than the sum.\n");
        md.AppendLine("| grid point / step | runs | mean | min | max |\n| --- | ---: | ---: | ---: | ---: |");
        static string Time(double seconds) => seconds < 120 ? Inv($"{seconds:0} s") : Inv($"{seconds / 60:0.0} min");
        void Row(string label, IReadOnlyList<double> seconds) =>
            md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {seconds.Count} | {Time(seconds.Average())} | {Time(seconds.Min())} | {Time(seconds.Max())} |");
        foreach (var cost in study.Costs)
        {
            Row(cost.Label, cost.Seconds);
        }
        // Per grid point of several steps, each run's steps summed: only runs with a time for every step, so none is short.
        foreach (var point in study.Costs.GroupBy(c => c.Point).Where(p => p.Count() > 1))
        {
            var steps = point.Count();
            var perSeed = point.SelectMany(c => c.Seeds.Zip(c.Seconds)).GroupBy(p => p.First)
                .Where(g => g.Count() == steps)
                .Select(g => g.Sum(p => p.Second))
                .ToList();
            if (perSeed.Count > 0)
            {
                Row(point.Key == SweepPlanner.DefaultPoint ? "**all steps' training, summed**" : $"**{point.Key}: all steps' training, summed**", perSeed);
            }
        }
        md.AppendLine();
    }

    private static void Runs(StringBuilder md, Study study)
    {
        md.AppendLine("## Runs\n\n| run | grid point | seed | status | host |\n| --- | --- | ---: | --- | --- |");
        foreach (var r in study.Runs)
        {
            var name = r.Status == RunStatus.Done ? $"[{r.Row.Id}](runs/{r.Row.Id}/README.md)" : r.Row.Id;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {r.Row.Point} | {r.Row.Seed} | {r.Status.ToString().ToLowerInvariant()} | {r.Host ?? "–"} |");
        }
    }

    internal static StudyDocument Document(Study study) => new()
    {
        Format = ReportFormats.Study,
        Experiment = study.Plan.Experiment,
        Collected = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        Runs = [.. study.Runs.Select(r => new StudyRunDocument(r.Row.Id, r.Row.Point, r.Row.Seed, r.Status.ToString().ToLowerInvariant(), r.Detail, r.Host))],
        Cells = [.. study.Cells.Select(c => new StudyCellDocument
        {
            Point = c.Point,
            Grid = c.Grid,
            Step = c.Step,
            Metric = c.Metric.Name,
            N = c.Values.Count,
            Mean = N(c.Statistic.Mean),
            Sd = N(c.Statistic.StandardDeviation),
            Ci95Low = N(c.Statistic.Interval95.Low),
            Ci95High = N(c.Statistic.Interval95.High),
            Values = [.. c.Seeds.Zip(c.Values, (s, v) => new StudySeedValue(s, v))],
        })],
        Comparisons = [.. study.Comparisons.Select(c => new StudyComparisonDocument(
            c.Between, c.A, c.B, c.Metric, c.N, N(c.Mean), c.PValue is { } p ? N(p) : null, c.AdjustedPValue is { } holm ? N(holm) : null, c.FamilySize, c.Verdict))],
        Machines = [.. study.Machines.Select(m => new StudyMachineDocument(m.Host, m.Cpu, m.Cores, m.TorchThreads, m.Device, m.Runs))],
        MixedHardware = study.MixedHardware,
    };

    private static string Label(ReportMetric metric, Study study) => metric.Label.Replace("melanoma", study.PositiveClass, StringComparison.Ordinal);

    private static string Interval(SeedStatistic s, bool percent)
    {
        if (s.Values.Count < 2)
        {
            return "–";
        }
        var (low, high) = s.Interval95;
        return $"{Figure(low, percent)} to {Figure(high, percent)}";
    }

    private static string Pv(double? p) => p is { } v ? Figure(v, percent: false) : "–";

    private static double? N(double v) => double.IsFinite(v) ? v : null;
}
