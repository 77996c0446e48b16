using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>
/// study.json, written by collect (Reporting's StudyReport) and read by verify's seed spread and the results index.
/// Properties are written in declaration order; what readers need is required, the rest may be absent in
/// hand-made or partial studies.
/// </summary>
internal sealed record StudyDocument
{
    public required string Format { get; init; }

    public required string Experiment { get; init; }

    public string? Collected { get; init; }

    public IReadOnlyList<StudyRunDocument>? Runs { get; init; }

    public required IReadOnlyList<StudyCellDocument> Cells { get; init; }

    public IReadOnlyList<StudyComparisonDocument>? Comparisons { get; init; }

    public IReadOnlyList<StudyMachineDocument>? Machines { get; init; }

    public bool? MixedHardware { get; init; }
}

internal sealed record StudyRunDocument(string Id, string Point, int Seed, string Status, string Detail, string? Host);

/// <summary>One metric of one step at one grid point over the seeds; a statistic that is not finite is null.</summary>
internal sealed record StudyCellDocument
{
    public required string Point { get; init; }

    public IReadOnlyList<string>? Grid { get; init; }

    public required string Step { get; init; }

    public required string Metric { get; init; }

    public required int N { get; init; }

    public double? Mean { get; init; }

    public double? Sd { get; init; }

    [JsonPropertyName("ci95_low")]
    public double? Ci95Low { get; init; }

    [JsonPropertyName("ci95_high")]
    public double? Ci95High { get; init; }

    public IReadOnlyList<StudySeedValue>? Values { get; init; }
}

internal sealed record StudySeedValue(int Seed, double Value);

internal sealed record StudyComparisonDocument(
    string Between,
    string A,
    string B,
    string Metric,
    int N,
    double? MeanDifference,
    double? PValue,
    double? PValueHolm,
    int FamilySize,
    string Verdict);

internal sealed record StudyMachineDocument(string Host, string Cpu, int Cores, int TorchThreads, string Device, IReadOnlyList<string> Runs);
