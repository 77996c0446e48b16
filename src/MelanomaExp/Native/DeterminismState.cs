namespace MelanomaExp.Native;

/// <summary>libtorch's determinism switches as read back from <c>at::globalContext()</c>; written to the manifest.</summary>
public sealed record DeterminismState(bool CudnnDeterministic, bool CudnnBenchmark, bool DeterministicAlgorithms, bool WarnOnly);
