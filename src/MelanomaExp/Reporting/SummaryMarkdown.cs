using System.Text;
using MelanomaExp.Evaluation;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>
/// The report's first screen: the headline metrics of every step with intervals, what each step
/// changed, and generated sentences saying which differences between steps the paired tests support.
/// Every number in a sentence is one of the table's or the comparison table's, and each sentence
/// names the chart that shows it.
/// </summary>
internal static class SummaryMarkdown
{
    /// <summary>Differences with a two-sided p below this count as statistically supported.</summary>
    public const double Alpha = 0.05;

    public static void Write(StringBuilder md, RunResult run)
    {
        md.AppendLine("## Summary");
        md.AppendLine();
        Table(md, run);
        Changes(md, run);
        Findings(md, run);
        Threshold(md, run);
        Absent(md, run);
    }

    /// <summary>The table shape the repository README's results table copies.</summary>
    public static void Table(StringBuilder md, RunResult run)
    {
        var positive = run.Steps.Select(s => s.Validation.Positive?.PositiveClass).FirstOrDefault(p => p is not null);
        var head = positive is null ? "" : $" {positive} threshold | {positive} sensitivity at threshold (95% CI) | {positive} specificity at threshold (95% CI) | {positive} ROC AUC (95% CI) |";
        md.AppendLine("| step | set | images | balanced accuracy (95% CI) | macro F1 (95% CI) |" + head);
        md.AppendLine("| --- | --- | ---: | ---: | ---: |" + (positive is null ? "" : " ---: | ---: | ---: | ---: |"));
        foreach (var s in run.Steps)
        {
            foreach (var e in new[] { s.Validation, s.Test }.OfType<SetEvaluation>())
            {
                var p = positive is null ? "" : e.Positive?.Operating is not { } o
                    ? " – | – | – | – |"
                    : Inv($" {o.Threshold:0.000} | {Ci(o.Sensitivity)} | {Ranked(e.Positive, o.Specificity)} | {Ranked(e.Positive, e.Positive.Auc, percent: false)} |");
                md.AppendLine(Inv($"| {s.Name} | {e.Set} | {e.Images} | {Ci(e.BalancedAccuracy)} | {Ci(e.MacroF1, percent: false)} |{p}"));
            }
        }
        md.AppendLine();
        Unranked(md, [.. run.Steps.SelectMany(s => new[] { s.Validation, s.Test }.OfType<SetEvaluation>().Select(e => (s.Name, e)))]);
    }

    private static void Changes(StringBuilder md, RunResult run)
    {
        md.AppendLine("What each step changes against its baseline (the earlier step it differs from least, which its comparisons below are made with), from the resolved settings:");
        md.AppendLine();
        for (var i = 0; i < run.Steps.Count; i++)
        {
            md.AppendLine(Inv($"- **{run.Steps[i].Name}**: {StepChanges.Describe(run, i)}."));
        }
        md.AppendLine();
    }

    private static void Findings(StringBuilder md, RunResult run)
    {
        if (run.Comparisons.Count == 0)
        {
            md.AppendLine(run.Steps.Count > 1
                ? "No step was compared with its baseline (they were evaluated on different images)."
                : "One step: there is no difference between steps to test.");
            md.AppendLine();
            return;
        }
        md.AppendLine(Inv($"Which differences between steps are statistically supported (two-sided p < {Alpha}; {Tests(run)}; not corrected for multiple comparisons):"));
        md.AppendLine();
        foreach (var c in run.Comparisons)
        {
            var sentences = new List<string>();
            if (ComparedAuc(c, run) is { } auc)
            {
                sentences.Add(AucSentence(c, auc, run));
            }
            sentences.Add(AccuracySentence(c));
            if (StepChanges.Count(run, c.First, c.Second) is > 1 and var changes)
            {
                sentences.Insert(0, Inv($"**Confounded**: the two steps differ in {changes} settings, so this is not any one setting's effect."));
            }
            md.AppendLine(Inv($"- **{c.First} → {c.Second}** ({c.Set}): ") + string.Join(" ", sentences));
        }
        md.AppendLine();
    }

