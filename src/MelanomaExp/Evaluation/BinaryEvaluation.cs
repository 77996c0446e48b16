namespace MelanomaExp.Evaluation;

/// <summary>
/// One class against the rest (melanoma by default). Sensitivity and specificity use the model's own
/// decision (the positive class has the highest probability); ROC and AUC use the positive class's
/// probability. <paramref name="YoudenThreshold"/> is the probability cut that maximises
/// sensitivity + specificity on this set.
/// </summary>
public sealed record BinaryEvaluation(
    string PositiveClass,
    int Positives,
    int Negatives,
    Interval Sensitivity,
    Interval Specificity,
    Interval Auc,
    double YoudenThreshold,
    IReadOnlyList<RocPoint> Roc);
