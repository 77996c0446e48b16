using MelanomaExp.Documents;
using MelanomaExp.Evaluation;

namespace MelanomaExp.Results;

/// <summary>The evaluation and step-comparison blocks of metrics.json (accuracies as fractions 0..1; a figure that is not finite is null).</summary>
internal static class EvaluationJson
{
    /// <param name="e">The evaluation.</param>
    /// <param name="curvePoints">
    /// Whether to write the ROC and precision-recall points. A run's metrics.json does not: predictions.csv beside it gives
    /// both curves exactly, and the points were most of the file (about 45 KB per set and step, twice that indented).
    /// </param>
    public static SetEvaluationDocument Set(SetEvaluation e, bool curvePoints = true) => new()
    {
        Images = e.Images,
        Loss = Finite(e.Loss),
        Accuracy = Finite(e.Metrics.Accuracy),
        BalancedAccuracy = Finite(e.Metrics.BalancedAccuracy),
        MacroF1 = Finite(e.Metrics.MacroF1),
        BalancedAccuracyCi = Interval(e.BalancedAccuracy),
        MacroF1Ci = Interval(e.MacroF1),
        ClassesLeftOutOfMacroAverages = e.Metrics.Absent,
        WeightedF1 = Finite(e.Metrics.WeightedF1),
        PerClass = [.. e.Metrics.PerClass.Select(c => new PerClassDocument(c.Name, Finite(c.Precision), Finite(c.Recall), Finite(c.F1), c.Support))],
        ConfusionMatrix = Matrix(e.Confusion),
        PositiveClass = e.Positive is null ? null : Binary(e.Positive, curvePoints),
        Calibration = e.Calibration is not { } cal ? null : Calibration(cal),
        ByGroup = e.ByGroup is null ? null : GroupJson.Rows(e.ByGroup),
    };

    public static ComparisonDocument Comparison(StepComparison c) => new(
        c.First,
        c.Second,
        c.Set,
        Finite(c.FirstAccuracy),
        Finite(c.SecondAccuracy),
        c.Test.OnlyFirstRight,
        c.Test.OnlySecondRight,
        Finite(c.Test.PValue),
        c.Test.Method,
        c.Auc is not { } a ? null : new AucComparisonDocument(Finite(a.DeLong.FirstAuc), Finite(a.DeLong.SecondAuc), Interval(a.Difference), Finite(a.DeLong.Z), Finite(a.DeLong.PValue)));

    /// <summary>The value, or null when it is NaN or infinite (JSON has no spelling for them).</summary>
    public static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static CalibrationDocument Calibration(Calibration c) => new(
        c.BinCount,
        "equal-width bins over the top-class probability",
        Finite(c.ExpectedError),
        Finite(c.MeanConfidence),
        [.. c.Bins.Select(b => new ReliabilityBinDocument(b.Lower, b.Upper, b.Count, Finite(b.MeanConfidence), Finite(b.Accuracy)))]);

    private static PositiveClassDocument Binary(BinaryEvaluation b, bool curvePoints) => new()
    {
        Class = b.PositiveClass,
        Positives = b.Positives,
        Negatives = b.Negatives,
        Sensitivity = Interval(b.Sensitivity),
        Specificity = Interval(b.Specificity),
        RocAuc = Interval(b.Auc),
        YoudenThreshold = Finite(b.YoudenThreshold),
        AveragePrecision = Interval(b.AveragePrecision),
        OperatingPoint = b.Operating is not { } o ? null : new OperatingPointDocument(Finite(o.Threshold), o.ChosenOnThisSet, Interval(o.Sensitivity), Interval(o.Specificity)),
        // A point at an infinite threshold (the curve's start) has no JSON spelling; the curve is drawn from the rest.
        Roc = !curvePoints ? null : [.. b.Roc.Where(p => double.IsFinite(p.Threshold)).Select(p => (IReadOnlyList<double?>)[Finite(p.Threshold), Finite(p.FalsePositiveRate), Finite(p.TruePositiveRate)])],
        // [threshold, recall, precision], highest threshold first.
        PrecisionRecall = !curvePoints ? null : [.. b.PrecisionRecall.Select(p => (IReadOnlyList<double?>)[Finite(p.Threshold), Finite(p.Recall), Finite(p.Precision)])],
    };

    private static IntervalDocument Interval(Interval i) => new(Finite(i.Value), Finite(i.Low), Finite(i.High));

    private static List<IReadOnlyList<int>> Matrix(ConfusionMatrix m) =>
        [.. Enumerable.Range(0, m.Classes).Select(r => (IReadOnlyList<int>)[.. Enumerable.Range(0, m.Classes).Select(c => m.Counts[r, c])])];
}
