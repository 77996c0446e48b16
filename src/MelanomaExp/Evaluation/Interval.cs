namespace MelanomaExp.Evaluation;

/// <summary>A point estimate with a confidence interval (NaN bounds when it cannot be estimated).</summary>
public sealed record Interval(double Value, double Low, double High);
