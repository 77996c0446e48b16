namespace MelanomaExp.Sweeps;

/// <summary>What collect found in a sweep folder: every run's state, the per-seed figures, paired comparisons and machines.</summary>
public sealed record Study(
    string Dir,
    SweepPlan Plan,
    IReadOnlyList<SweepRunState> Runs,
    IReadOnlyList<StudyCell> Cells,
    IReadOnlyList<PairedComparison> Comparisons,
    IReadOnlyList<MachineUse> Machines,
    string PositiveClass)
{
    /// <summary>
    /// Different CPUs (by name, microarchitecture or instruction-set level), devices, torch thread counts (which split the
    /// sums differently) or libtorch versions give slightly different floating point results; such a study says so.
    /// </summary>
    public bool MixedHardware => IsMixed(Machines);

    /// <summary>Each step's training time per done run, per grid point (what a run costs on the machines it ran on).</summary>
    public IReadOnlyList<StepCost> Costs { get; init; } = [];

    public static bool IsMixed(IEnumerable<MachineUse> machines) => machines.Select(m => (m.Cpu, m.Device, m.TorchThreads, m.Numerics)).Distinct().Count() > 1;
}
