namespace MelanomaExp.Results;

/// <summary>The machine a report's run used: CPU model, cores, torch threads and device, from its manifest.</summary>
public sealed record ReportMachine(string Cpu, int Cores, int Threads, string Device)
{
    /// <summary>
    /// Every recorded property that decides the bits (<see cref="Provenance.NumericsFingerprint.EnvironmentKeys"/> and
    /// libtorch), joined: two runs that differ here are runs on different numerics even when the CPU's name is the same.
    /// </summary>
    public string Numerics { get; init; } = "";
}
