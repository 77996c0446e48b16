namespace MelanomaExp.Sweeps;

/// <summary>What clusters ask of a job; null leaves the cluster's default.</summary>
internal sealed record SlurmOptions
{
    public string? Partition { get; init; }

    public string? Time { get; init; }

    public int? CpusPerTask { get; init; }

    public string? Memory { get; init; }

    public string? Gres { get; init; }

    public string? Account { get; init; }

    /// <summary>Further <c>#SBATCH</c> arguments, written as given (e.g. <c>--qos=low</c>).</summary>
    public IReadOnlyList<string> Extra { get; init; } = [];

    /// <summary>How the nodes start melanoma-exp (e.g. <c>/opt/melanoma-exp/melanoma-exp</c>).</summary>
    public IReadOnlyList<string> Command { get; init; } = ["melanoma-exp"];
}
