namespace MelanomaExp.Results;

// verify's result model: Verification computes it, Reporting renders it (VERIFY.md), so it lives below both.

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

    /// <summary>The difference in seed sds, in words ("0.4 sd of 5 seeds (within the ±3.93 sd band)"), when a seed study measured it; the judge writes it, the report prints it.</summary>
    public string? SpreadDescription { get; init; }
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

    /// <summary>Timings and curve points (ROC, reliability bins, precision-recall), deliberately not compared.</summary>
    public int LeftOut { get; init; }

    /// <summary>The seed study the differences were judged against, if one was found.</summary>
    public string? SeedStudy { get; init; }

    /// <summary>The numerics properties (CPU family and instruction-set level, torch threads, libtorch) on which the rerun differs; empty: the same numerics.</summary>
    public IReadOnlyList<EnvironmentDifference> Numerics { get; init; } = [];

    public bool SameNumerics => Numerics.Count == 0;

    /// <summary>What the integrity check found wrong with the committed report before any rerun (Verification's <c>ReportIntegrity</c>); non-empty: not reproduced, nothing rerun.</summary>
    public IReadOnlyList<string> Integrity { get; init; } = [];

    /// <summary>On other numerics, no seed spread was found or measured (<c>verify --seeds 0</c>): the headline figures were judged by the fixed tolerances alone.</summary>
    public bool SeedsSkipped { get; init; }

    /// <summary>Each step's validation and test answers paired image by image with the rerun's (empty when a side has no predictions.csv).</summary>
    public IReadOnlyList<ImagePairs> Pairs { get; init; } = [];

    /// <summary>What the integrity check could not check (a report from before checksums), or null.</summary>
    public string? IntegrityNote { get; init; }

    /// <summary>
    /// On the same numerics, anything short of bit-identity is not reproduced: nothing but a change can explain it.
    /// On other numerics, a rerun behaves like a nearby seed: the headline figures decide (within tolerance or the
    /// measured seed spread), while per-class figures, confusion cells and per-epoch figures, where one image changing
    /// answer moves a figure by more than any tolerance, are shown but do not decide; counts, labels and a figure
    /// missing on either side still must agree.
    /// </summary>
    public bool Reproduced => Integrity.Count == 0 && Figures.Count > 0 && (SameNumerics
        ? Figures.All(f => f.Verdict == Verdict.Identical) && Checks.All(c => c.Verdict == Verdict.Identical)
        : Figures.Where(Decides).All(f => f.Verdict != Verdict.NotReproduced) && Checks.All(c => c.Verdict != Verdict.NotReproduced));

    /// <summary>Whether a figure decides the verdict on other numerics: data counts and labels, and any figure missing on one side (the kept epoch may move like any per-epoch figure).</summary>
    public static bool Decides(FigureCheck f) => (f.Kind is "count" or "structure" && !f.Path.EndsWith(".epoch", StringComparison.Ordinal)) || f.Committed == "(missing)" || f.Reproduced == "(missing)" || !double.TryParse(f.Committed, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>The one line that says why the verdict is what it is.</summary>
    public string Reason
    {
        get
        {
            if (Integrity.Count > 0)
            {
                return $"the committed report was edited or damaged, so it was not rerun: {Integrity[0]}{(Integrity.Count > 1 ? $" (and {Integrity.Count - 1} more)" : "")}";
            }
            if (SameNumerics)
            {
                var first = Figures.FirstOrDefault(f => f.Verdict != Verdict.Identical);
                return first is null && Checks.All(c => c.Verdict == Verdict.Identical)
                    ? "same numerics, every figure bit-identical"
                    : $"same numerics (CPU, instruction set, torch threads, libtorch), so the figures must be bit-identical; first that differs: {first?.Path ?? Checks.First(c => c.Verdict != Verdict.Identical).Metric}";
            }
            var numerics = string.Join(", ", Numerics.Select(n => $"{n.Property} {n.Committed} -> {n.Reproduced}"));
            var headline = Checks.FirstOrDefault(c => c.Verdict == Verdict.NotReproduced);
            var deciding = Figures.FirstOrDefault(f => Decides(f) && f.Verdict == Verdict.NotReproduced);
            var judge = SeedStudy is null ? "the fixed tolerances (no seed study found, and no seeds run: the verdict rests on tolerances)" : "the seed-to-seed spread of " + SeedStudy;
            return headline is not null ? $"other numerics ({numerics}): {headline.Step} {headline.Metric} is beyond {judge}"
                : deciding is not null ? $"other numerics ({numerics}): {deciding.Path} differs and must not"
                : $"other numerics ({numerics}): every headline figure within {judge}; {Figures.Count(f => !Decides(f) && f.Verdict == Verdict.NotReproduced)} per-class, confusion or per-epoch figures moved and do not decide";
        }
    }

    public string Summary => Integrity.Count > 0 ? $"nothing compared: the integrity check found {Integrity.Count} problem{(Integrity.Count == 1 ? "" : "s")} with the committed report" : $"compared {Figures.Count} figures of metrics.json: {Figures.Count(f => f.Verdict == Verdict.Identical)} identical, " +
        $"{Figures.Count(f => f.Verdict == Verdict.WithinTolerance)} within tolerance, {Figures.Count(f => f.Verdict == Verdict.NotReproduced)} not reproduced " +
        $"({LeftOut} timings and curve points not compared)";
}
