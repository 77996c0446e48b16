namespace MelanomaExp.Sweeps;

/// <summary>How to carry out a planned sweep.</summary>
public sealed record SweepRequest(string Dir, SweepPlan Plan, SweepBackend Backend)
{
    /// <summary>Runs at once with the local backend.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Print the plan and cost and write the job scripts; start nothing.</summary>
    public bool DryRun { get; init; }

    public SlurmOptions Slurm { get; init; } = new();

    /// <summary>How the local backend starts melanoma-exp.</summary>
    public IReadOnlyList<string> Command { get; init; } = ["melanoma-exp"];
}
