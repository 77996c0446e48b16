namespace MelanomaExp.Evaluation;

/// <summary>A model's evaluation on one set of images (validation, test, or a folder given to <c>evaluate</c>).</summary>
public sealed record SetEvaluation(
    string Set,
    int Images,
    double Loss,
    ClassificationMetrics Metrics,
    ConfusionMatrix Confusion,
    BinaryEvaluation? Positive,
    IReadOnlyList<int> Labels,
    IReadOnlyList<int> Predictions)
{
    /// <summary>Results per group (<c>data.groups</c>); null when the experiment has no groups.</summary>
    public IReadOnlyList<GroupMetrics>? ByGroup { get; init; }
}
