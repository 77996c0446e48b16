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

    /// <summary>The positive class's probability per image, in the set's order (for paired tests between steps).</summary>
    public IReadOnlyList<double> Scores { get; init; } = [];

    /// <summary>Whether each image is of the positive class, in the set's order.</summary>
    public IReadOnlyList<bool> Truth { get; init; } = [];
}

/// <summary>
/// A probability threshold and what it gives on a set. <paramref name="ChosenOnThisSet"/> is true when the
/// threshold was chosen on these very images (then the figures are optimistic), false when it came from
/// elsewhere (validation, for the test set).
/// </summary>
public sealed record OperatingPoint(double Threshold, bool ChosenOnThisSet, Interval Sensitivity, Interval Specificity);
