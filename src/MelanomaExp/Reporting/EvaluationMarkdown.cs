using System.Text;
using MelanomaExp.Evaluation;
using MelanomaExp.Running;
using static MelanomaExp.Reporting.MarkdownReport;

namespace MelanomaExp.Reporting;

/// <summary>The report's evaluation sections: summary, melanoma vs rest with intervals, per-class table, confusion matrix, ROC, McNemar.</summary>
public static class EvaluationMarkdown
{
    public static void Steps(StringBuilder md, RunResult run)
    {
        md.AppendLine("## Evaluation");
        md.AppendLine();
        Summary(md, run.Steps.SelectMany(s => new[] { (s.Name, s.Validation), (s.Name, s.Test) }).Where(p => p.Item2 is not null).Select(p => (p.Name, p.Item2!)).ToList());
        foreach (var s in run.Steps)
        {
            md.AppendLine(Inv($"### {s.Name}"));
            md.AppendLine();
            foreach (var set in new[] { s.Validation, s.Test }.OfType<SetEvaluation>())
            {
                Details(md, s.Name, set);
            }
            if (s.Validation.Positive is not null)
            {
                md.AppendLine(Inv($"![{s.Name} ROC]({ReportFiles.Roc(s.Name)})"));
                md.AppendLine();
            }
        }
        Comparisons(md, run.Comparisons);
    }

    /// <summary>One row per (step, set): the headline numbers a reader compares.</summary>
    public static void Summary(StringBuilder md, IReadOnlyList<(string Step, SetEvaluation Set)> rows)
    {
        var positive = rows.Select(r => r.Set.Positive).FirstOrDefault(p => p is not null);
        var head = positive is null ? "" : $" {positive.PositiveClass} sensitivity (95% CI) | specificity (95% CI) | ROC AUC (95% CI) |";
        md.AppendLine("| step | set | images | accuracy | balanced accuracy | macro F1 | weighted F1 |" + head);
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |" + (positive is null ? "" : " ---: | ---: | ---: |"));
        foreach (var (step, e) in rows)
        {
            var m = e.Metrics;
            var p = e.Positive is null ? (positive is null ? "" : " – | – | – |") : $" {Ci(e.Positive.Sensitivity)} | {Ci(e.Positive.Specificity)} | {Ci(e.Positive.Auc, percent: false)} |";
            md.AppendLine(Inv($"| {step} | {e.Set} | {e.Images} | {Pct(m.Accuracy)} | {Pct(m.BalancedAccuracy)} | {m.MacroF1:0.000} | {m.WeightedF1:0.000} |{p}"));
        }
        md.AppendLine();
        if (positive is not null)
        {
            md.AppendLine(Inv($"Sensitivity and specificity count an image as {positive.PositiveClass} when that class has the highest probability; ROC AUC ranks images by the {positive.PositiveClass} probability. Intervals: percentile bootstrap over images, seeded."));
            md.AppendLine();
        }
    }

    public static void Details(StringBuilder md, string step, SetEvaluation e)
    {
        md.AppendLine(Inv($"<details><summary>{step}: per-class metrics and confusion matrix on {e.Set} ({e.Images} images)</summary>"));
        md.AppendLine();
        md.AppendLine("| class | precision | recall | F1 | support |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var c in e.Metrics.PerClass)
        {
            md.AppendLine(Inv($"| {c.Name} | {c.Precision:0.000} | {c.Recall:0.000} | {c.F1:0.000} | {c.Support} |"));
        }
        md.AppendLine();
        var names = e.Metrics.PerClass.Select(c => c.Name).ToList();
        md.AppendLine("Rows: actual class; columns: predicted class.");
        md.AppendLine();
        md.AppendLine("| actual \\ predicted | " + string.Join(" | ", names.Select(Short)) + " |");
        md.AppendLine("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", names.Count)));
        for (var r = 0; r < names.Count; r++)
        {
            md.AppendLine($"| {names[r]} | " + string.Join(" | ", Enumerable.Range(0, names.Count).Select(c => r == c ? $"**{e.Confusion.Counts[r, c]}**" : e.Confusion.Counts[r, c].ToString(System.Globalization.CultureInfo.InvariantCulture))) + " |");
        }
        md.AppendLine();
        md.AppendLine(Inv($"![{step} confusion matrix on {e.Set}]({ReportFiles.Confusion(step, e.Set)})"));
        md.AppendLine();
        md.AppendLine("</details>");
        md.AppendLine();
    }

    private static void Comparisons(StringBuilder md, IReadOnlyList<StepComparison> comparisons)
    {
        if (comparisons.Count == 0)
        {
            return;
        }
        md.AppendLine("### Step against step (McNemar)");
        md.AppendLine();
        md.AppendLine("| first | second | set | accuracy first → second | only first right | only second right | p-value | test |");
        md.AppendLine("| --- | --- | --- | --- | ---: | ---: | ---: | --- |");
        foreach (var c in comparisons)
        {
            md.AppendLine(Inv($"| {c.First} | {c.Second} | {c.Set} | {Pct(c.FirstAccuracy)} → {Pct(c.SecondAccuracy)} | {c.Test.OnlyFirstRight} | {c.Test.OnlySecondRight} | {c.Test.PValue:0.0000} | {c.Test.Method} |"));
        }
        md.AppendLine();
        md.AppendLine("A p-value under 0.05 says the two steps' error patterns differ by more than chance on these images.");
        md.AppendLine();
    }

    private static string Ci(Interval i, bool percent = true)
    {
        string F(double v) => double.IsNaN(v) ? "n/a" : percent ? Pct(v) : v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        return double.IsNaN(i.Low) ? F(i.Value) : $"{F(i.Value)} ({F(i.Low)}–{F(i.High)})";
    }

    /// <summary>Column headers abbreviated (first letters of each word) so the table fits.</summary>
    private static string Short(string name) => string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));
}
