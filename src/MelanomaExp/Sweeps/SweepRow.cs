namespace MelanomaExp.Sweeps;

/// <summary>
/// One run of a sweep. <see cref="Id"/> is derived from the grid overrides and the seed only, so the
/// same sweep planned again (or extended) gives the same ids and finds its earlier run folders.
/// </summary>
public sealed record SweepRow(string Id, string Point, IReadOnlyList<string> Grid, int Seed, string ExperimentHash, double? EstimatedCpuHours);
