namespace MelanomaExp.Sweeps;

/// <summary>How to carry out a planned sweep.</summary>
public sealed record SweepRequest(string Dir, SweepPlan Plan, ISweepBackend Backend)
{
    /// <summary>Print the plan and cost and write the job scripts; start nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>The values of the backends' own options (<see cref="ISweepBackend.Options"/>).</summary>
    public SweepOptionValues Options { get; init; } = SweepOptionValues.None;

    /// <summary>How the runs start melanoma-exp (here, or on the nodes).</summary>
    public IReadOnlyList<string> Command { get; init; } = ["melanoma-exp"];
}
