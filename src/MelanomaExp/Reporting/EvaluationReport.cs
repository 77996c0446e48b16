using System.Text;
using System.Text.Json;
using MelanomaExp.Documents;
using MelanomaExp.Evaluation;
using MelanomaExp.Models;
using MelanomaExp.Results;
using MelanomaExp.Safety;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>The report of <c>evaluate</c>: a saved model on one folder of images (README.md, metrics.json, charts).</summary>
public static class EvaluationReport
{
    public static void Write(ModelCard card, string modelPath, string dataDir, SetEvaluation e, OutputFolder output)
    {
        using var staging = ReportStaging.Begin(output);
        const string step = "model";
        var md = new StringBuilder();
        md.AppendLine(Inv($"# Evaluation of `{card.Experiment}/{card.Step}` on `{dataDir}`"));
        md.AppendLine();
        md.AppendLine(Inv($"Model `{modelPath}` ({card.Arch}, {card.ImageHeight}x{card.ImageWidth}, experiment hash `{card.ExperimentHash}`, trained with melanoma-exp {card.ToolVersion})."));
        md.AppendLine();
        if (e.Skipped.Count > 0)
        {
            // Said before the figures, which are of the other images only.
            md.AppendLine(Inv($"{e.Skipped.Count} unreadable file(s) were skipped (`--skip-bad-images`); the figures below leave them out:"));
            md.AppendLine();
            foreach (var s in e.Skipped)
            {
                md.AppendLine(Inv($"- `{s.Path}`: {s.Reason}"));
            }
            md.AppendLine();
        }
        EvaluationMarkdown.Summary(md, [(step, e)]);
        EvaluationMarkdown.Details(md, step, e);
        EvaluationCharts.Confusion(e, $"confusion matrix ({e.Set})", Path.Combine(staging.Path, ReportFiles.Confusion(step, e.Set)));
        if (e.Positive is not null)
        {
            if (e.Positive.Rankable)
            {
                EvaluationCharts.RocCurves([e], $"{e.Positive.PositiveClass} vs rest", Path.Combine(staging.Path, ReportFiles.Roc(step)));
            }
            PrecisionRecallChart.Write([(e.Set, e)], $"{e.Positive.PositiveClass} precision-recall", Path.Combine(staging.Path, ReportFiles.PrecisionRecallSteps));
            md.AppendLine(e.Positive.Rankable
                ? Inv($"![ROC]({ReportFiles.Roc(step)}) ![precision-recall]({ReportFiles.PrecisionRecallSteps})")
                : Inv($"![precision-recall]({ReportFiles.PrecisionRecallSteps})"));
            md.AppendLine();
            md.AppendLine(Inv($"Average precision of {e.Positive.PositiveClass}: {SummaryMarkdown.Ci(e.Positive.AveragePrecision, percent: false)}."));
            md.AppendLine();
        }
        CalibrationMarkdown.Write(md, [(step, e)], ReportFiles.ReliabilitySteps);
        ReliabilityChart.Write([(e.Set, e)], Path.Combine(staging.Path, ReportFiles.ReliabilitySteps));
        File.WriteAllText(Path.Combine(staging.Path, ReportFiles.Readme), md.ToString());
        File.WriteAllText(Path.Combine(staging.Path, ReportFiles.Metrics), MetricsJson(modelPath, dataDir, card.ExperimentHash, e));
        staging.Commit();
    }

    /// <summary>evaluate's metrics.json: the model, the folder, and the evaluation block a run's metrics.json holds per set.</summary>
    internal static string MetricsJson(string modelPath, string dataDir, string experimentHash, SetEvaluation e) =>
        JsonSerializer.Serialize(
            new EvaluationDocument(modelPath, dataDir, experimentHash, EvaluationJson.Set(e), [.. e.Skipped.Select(s => new SkippedImageDocument(s.Path, s.Reason))]),
            ReportDocumentContext.Default.EvaluationDocument) + "\n";
}
