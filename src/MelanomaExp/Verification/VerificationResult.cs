namespace MelanomaExp.Verification;

public enum Verdict
{
    Identical,
    WithinTolerance,

    /// <summary>Outside the fixed tolerance, but no further from the committed value than another seed's run would be.</summary>
    WithinSeedSpread,
    NotReproduced,
}

/// <summary>One metric of one step: committed against reproduced.</summary>
public sealed record MetricCheck(string Step, string Metric, double? Committed, double? Reproduced, double Tolerance, Verdict Verdict)
{
    public double? Difference => Committed is { } c && Reproduced is { } r ? r - c : null;

    /// <summary>The seed-to-seed standard deviation of this figure, when a seed study measured it.</summary>
    public double? SeedSd { get; init; }

    public int Seeds { get; init; }
}

/// <summary>An environment property that differs between the committed run and this one.</summary>
public sealed record EnvironmentDifference(string Property, string Committed, string Reproduced);

public sealed record VerificationResult(string ReportDir, IReadOnlyList<MetricCheck> Checks, IReadOnlyList<EnvironmentDifference> Environment)
{
    /// <summary>The seed study the differences were judged against, if one was found.</summary>
    public string? SeedStudy { get; init; }

    public bool Reproduced => Checks.All(c => c.Verdict != Verdict.NotReproduced);
}
