namespace MelanomaExp.Sweeps;

/// <summary>One run's state as a backend's queue reports it, already in <see cref="RunStatus"/> terms.</summary>
/// <param name="Detail">The queue's own word for it, shown by <c>sweep --status</c> (e.g. <c>slurm PREEMPTED</c>).</param>
public sealed record QueueState(RunStatus Status, string Detail)
{
    /// <summary>
    /// Only waiting for its turn. A queue can still say so of a run whose process has already started here,
    /// so a live process of the run is believed over it; any other queue state is believed over the run's own records.
    /// </summary>
    public bool Waiting { get; init; }
}
