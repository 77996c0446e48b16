namespace MelanomaExp.Results;

// compare's result model: Verification computes it, Reporting writes it (COMPARE.md and the charts), so it lives below both.

/// <summary>Two report folders side by side: <c>compare A B</c>.</summary>
/// <param name="A">The first report folder, as given.</param>
/// <param name="B">The second report folder, as given.</param>
public sealed record ReportComparisonResult(string A, string B)
{
    /// <summary>Every headline figure of A's steps with B's, left out where neither has it.</summary>
    public IReadOnlyList<ComparedFigure> Figures { get; init; } = [];

    /// <summary>The numerics properties on which the two differ; empty: the same numerics.</summary>
    public IReadOnlyList<EnvironmentDifference> Numerics { get; init; } = [];

    /// <summary>What the integrity check found wrong with either report ("A" or "B", the problem).</summary>
    public IReadOnlyList<(string Report, string Problem)> Integrity { get; init; } = [];

    /// <summary>Each step's validation and test answers paired image by image (empty when a side has no predictions.csv).</summary>
    public IReadOnlyList<ImagePairs> Pairs { get; init; } = [];

    /// <summary>Every provenance property on which the two differ.</summary>
    public IReadOnlyList<EnvironmentDifference> Environment { get; init; } = [];

    /// <summary>A's steps, each with its validation accuracy per epoch in both.</summary>
    public IReadOnlyList<ValidationCurves> Curves { get; init; } = [];
}

/// <summary>One figure of one step in A and in B (null where a side lacks it).</summary>
public sealed record ComparedFigure(string Step, string Metric, double? A, double? B);

/// <summary>A step's validation accuracy per epoch in percent, in A and in B (null when B has no such step).</summary>
public sealed record ValidationCurves(string Step, double[] A, double[]? B);
