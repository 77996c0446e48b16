using MelanomaExp.Evaluation;

namespace MelanomaExp.Results;

/// <summary>McNemar's test between two consecutive steps' predictions on the same images.</summary>
public sealed record StepComparison(string First, string Second, string Set, double FirstAccuracy, double SecondAccuracy, McNemar Test)
{
    /// <summary>The positive class's ROC AUC compared (DeLong and paired bootstrap); null without a positive class.</summary>
    public AucComparison? Auc { get; init; }
}
