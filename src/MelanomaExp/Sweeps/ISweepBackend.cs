namespace MelanomaExp.Sweeps;

/// <summary>
/// Where a sweep's runs go. <see cref="SweepRunner"/> claims the folder, writes the plan and works out which
/// runs are still to do; the backend only carries those out, so a new place to run (another scheduler, a
/// cloud queue) is one more implementation listed in <see cref="SweepBackends.All"/>. A backend marks what it
/// writes into the sweep folder itself (<see cref="SweepFolder.Remark"/>), because only it knows when its
/// files are complete: before its queued jobs start, or after its runs here ended.
/// </summary>
public interface ISweepBackend
{
    /// <summary>The value of <c>--backend</c> that chooses it.</summary>
    string Name { get; }

    /// <summary>A few words for <c>--backend</c>'s help, shown in brackets after the name.</summary>
    string Summary { get; }

    /// <summary>
    /// The options it adds to <c>sweep</c>; their values reach it in <see cref="SweepRequest.Options"/>.
    /// Each option's help line starts with the backend's name, so the user sees which backend reads it.
    /// </summary>
    IReadOnlyList<SweepOption> Options { get; }

    /// <summary>
    /// True when the runs have ended by the time <see cref="Launch"/> returns, so the runner collects the study
    /// report; false when they end later and the backend arranges the collect itself (Slurm's chained job).
    /// </summary>
    bool CollectsAtEnd { get; }

    /// <summary>
    /// What its queue says about the sweep's runs, by run id, in <see cref="RunStatus"/> terms; runs it knows
    /// nothing about are left out. Also asked by <c>sweep --status</c> and <c>collect</c>, which do not know which
    /// backend a sweep used, so it must answer for a folder it never saw (with nothing).
    /// </summary>
    IReadOnlyDictionary<string, QueueState> Queue(string dir, SweepPlan plan);

    /// <summary>Says what <see cref="Launch"/> would do with <paramref name="todo"/> and starts nothing (<c>--dry-run</c>).</summary>
    void DryRun(SweepRequest request, IReadOnlyList<SweepRunState> todo, Action<string> log);

    /// <summary>Runs or submits <paramref name="todo"/>; returns how many failed (0 when they end later).</summary>
    int Launch(SweepRequest request, IReadOnlyList<SweepRunState> todo, Action<string> log, CancellationToken cancel);
}
