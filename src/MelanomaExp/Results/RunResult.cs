using MelanomaExp.Config;
using MelanomaExp.Provenance;

namespace MelanomaExp.Results;

/// <summary>Everything a finished run produced; the report is rendered from this alone.</summary>
public sealed record RunResult(
    Experiment Experiment,
    EnvironmentInfo Environment,
    DatasetSummary Dataset,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<StepComparison> Comparisons,
    DateTimeOffset Started,
    DateTimeOffset Finished)
{
    /// <summary>Commit, data fingerprints, package versions, step timings; null only in hand-made results.</summary>
    public RunProvenance? Provenance { get; init; }
}
