using System.Text.Json;
using MelanomaExp.Training;

namespace MelanomaExp.Results;

/// <summary>One step of a report as read back: its reuse key and weights hash (manifest), history and metrics (metrics.json).</summary>
public sealed record ReportStep(string Name, string? Key, string? WeightsSha256, double Seconds, IReadOnlyList<EpochRecord> Epochs, JsonElement Metrics);
