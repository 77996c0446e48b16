namespace MelanomaExp.Sweeps;

/// <summary>A host and CPU the finished runs used, with how many ran there.</summary>
public sealed record MachineUse(string Host, string Cpu, int Cores, int TorchThreads, string Device, IReadOnlyList<string> Runs)
{
    /// <summary>The recorded numerics properties (<see cref="Results.ReportMachine.Numerics"/>): CPU microarchitecture, instruction-set level, bf16, libtorch.</summary>
    public string Numerics { get; init; } = "";
}