    private static string AucSentence(StepComparison c, AucComparison auc, RunResult run)
    {
        var first = Evaluation(run, c.First, c.Set)!.Positive!;
        var second = Evaluation(run, c.Second, c.Set)!.Positive!;
        var d = auc.DeLong;
        var byDeLong = d.PValue < Alpha;
        var byBootstrap = auc.Difference.Low > 0 || auc.Difference.High < 0;
        var verdict = double.IsNaN(d.PValue) ? "not testable (DeLong's test needs at least two images of each group and some spread)" : (byDeLong, byBootstrap) switch
        {
            (true, true) => d.Difference > 0 ? "a statistically supported rise" : "a statistically supported fall",
            (false, false) => "not statistically supported (within noise)",
            _ => "borderline: DeLong's test and the paired bootstrap disagree",
        };
        return Inv($"{first.PositiveClass} ROC AUC {Ci(first.Auc, percent: false)} → {Ci(second.Auc, percent: false)}, difference {auc.Difference.Value:+0.000;-0.000;0.000} (paired bootstrap 95% CI {auc.Difference.Low:+0.000;-0.000;0.000} to {auc.Difference.High:+0.000;-0.000;0.000}), DeLong p = {PValue(d.PValue)}: {verdict} (ROC chart: [{ReportFiles.RocSteps}]({ReportFiles.RocSteps})).");
    }

    private static string AccuracySentence(StepComparison c)
    {
        var t = c.Test;
        var verdict = t.PValue < Alpha ? "a statistically supported difference" : "not statistically supported (within noise)";
        return Inv($"Accuracy {Pct(c.FirstAccuracy)} → {Pct(c.SecondAccuracy)}, McNemar p = {PValue(t.PValue)} ({t.OnlyFirstRight} images only {c.First} got right, {t.OnlySecondRight} only {c.Second}): {verdict} (table: step against step).");
    }

    private static void Threshold(StringBuilder md, RunResult run)
    {
        var last = run.Steps[^1];
        if (last.Validation.Positive?.Operating is not { } o)
        {
            return;
        }
        var name = last.Validation.Positive.PositiveClass;
        var test = last.Test?.Positive;
        var testText = test?.Operating is not { } t ? "" : Inv($". On the test set, at the same threshold: sensitivity {Ci(t.Sensitivity)}, specificity {Ranked(test, t.Specificity, words: true)}");
        md.AppendLine(Inv($"Operating threshold: `predict` with the model of `{last.Name}` flags {name} when its probability is at least **{o.Threshold:0.000}**, the threshold that maximised sensitivity + specificity on validation (each step's model carries its own, in the table). On validation it gives sensitivity {Ci(o.Sensitivity)} and specificity {Ranked(last.Validation.Positive, o.Specificity, words: true)}; these are optimistic, the threshold being chosen on the same images{testText}. The {(HasRoc(run) ? "ROC and precision-recall charts mark" : "precision-recall chart marks")} it with a diamond."));
        md.AppendLine();
        md.AppendLine(HasRoc(run)
            ? Inv($"![{name} ROC of every step]({ReportFiles.RocSteps}) ![{name} precision-recall of every step]({ReportFiles.PrecisionRecallSteps})")
            : Inv($"![{name} precision-recall of every step]({ReportFiles.PrecisionRecallSteps})"));
        md.AppendLine();
        md.AppendLine(Inv($"Average precision of {name} (area under the precision-recall curve; a model that ranks at random scores the prevalence): ") + string.Join("; ", run.Steps.SelectMany(s => new[] { s.Validation, s.Test }.OfType<SetEvaluation>().Where(e => e.Positive is not null).Select(e => Inv($"{s.Name} {e.Set} {Ci(e.Positive!.AveragePrecision, percent: false)} (prevalence {e.Positive.Positives / (double)Math.Max(1, e.Positive.Positives + e.Positive.Negatives):0.000})")))) + ".");
        md.AppendLine();
    }

