using MelanomaExp.Results;

namespace MelanomaExp.Reporting;

/// <summary>Writes every file of a report into a folder: README.md and the charts around the data files of <see cref="ReportFolderWriter"/>.</summary>
public static class ReportWriter
{
    /// <param name="kept">Files a person added to the folder, which the rerun keeps (<see cref="Safety.OutputFolder.Kept"/>): the README names them.</param>
    public static void Write(RunResult run, string folder, IReadOnlyList<string>? kept = null)
    {
        Directory.CreateDirectory(folder);
        Charts.ClassDistribution(run.Dataset, Path.Combine(folder, ReportFiles.ClassDistribution));
        SampleGrid.Write(run.Dataset, Path.Combine(folder, ReportFiles.Samples));
        AuditMarkdown.WriteExamples(run.Dataset.Audit, run.Dataset.ImageHeight, run.Dataset.ImageWidth, Path.Combine(folder, ReportFiles.AuditPairs));
        if (run.Steps.Count > 1)
        {
            Charts.AllSteps(run, Path.Combine(folder, ReportFiles.AllSteps));
        }
        foreach (var step in run.Steps)
        {
            Charts.Curves(step, "accuracy", Path.Combine(folder, ReportFiles.Accuracy(step.Name)));
            Charts.Curves(step, "loss", Path.Combine(folder, ReportFiles.Loss(step.Name)));
            if (step.Rebalance is { } added)
            {
                SampleGrid.Write(run.Dataset.Classes, added.Samples, run.Dataset.ImageHeight, run.Dataset.ImageWidth, Path.Combine(folder, ReportFiles.Generated(step.Name)));
            }
            var sets = new[] { step.Validation, step.Test }.OfType<Evaluation.SetEvaluation>().ToList();
            foreach (var set in sets)
            {
                EvaluationCharts.Confusion(set, $"{step.Name}: confusion matrix ({set.Set})", Path.Combine(folder, ReportFiles.Confusion(step.Name, set.Set)));
            }
        }
        MistakeGalleries.Write(run, folder);
        GradCamGallery.Write(run, folder);
        ReliabilityChart.Write(Labelled(run), Path.Combine(folder, ReportFiles.ReliabilitySteps));
        if (run.Steps[0].Validation.Positive is { } first)
        {
            EvaluationCharts.RocCurves(Labelled(run), $"{first.PositiveClass} vs rest, every step", Path.Combine(folder, ReportFiles.RocSteps));
            PrecisionRecallChart.Write(Labelled(run), $"{first.PositiveClass} precision-recall, every step", Path.Combine(folder, ReportFiles.PrecisionRecallSteps));
        }
        ReportFolderWriter.Write(run, folder);
        File.WriteAllText(Path.Combine(folder, ReportFiles.Readme), MarkdownReport.Render(run, kept ?? []));
    }

    /// <summary>Every step's evaluations, labelled for a chart legend ("base validation"; the set alone for a single step).</summary>
    private static List<(string, Evaluation.SetEvaluation)> Labelled(RunResult run) =>
        run.Steps.SelectMany(s => new[] { s.Validation, s.Test }.OfType<Evaluation.SetEvaluation>().Select(e => (run.Steps.Count == 1 ? e.Set : $"{s.Name} {e.Set}", e))).ToList();
}
