namespace MelanomaExp.Sweeps;

/// <summary>A host and CPU the finished runs used, with how many ran there.</summary>
public sealed record MachineUse(string Host, string Cpu, int Cores, int TorchThreads, string Device, IReadOnlyList<string> Runs);
