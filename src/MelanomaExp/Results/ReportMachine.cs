namespace MelanomaExp.Results;

/// <summary>The machine a report's run used: CPU model, cores, torch threads and device, from its manifest.</summary>
public sealed record ReportMachine(string Cpu, int Cores, int Threads, string Device);