    private static void Absent(StringBuilder md, RunResult run)
    {
        var absent = run.Steps.SelectMany(s => new[] { s.Validation, s.Test }.OfType<SetEvaluation>())
            .SelectMany(e => e.Metrics.Absent.Select(c => (Class: c, e.Set)))
            .Distinct()
            .ToList();
        var text = absent.Count == 0
            ? "Every class has images in every evaluated set, so balanced accuracy and macro F1 average all classes."
            : "Balanced accuracy and macro F1 average the same classes: those with at least one image in the set. Left out, their recall and F1 being undefined (n/a in the per-class tables): "
                + string.Join("; ", absent.GroupBy(a => a.Set).Select(g => Inv($"{g.Key}: {string.Join(", ", g.Select(a => $"{a.Class} ({TrainImages(run, a.Class)} training images, none in {g.Key})"))}"))) + ".";
        md.AppendLine(text + " Intervals: percentile bootstrap over images, seeded.");
        md.AppendLine();
    }

    private static int TrainImages(RunResult run, string name) => run.Dataset.TrainCounts[run.Dataset.Classes.ToList().IndexOf(name)];

    private static SetEvaluation? Evaluation(RunResult run, string step, string set)
    {
        var s = run.Steps.First(x => x.Name == step);
        return set == "test" ? s.Test : s.Validation;
    }

    private static string Tests(RunResult run) =>
        run.Comparisons.Any(c => ComparedAuc(c, run) is not null) ? "tests: McNemar's on accuracy, DeLong's and a paired bootstrap on ROC AUC" : "test: McNemar's on accuracy";


    /// <summary>An interval of ROC AUC or specificity, or a dash when its set has too few images of a side to read it (<see cref="BinaryEvaluation.Rankable"/>).</summary>
    internal static string Ranked(BinaryEvaluation b, Interval i, bool percent = true, bool words = false) =>
        b.Rankable ? Ci(i, percent) : words ? Inv($"not shown ({b.Positives} {b.PositiveClass}, {b.Negatives} other: fewer than {BinaryEvaluation.MinPerSide} of a side)") : "–";

    /// <summary>The AUC comparison of two steps, or null when there is none or its images are too few of a side to read one.</summary>
    internal static AucComparison? ComparedAuc(StepComparison c, RunResult run) =>
        c.Auc is { } auc && Evaluation(run, c.First, c.Set)?.Positive is { Rankable: true } ? auc : null;

    /// <summary>Whether any evaluated set has an ROC curve worth drawing: the every-step chart is drawn only then.</summary>
    internal static bool HasRoc(RunResult run) =>
        run.Steps.Any(s => new[] { s.Validation, s.Test }.Any(e => e?.Positive is { Rankable: true }));

    /// <summary>Says which rows' dashes are the small-set rule and why, so a dash never reads as a failure.</summary>
    internal static void Unranked(StringBuilder md, IReadOnlyList<(string Step, SetEvaluation Set)> rows)
    {
        var small = rows.Where(r => r.Set.Positive is { Rankable: false }).Select(r => Inv($"{r.Step} on {r.Set.Set} ({r.Set.Positive!.Positives} {r.Set.Positive.PositiveClass}, {r.Set.Positive.Negatives} other)")).Distinct().ToList();
        if (small.Count == 0)
        {
            return;
        }
        md.AppendLine(Inv($"Specificity and ROC AUC are not shown (–) for {string.Join("; ", small)}: with fewer than {BinaryEvaluation.MinPerSide} images of either side they say little (one image moves them by a tenth or more), so no ROC is drawn for them either. metrics.json keeps the numbers."));
        md.AppendLine();
    }

    internal static string Ci(Interval i, bool percent = true)
    {
        string F(double v) => double.IsNaN(v) ? "n/a" : percent ? Pct(v) : Inv($"{v:0.000}");
        return double.IsNaN(i.Low) || double.IsNaN(i.Value) ? F(i.Value) : $"{F(i.Value)} ({F(i.Low)}–{F(i.High)})";
    }
}
