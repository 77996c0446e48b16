namespace MelanomaExp.Evaluation;

/// <summary>
/// One class against the rest (melanoma by default). <paramref name="Sensitivity"/> and
/// <paramref name="Specificity"/> use the model's own decision (the positive class has the highest
/// probability); <paramref name="Operating"/> uses the probability threshold that <c>predict</c> uses;
/// ROC and AUC use the positive class's probability. <paramref name="YoudenThreshold"/> is the
/// probability cut that maximises sensitivity + specificity on this set.
/// </summary>
public sealed record BinaryEvaluation(
    string PositiveClass,
    int Positives,
    int Negatives,
    Interval Sensitivity,
    Interval Specificity,
    Interval Auc,
    double YoudenThreshold,
    IReadOnlyList<RocPoint> Roc)
{
    /// <summary>Sensitivity and specificity when an image counts as positive at or above the operating threshold.</summary>
    public OperatingPoint? Operating { get; init; }

    /// <summary>Precision-recall curve of the positive class's probability, highest threshold first.</summary>
    public IReadOnlyList<PrecisionRecallPoint> PrecisionRecall { get; init; } = [];

    /// <summary>Average precision (area under the step-wise precision-recall curve) with its bootstrap interval.</summary>
    public Interval AveragePrecision { get; init; } = new(double.NaN, double.NaN, double.NaN);

    /// <summary>The positive class's probability per image, in the set's order (for paired tests between steps).</summary>
    public IReadOnlyList<double> Scores { get; init; } = [];

    /// <summary>Whether each image is of the positive class, in the set's order.</summary>
    public IReadOnlyList<bool> Truth { get; init; } = [];

    /// <summary>
    /// Below this many images on either side, reports draw no ROC and table no ROC AUC or specificity:
    /// with 4 negatives one image moves specificity by 25 points, and the curve is a staircase of 4 steps.
    /// The figures stay in metrics.json, the data; it is their reading that needs the images.
    /// </summary>
    public const int MinPerSide = 10;

    /// <summary>Whether both sides have <see cref="MinPerSide"/> images: whether ROC, AUC and specificity are worth showing.</summary>
    public bool Rankable => Positives >= MinPerSide && Negatives >= MinPerSide;
}

/// <summary>
/// A probability threshold and what it gives on a set. <paramref name="ChosenOnThisSet"/> is true when the
/// threshold was chosen on these very images (then the figures are optimistic), false when it came from
/// elsewhere (validation, for the test set).
/// </summary>
public sealed record OperatingPoint(double Threshold, bool ChosenOnThisSet, Interval Sensitivity, Interval Specificity);
