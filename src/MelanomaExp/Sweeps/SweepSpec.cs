namespace MelanomaExp.Sweeps;

/// <summary>What a sweep varies: the seeds, and a grid of overrides whose every combination is run with every seed.</summary>
internal sealed record SweepSpec(IReadOnlyList<int> Seeds, IReadOnlyList<GridAxis> Grid)
{
    /// <summary>The figure the study is about, declared before it runs (<c>sweep.primary</c>); null: none declared.</summary>
    public string? Primary { get; init; }
}
