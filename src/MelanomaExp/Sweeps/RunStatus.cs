namespace MelanomaExp.Sweeps;

/// <summary>Where one run of a sweep stands.</summary>
public enum RunStatus
{
    /// <summary>Not started, or queued.</summary>
    Pending,

    /// <summary>Its process is alive (here) or Slurm says it runs.</summary>
    Running,

    /// <summary>Stopped after a checkpoint (killed, preempted); the next sweep or requeue continues it.</summary>
    Interrupted,

    /// <summary>Its process ended with an error and left no report.</summary>
    Failed,

    /// <summary>A complete report of this run's experiment, from this tool version.</summary>
    Done,
}
