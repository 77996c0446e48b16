using System.Text.Json;
using MelanomaExp.Documents;
using MelanomaExp.Training;

namespace MelanomaExp.Results;

/// <summary>
/// One step of a report as read back: its reuse key and weights hash (manifest), history and metrics (metrics.json).
/// <see cref="Metrics"/> is the step as written, for figures found by path (<see cref="ReportMetric"/>) and verify's
/// figure-by-figure comparison; <see cref="Document"/> is the same step as its record, for what is read by name.
/// </summary>
internal sealed record ReportStep(string Name, string? Key, string? WeightsSha256, double Seconds, IReadOnlyList<EpochRecord> Epochs, JsonElement Metrics)
{
    public required MetricsStep Document { get; init; }
}
