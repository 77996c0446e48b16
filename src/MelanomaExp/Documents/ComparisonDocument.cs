using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>Two steps of a run compared on the same images: McNemar's test on their answers and, with a positive class, DeLong's on their ROC AUCs.</summary>
internal sealed record ComparisonDocument(
    string First,
    string Second,
    string Set,
    double? FirstAccuracy,
    double? SecondAccuracy,
    int OnlyFirstRight,
    int OnlySecondRight,
    double? McnemarP,
    string Method,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Recorded<AucComparisonDocument> RocAuc = default);

internal sealed record AucComparisonDocument(double? First, double? Second, IntervalDocument Difference, double? DelongZ, double? DelongP);
