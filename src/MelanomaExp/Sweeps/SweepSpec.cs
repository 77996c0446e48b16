namespace MelanomaExp.Sweeps;

/// <summary>What a sweep varies: the seeds, and a grid of overrides whose every combination is run with every seed.</summary>
internal sealed record SweepSpec(IReadOnlyList<int> Seeds, IReadOnlyList<GridAxis> Grid);
