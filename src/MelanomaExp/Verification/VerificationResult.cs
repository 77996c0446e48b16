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

/// <param name="ReportDir">The verified report.</param>
/// <param name="Checks">The headline metrics per step, for the table people read.</param>
/// <param name="Environment">What differs between the committed run's environment and this one.</param>
public sealed record VerificationResult(string ReportDir, IReadOnlyList<MetricCheck> Checks, IReadOnlyList<EnvironmentDifference> Environment)
{
    /// <summary>Every figure of metrics.json; the verdict rests on these.</summary>
    public IReadOnlyList<FigureCheck> Figures { get; init; } = [];

    /// <summary>Timings and ROC curve points, deliberately not compared.</summary>
    public int LeftOut { get; init; }

    /// <summary>The seed study the differences were judged against, if one was found.</summary>
    public string? SeedStudy { get; init; }

    public bool Reproduced => Figures.Count > 0
        && Figures.All(f => f.Verdict != Verdict.NotReproduced)
        && Checks.All(c => c.Verdict != Verdict.NotReproduced);

    public string Summary => $"compared {Figures.Count} figures of metrics.json: {Figures.Count(f => f.Verdict == Verdict.Identical)} identical, " +
        $"{Figures.Count(f => f.Verdict == Verdict.WithinTolerance)} within tolerance, {Figures.Count(f => f.Verdict == Verdict.NotReproduced)} not reproduced " +
        $"({LeftOut} timings and ROC curve points not compared)";
}
