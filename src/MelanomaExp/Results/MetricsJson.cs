using System.Text.Json;
using MelanomaExp.Documents;
using MelanomaExp.Training;

namespace MelanomaExp.Results;

/// <summary>metrics.json, the machine-readable result: the <see cref="MetricsDocument"/> of a run, serialised through the report's one context.</summary>
internal static class MetricsJson
{
    public static string Render(RunResult run) => JsonSerializer.Serialize(Document(run), ReportDocumentContext.Default.MetricsDocument) + "\n";

    internal static MetricsDocument Document(RunResult run)
    {
        var e = run.Experiment;
        var d = run.Dataset;
        return new MetricsDocument(
            new MetricsExperiment(e.Name, e.Hash, e.Seed, e.SourcePath, e.ResolvedYaml),
            run.Environment.ToolVersion,
            run.Started.ToString("o"),
            run.Finished.ToString("o"),
            EnvironmentJson.Document(run.Environment),
            new MetricsDataset(
                d.Classes,
                d.TrainCounts,
                d.ValidationCounts,
                d.TestCounts,
                [.. d.Skipped.Select(s => new SkippedImageDocument(s.Path, s.Reason))],
                [d.ImageHeight, d.ImageWidth]),
            AuditJson.Document(d.Audit),
            [.. run.Steps.Select(Step)],
            [.. run.Comparisons.Select(EvaluationJson.Comparison)],
            GroupJson.Document(d.Groups));
    }

    private static MetricsStep Step(StepResult step) => new()
    {
        Name = step.Name,
        Seconds = step.Seconds,
        Model = step.ModelDir,
        Epochs = [.. step.Epochs.Select(Epoch)],
        Keep = step.Spec.Train.Keep.ToString().ToLowerInvariant(),
        KeptEpoch = step.Kept.Epoch,
        Final = new MetricsFinal(step.Last.TrainLoss, step.Last.TrainAccuracy, step.Last.ValLoss, step.Last.ValAccuracy),
        TrainEvaluationMode = step.TrainEvaluation is not { } t ? null : new TrainEvaluationDocument(t.Loss, t.Accuracy, t.Images),
        // No curve points for validation and test: predictions.csv, written beside metrics.json, gives them exactly (verify
        // recomputes every figure from it). The test without its training copies keeps them: it is a pass of its own
        // over fewer images, whose probabilities can differ from the test pass's in the last bits and are not in predictions.csv.
        Validation = EvaluationJson.Set(step.Validation, curvePoints: false),
        Test = step.Test is null ? null : EvaluationJson.Set(step.Test, curvePoints: false),
        TestWithoutTrainCopies = step.TestWithoutTrainCopies is null ? null : EvaluationJson.Set(step.TestWithoutTrainCopies),
    };

    private static MetricsEpoch Epoch(EpochRecord e) => new(e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValLoss, e.ValAccuracy, e.Seconds, e.ImagesPerSecond);
}
