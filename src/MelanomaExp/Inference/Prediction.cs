namespace MelanomaExp.Inference;

/// <summary>One image's classes by probability, and whether the positive class passes the threshold.</summary>
public sealed record Prediction(string Path, IReadOnlyList<(string Class, double Probability)> Top, string? PositiveClass, double? PositiveProbability, bool Flagged);
