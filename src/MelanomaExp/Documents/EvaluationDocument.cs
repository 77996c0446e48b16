namespace MelanomaExp.Documents;

/// <summary>
/// metrics.json of <c>evaluate</c> (a saved model on one folder of images), a schema of its own beside the run's.
/// The evaluation block is the one a run's metrics.json holds per set.
/// </summary>
internal sealed record EvaluationDocument(
    string Model,
    string Data,
    string? ExperimentHash,
    SetEvaluationDocument Evaluation,
    IReadOnlyList<SkippedImageDocument> SkippedImages);
