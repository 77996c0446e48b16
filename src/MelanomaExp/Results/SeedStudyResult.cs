namespace MelanomaExp.Results;

/// <summary>A seed study: the seeds it ran and every metric's statistic over them, step by step.</summary>
public sealed record SeedStudyResult(IReadOnlyList<int> Seeds, IReadOnlyList<SeedStatistic> Statistics);
