namespace MelanomaExp.Sweeps;

/// <summary>One run's status with what it was read from (exit code, host, Slurm state).</summary>
public sealed record SweepRunState(SweepRow Row, RunStatus Status, string Detail, string? Host);
