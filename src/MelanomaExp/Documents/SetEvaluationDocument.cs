using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>
/// One evaluation of a set of images: a step's validation and test in a run's metrics.json, the whole of evaluate's.
/// Figures that are not finite are null. The intervals, the classes left out and calibration came after the first
/// reports, which lack them.
/// </summary>
internal sealed record SetEvaluationDocument
{
    public required int Images { get; init; }

    public required double? Loss { get; init; }

    public required double? Accuracy { get; init; }

    public required double? BalancedAccuracy { get; init; }

    public required double? MacroF1 { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntervalDocument? BalancedAccuracyCi { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntervalDocument? MacroF1Ci { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ClassesLeftOutOfMacroAverages { get; init; }

    public required double? WeightedF1 { get; init; }

    public required IReadOnlyList<PerClassDocument> PerClass { get; init; }

    public required IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix { get; init; }

    public required PositiveClassDocument? PositiveClass { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Recorded<CalibrationDocument> Calibration { get; init; }

    /// <summary>Only experiments with groups have the key, so other metrics.json files stay as they were.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<GroupFiguresDocument>? ByGroup { get; init; }
}

internal sealed record PerClassDocument(string Class, double? Precision, double? Recall, double? F1, int Support);

/// <summary>A figure with its bootstrap 95% interval.</summary>
internal sealed record IntervalDocument(
    double? Value,
    [property: JsonPropertyName("ci95_low")] double? Ci95Low,
    [property: JsonPropertyName("ci95_high")] double? Ci95High);

/// <summary>
/// The positive class (melanoma) against the rest. <see cref="Roc"/> rows are [threshold, false positive rate, true
/// positive rate]; <see cref="PrecisionRecall"/> rows [threshold, recall, precision], highest threshold first.
/// </summary>
internal sealed record PositiveClassDocument
{
    public required string Class { get; init; }

    public required int Positives { get; init; }

    public required int Negatives { get; init; }

    public required IntervalDocument Sensitivity { get; init; }

    public required IntervalDocument Specificity { get; init; }

    public required IntervalDocument RocAuc { get; init; }

    public required double? YoudenThreshold { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntervalDocument? AveragePrecision { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Recorded<OperatingPointDocument> OperatingPoint { get; init; }

    /// <summary>Null in a run's metrics.json: its predictions.csv gives the curve exactly (evaluate's metrics.json, which has no predictions.csv beside it, keeps it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IReadOnlyList<double?>>? Roc { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IReadOnlyList<double?>>? PrecisionRecall { get; init; }
}

internal sealed record OperatingPointDocument(double? Threshold, bool ChosenOnThisSet, IntervalDocument Sensitivity, IntervalDocument Specificity);

/// <summary>The bin table is under <c>reliability</c>, which verify leaves out as it does ROC points: the ECE summarises it.</summary>
internal sealed record CalibrationDocument(int Bins, string Binning, double? ExpectedCalibrationError, double? MeanConfidence, IReadOnlyList<ReliabilityBinDocument> Reliability);

internal sealed record ReliabilityBinDocument(double Lower, double Upper, int Images, double? MeanConfidence, double? Accuracy);
