using System.Text.Json;
using System.Text.Json.Nodes;
using MelanomaExp.Training;

namespace MelanomaExp.Results;

/// <summary>The machine-readable result. Accuracies are fractions 0..1; field names are snake_case.</summary>
internal static class MetricsJson
{
    public static string Render(RunResult run)
    {
        var e = run.Experiment;
        var d = run.Dataset;
        var doc = new JsonObject
        {
            ["experiment"] = new JsonObject
            {
                ["name"] = e.Name,
                ["hash"] = e.Hash,
                ["seed"] = e.Seed,
                ["source"] = e.SourcePath,
                ["resolved_yaml"] = e.ResolvedYaml,
            },
            ["tool_version"] = run.Environment.ToolVersion,
            ["started"] = run.Started.ToString("o"),
            ["finished"] = run.Finished.ToString("o"),
            ["environment"] = JsonSerializer.SerializeToNode(run.Environment, ReportJsonOptions.SnakeCase),
            ["dataset"] = new JsonObject
            {
                ["classes"] = new JsonArray([.. d.Classes.Select(c => (JsonNode?)c)]),
                ["train_counts"] = Counts(d.TrainCounts),
                ["validation_counts"] = Counts(d.ValidationCounts),
                ["test_counts"] = d.TestCounts is null ? null : Counts(d.TestCounts),
                ["skipped_images"] = new JsonArray([.. d.Skipped.Select(s => (JsonNode?)new JsonObject { ["path"] = s.Path, ["reason"] = s.Reason })]),
                ["image_size"] = new JsonArray(d.ImageHeight, d.ImageWidth),
            },
            ["audit"] = AuditJson.Json(d.Audit),
            ["steps"] = new JsonArray([.. run.Steps.Select(Step)]),
            ["comparisons"] = new JsonArray([.. run.Comparisons.Select(c => (JsonNode?)EvaluationJson.Comparison(c))]),
        };
        if (GroupJson.Json(d.Groups) is { } groups)
        {
            doc["groups"] = groups;
        }
        return doc.ToJsonString(ReportJsonOptions.Indented) + "\n";
    }

    private static JsonNode Step(StepResult step) => new JsonObject
    {
        ["name"] = step.Name,
        ["seconds"] = step.Seconds,
        ["model"] = step.ModelDir,
        ["epochs"] = new JsonArray([.. step.Epochs.Select(Epoch)]),
        ["keep"] = step.Spec.Train.Keep.ToString().ToLowerInvariant(),
        ["kept_epoch"] = step.Kept.Epoch,
        ["final"] = new JsonObject
        {
            ["train_loss"] = step.Last.TrainLoss,
            ["train_accuracy"] = step.Last.TrainAccuracy,
            ["val_loss"] = step.Last.ValLoss,
            ["val_accuracy"] = step.Last.ValAccuracy,
        },
        ["train_evaluation_mode"] = step.TrainEvaluation is not { } t ? null : new JsonObject { ["loss"] = t.Loss, ["accuracy"] = t.Accuracy, ["images"] = t.Images },
        ["validation"] = EvaluationJson.Set(step.Validation),
        ["test"] = step.Test is null ? null : EvaluationJson.Set(step.Test),
        ["test_without_train_copies"] = step.TestWithoutTrainCopies is null ? null : EvaluationJson.Set(step.TestWithoutTrainCopies),
    };

    private static JsonNode Epoch(EpochRecord e) => new JsonObject
    {
        ["epoch"] = e.Epoch,
        ["train_loss"] = e.TrainLoss,
        ["train_accuracy"] = e.TrainAccuracy,
        ["val_loss"] = e.ValLoss,
        ["val_accuracy"] = e.ValAccuracy,
        ["seconds"] = e.Seconds,
        ["images_per_second"] = e.ImagesPerSecond,
    };

    private static JsonArray Counts(int[] counts) => new([.. counts.Select(c => (JsonNode?)c)]);
}
