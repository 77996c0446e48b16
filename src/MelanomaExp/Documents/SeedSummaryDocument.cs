using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>seeds.json of <c>run --seeds</c>: the seeds and every metric's statistic over them, step by step.</summary>
internal sealed record SeedSummaryDocument(IReadOnlyList<int> Seeds, IReadOnlyList<SeedMetricDocument> Metrics);

/// <summary>
/// One metric of one step over the seeds. The figures are plain numbers, not nullable: the study runs at least two
/// seeds, so none is NaN, and a NaN here fails loudly rather than being written as null.
/// </summary>
internal sealed record SeedMetricDocument(
    string Step,
    string Metric,
    double Mean,
    double Sd,
    [property: JsonPropertyName("ci95_low")] double Ci95Low,
    [property: JsonPropertyName("ci95_high")] double Ci95High,
    IReadOnlyList<double> Values);
