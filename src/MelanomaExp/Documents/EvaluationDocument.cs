using System.Text.Json.Nodes;

namespace MelanomaExp.Documents;

/// <summary>
/// metrics.json of <c>evaluate</c> (a saved model on one folder of images), a schema of its own beside the run's.
/// The evaluation block is the same one a run's metrics.json holds per set (Results' EvaluationJson), kept as built.
/// </summary>
internal sealed record EvaluationDocument(
    string Model,
    string Data,
    string? ExperimentHash,
    JsonObject Evaluation,
    IReadOnlyList<SkippedImageDocument> SkippedImages);

internal sealed record SkippedImageDocument(string Path, string Reason);
