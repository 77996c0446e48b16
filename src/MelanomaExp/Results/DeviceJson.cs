using MelanomaExp.Documents;
using MelanomaExp.Native;
using MelanomaExp.Training;

namespace MelanomaExp.Results;

/// <summary>manifest.json's <c>device</c> block from the device selection: what was asked for and used, the build, the switches, the preflight.</summary>
internal static class DeviceJson
{
    public static DeviceDocument Document(DeviceSelection selection) => new(
        selection.Requested.ToString().ToLowerInvariant(),
        selection.IsCuda ? "cuda" : "cpu",
        selection.Backend,
        TorchBackendInfo.Package,
        selection.FallbackReason,
        selection.Determinism is not { } d ? null : new DeterminismStateDocument(d.CudnnDeterministic, d.CudnnBenchmark, d.DeterministicAlgorithms, d.WarnOnly),
        selection.Preflight is not { } p ? null : new CudaPreflightDocument(
            p.Driver,
            p.TorchDevices,
            p.Device,
            p.ComputeCapability,
            p.Cudnn,
            p.CudnnVersion,
            p.Seeding is not { } s ? null : new SeedingCheckDocument(s.Repeats, s.SeedMatters, s.FirstSha256, s.SecondSha256, s.Passed),
            p.Problem,
            p.Passed));
}
