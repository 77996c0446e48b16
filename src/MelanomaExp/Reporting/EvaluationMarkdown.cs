using System.Text;
using MelanomaExp.Evaluation;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>The report's evaluation sections: summary, melanoma vs rest with intervals, per-class table, confusion matrix, ROC, McNemar.</summary>
internal static class EvaluationMarkdown
{
    /// <summary>
    /// The section's head, its summary table and each step's details. Calibration, the mistake galleries, Grad-CAM and the
    /// comparisons follow under the same head but are sections of their own (<see cref="ReportSections.Default"/>), each with its pictures.
    /// </summary>
    public static void Steps(StringBuilder md, RunResult run)
    {
        md.AppendLine("## Evaluation details");
        md.AppendLine();
        md.AppendLine("The headline figures are in the summary at the top; here are the per-class metrics, confusion matrices and accuracy-level figures of every step.");
        md.AppendLine();
        Summary(md, Rows(run));
        foreach (var s in run.Steps)
        {
            md.AppendLine(Inv($"### {s.Name}"));
            md.AppendLine();
            foreach (var set in new[] { s.Validation, s.Test }.OfType<SetEvaluation>())
            {
                Details(md, s.Name, set);
            }
        }
    }

    /// <summary>Every evaluated (step, set) in report order, the test set without its copies of training images included: the rows of the summary and calibration tables.</summary>
    public static List<(string Step, SetEvaluation Set)> Rows(RunResult run) =>
        run.Steps.SelectMany(s => new[] { (s.Name, s.Validation), (s.Name, s.Test), (s.Name, s.TestWithoutTrainCopies) }).Where(p => p.Item2 is not null).Select(p => (p.Name, p.Item2!)).ToList();

    /// <summary>One row per (step, set): the headline numbers a reader compares.</summary>
    public static void Summary(StringBuilder md, IReadOnlyList<(string Step, SetEvaluation Set)> rows)
    {
        var positive = rows.Select(r => r.Set.Positive).FirstOrDefault(p => p is not null);
        var head = positive is null ? "" : $" {positive.PositiveClass} threshold | sensitivity at threshold (95% CI) | specificity at threshold (95% CI) | sensitivity as top class | specificity as top class | ROC AUC (95% CI) |";
        md.AppendLine("| step | set | images | accuracy | balanced accuracy (95% CI) | macro F1 (95% CI) | weighted F1 |" + head);
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |" + (positive is null ? "" : " ---: | ---: | ---: | ---: | ---: | ---: |"));
        foreach (var (step, e) in rows)
        {
            var m = e.Metrics;
            var p = e.Positive is not { Operating: { } o } b
                ? (positive is null ? "" : " – | – | – | – | – | – |")
                : Inv($" {o.Threshold:0.000} | {Ci(o.Sensitivity)} | {SummaryMarkdown.Ranked(b, o.Specificity)} | {Ci(b.Sensitivity)} | {SummaryMarkdown.Ranked(b, b.Specificity)} | {SummaryMarkdown.Ranked(b, b.Auc, percent: false)} |");
            md.AppendLine(Inv($"| {step} | {e.Set} | {e.Images} | {Pct(m.Accuracy)} | {Ci(e.BalancedAccuracy)} | {Ci(e.MacroF1, percent: false)} | {Num(m.WeightedF1)} |{p}"));
        }
        md.AppendLine();
        if (positive is not null)
        {
            md.AppendLine(Inv($"At threshold, an image counts as {positive.PositiveClass} when that class's probability reaches the operating threshold (the one `predict` uses, chosen on validation); as top class, when {positive.PositiveClass} has the highest probability. ROC AUC ranks images by the {positive.PositiveClass} probability. Balanced accuracy and macro F1 average the classes present in the set. Intervals: percentile bootstrap over images, seeded."));
            md.AppendLine();
            SummaryMarkdown.Unranked(md, rows);
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
            md.AppendLine(Inv($"| {c.Name} | {Num(c.Precision)} | {Num(c.Recall)} | {Num(c.F1)} | {c.Support} |"));
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

    public static void Comparisons(StringBuilder md, RunResult run)
    {
        var comparisons = run.Comparisons;
        if (comparisons.Count == 0)
        {
            return;
        }
        md.AppendLine("### Step against step (McNemar)");
        md.AppendLine();
        md.AppendLine("| first | second | set | accuracy first → second | only first right | only second right | McNemar p | test | ROC AUC first → second | AUC difference (paired bootstrap 95% CI) | DeLong p |");
        md.AppendLine("| --- | --- | --- | --- | ---: | ---: | ---: | --- | --- | --- | ---: |");
        foreach (var c in comparisons)
        {
            var auc = SummaryMarkdown.ComparedAuc(c, run) is not { } a
                ? " – | – | – |"
                : Inv($" {Num(a.DeLong.FirstAuc)} → {Num(a.DeLong.SecondAuc)} | {a.Difference.Value:+0.000;-0.000;0.000} ({a.Difference.Low:+0.000;-0.000;0.000} to {a.Difference.High:+0.000;-0.000;0.000}) | {a.DeLong.PValue:0.0000} |");
            md.AppendLine(Inv($"| {c.First} | {c.Second} | {c.Set} | {Pct(c.FirstAccuracy)} → {Pct(c.SecondAccuracy)} | {c.Test.OnlyFirstRight} | {c.Test.OnlySecondRight} | {c.Test.PValue:0.0000} | {c.Test.Method} |{auc}"));
        }
        md.AppendLine();
        md.AppendLine("McNemar's test pairs the two steps' right and wrong answers image by image; DeLong's test and the paired bootstrap pair their melanoma probabilities on the same images. A p-value under 0.05 says the difference is larger than chance would make it on these images.");
        md.AppendLine();
    }

    private static string Ci(Interval i, bool percent = true) => SummaryMarkdown.Ci(i, percent);

    private static string Num(double v) => double.IsNaN(v) ? "n/a" : Inv($"{v:0.000}");

    /// <summary>Column headers abbreviated (first letters of each word) so the table fits.</summary>
    private static string Short(string name) => string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));
}
