using System.Text;
using MelanomaExp.Data.Groups;
using MelanomaExp.Evaluation;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>The report's groups section (class by group, how well the group predicts the class) and the per-group results.</summary>
internal static class GroupMarkdown
{
    public const string Warning = GroupAssociation.ConfoundWarning;

    public static void Association(StringBuilder md, GroupAssociation? a)
    {
        if (a is null)
        {
            return;
        }
        md.AppendLine("## Groups");
        md.AppendLine();
        md.AppendLine("Images of the training folder (training and validation sets together) by class and group (`data.groups`), after the audit's removals:");
        md.AppendLine();
        md.AppendLine("| class | " + string.Join(" | ", a.Groups) + " | total |");
        md.AppendLine("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", a.Groups.Count + 1)));
        for (var r = 0; r < a.Classes.Count; r++)
        {
            var row = Enumerable.Range(0, a.Groups.Count).Select(c => a.Counts[r, c]).ToList();
            md.AppendLine(Inv($"| {a.Classes[r]} | {string.Join(" | ", row)} | {row.Sum()} |"));
        }
        var totals = Enumerable.Range(0, a.Groups.Count).Select(c => Enumerable.Range(0, a.Classes.Count).Sum(r => a.Counts[r, c])).ToList();
        md.AppendLine(Inv($"| total | {string.Join(" | ", totals)} | {a.Total} |"));
        md.AppendLine();
        md.AppendLine(Inv($"Cramér's V between group and class: **{a.CramersV:0.000}** (chi-square {a.ChiSquare:0.0}, {a.DegreesOfFreedom} degrees of freedom, p {PValueShowingNaN(a.PValue)}). Predicting each image's class as the most common class of its group is right for **{Pct(a.GroupMajorityAccuracy)}** of the images; always predicting the most common class, for {Pct(a.ClassMajorityAccuracy)}."));
        md.AppendLine();
        if (a.Confounded)
        {
            md.AppendLine(Inv($"> **Warning:** {Warning} (Cramér's V ≥ {GroupAssociation.WarnAt:0.0}). A random validation split then rewards recognising the group; judge models on held-out groups (`data.validation: {{ by: group, hold_out: [...] }}`)."));
            md.AppendLine();
        }
    }

    /// <summary>Per step and set, each group's accuracy and positive-class sensitivity with 95% bootstrap intervals.</summary>
    public static void PerGroup(StringBuilder md, RunResult run)
    {
        var rows = run.Steps.SelectMany(s => new[] { s.Validation, s.Test }.OfType<SetEvaluation>().Where(e => e.ByGroup is not null).Select(e => (s.Name, e))).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        var positive = run.Steps.Select(s => s.Validation.Positive?.PositiveClass).FirstOrDefault(p => p is not null);
        md.AppendLine("### Results by group");
        md.AppendLine();
        md.AppendLine("| step | set | group | images | accuracy (95% CI) |" + (positive is null ? "" : $" {positive} images | {positive} sensitivity (95% CI) |"));
        md.AppendLine("| --- | --- | --- | ---: | ---: |" + (positive is null ? "" : " ---: | ---: |"));
        foreach (var (step, e) in rows)
        {
            foreach (var g in e.ByGroup!)
            {
                var sens = positive is null ? "" : $" {g.PositiveImages} | {(g.Sensitivity is { } s ? Ci(s) : "–")} |";
                md.AppendLine(Inv($"| {step} | {e.Set} | {g.Group} | {g.Images} | {Ci(g.Accuracy)} |{sens}"));
            }
        }
        md.AppendLine();
        md.AppendLine("Intervals: percentile bootstrap over the group's images, seeded. A group absent from training (held out) shows how the model carries over to a new collection.");
        md.AppendLine();
    }


    private static string Ci(Interval i) => double.IsNaN(i.Low)
        ? Pct(i.Value)
        : Inv($"{Pct(i.Value)} ({Pct(i.Low)} – {Pct(i.High)})");
}
