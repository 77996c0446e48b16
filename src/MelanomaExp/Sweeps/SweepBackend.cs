namespace MelanomaExp.Sweeps;

/// <summary>Where a sweep's runs go: processes on this machine, or an array job on a Slurm cluster.</summary>
public enum SweepBackend
{
    Local,
    Slurm,
}
