namespace MelanomaExp.Verification;

public enum Verdict
{
    Identical,
    WithinTolerance,
    NotReproduced,
}

/// <summary>One metric of one step: committed against reproduced.</summary>
public sealed record MetricCheck(string Step, string Metric, double? Committed, double? Reproduced, double Tolerance, Verdict Verdict)
{
    public double? Difference => Committed is { } c && Reproduced is { } r ? r - c : null;
}

/// <summary>An environment property that differs between the committed run and this one.</summary>
public sealed record EnvironmentDifference(string Property, string Committed, string Reproduced);

public sealed record VerificationResult(string ReportDir, IReadOnlyList<MetricCheck> Checks, IReadOnlyList<EnvironmentDifference> Environment)
{
    public bool Reproduced => Checks.All(c => c.Verdict != Verdict.NotReproduced);
}
