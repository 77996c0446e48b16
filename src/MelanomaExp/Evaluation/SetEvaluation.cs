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
    /// <summary>Files of the set left out as unreadable (<c>--skip-bad-images</c>): the figures are of the others only.</summary>
    public IReadOnlyList<Data.BadImage> Skipped { get; init; } = [];

    /// <summary>Results per group (<c>data.groups</c>); null when the experiment has no groups.</summary>
    public IReadOnlyList<GroupMetrics>? ByGroup { get; init; }

    /// <summary>Class probabilities per image, in the set's order (calibration, most confident mistakes).</summary>
    public IReadOnlyList<float[]> Probabilities { get; init; } = [];

    /// <summary>Reliability of the top-class probability (equal-width confidence bins, expected calibration error).</summary>
    public Calibration? Calibration { get; init; }

    /// <summary>Balanced accuracy with its bootstrap interval (over the classes present in the set).</summary>
    public Interval BalancedAccuracy { get; init; } = new(double.NaN, double.NaN, double.NaN);

    /// <summary>Macro F1 with its bootstrap interval (over the classes present in the set).</summary>
    public Interval MacroF1 { get; init; } = new(double.NaN, double.NaN, double.NaN);
}
