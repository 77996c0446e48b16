using System.Text;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting.Sections;

/// <summary>One row per step of the kept epoch's figures, and the chart that puts every step on one epoch axis.</summary>
internal sealed class TrainingSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run)
    {
        md.AppendLine("## Training");
        md.AppendLine();
        var hasTest = run.Steps.Any(s => s.Test is not null);
        md.AppendLine("| step | epochs (kept) | running train accuracy, training mode | train accuracy, evaluation mode | validation accuracy | train − validation (evaluation mode) | validation loss |" + (hasTest ? " test accuracy |" : "") + " time |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |" + (hasTest ? " ---: |" : "") + " ---: |");
        foreach (var s in run.Steps)
        {
            var test = hasTest ? (s.Test is null ? " – |" : $" {Pct(s.Test.Metrics.Accuracy)} |") : "";
            var kept = s.Kept;
            var evalTrain = s.TrainEvaluation is { } t ? Pct(t.Accuracy) : "–";
            var gap = s.TrainEvaluation is { } g ? Inv($"{(g.Accuracy - s.Validation.Metrics.Accuracy) * 100:0.00} pts") : "–";
            md.AppendLine(Inv($"| {s.Name} | {s.Epochs.Count} ({kept.Epoch}) | {Pct(kept.TrainAccuracy)}{(TrainingModeDiffers(s) ? "*" : "")} | {evalTrain} | {Pct(s.Validation.Metrics.Accuracy)} | {gap} | {s.Validation.Loss:0.0000} |{test} {Duration(TimeSpan.FromSeconds(s.Seconds))} |"));
        }
        md.AppendLine();
        if (run.Steps.Count > 1)
        {
            md.AppendLine(Inv($"![Training and validation accuracy of every step]({ReportFiles.AllSteps})"));
            md.AppendLine();
            md.AppendLine("The chart puts every step on one epoch axis from 0 to 100%: each step starts at epoch 1 from fresh weights, and a square marks where each ends. Its training curves are the running training-mode averages (dashed).");
            md.AppendLine();
        }
        var marked = run.Steps.Where(TrainingModeDiffers).Select(s => $"`{s.Name}`").ToList();
        md.AppendLine("All figures are those of the kept epoch's weights (`train.keep`: the last epoch unless `best`, the epoch with the lowest validation loss, whose validation figures are then chosen on validation and optimistic). "
            + "The running train accuracy is the average over the epoch's batches, measured while training in training mode as the weights change"
            + (marked.Count == 0 ? "" : $"; marked * where that mode differs from evaluation ({string.Join(", ", marked)}: augmented batches and/or dropout), so it is not comparable with validation accuracy")
            + ". Train accuracy in evaluation mode scores the kept weights on the step's training images (generated ones included), unaugmented and without dropout, exactly as validation is scored: the train − validation gap uses it.");
        md.AppendLine();
        md.AppendLine("Trained models (weights not committed, too large): " + string.Join(", ", run.Steps.Select(s => $"`{s.ModelDir}/`")) + ".");
        md.AppendLine();
    }

    public IEnumerable<SectionFile> Files(RunResult run)
    {
        // One step has its own curves chart; a chart of every step would repeat it.
        if (run.Steps.Count > 1)
        {
            yield return new(ReportFiles.AllSteps, path => Charts.AllSteps(run, path));
        }
    }

    private static bool TrainingModeDiffers(StepResult s) => s.Spec.Augment is not null || s.Spec.Model.Dropout > 0;
}
