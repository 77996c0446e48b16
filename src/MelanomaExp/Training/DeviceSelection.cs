using MelanomaExp.Config;
using MelanomaExp.Native;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// The device a run trains on and why: what was asked for, the build's backend, the reason when
/// <c>auto</c> fell back to the CPU, libtorch's determinism switches as read back, and (on CUDA) the
/// preflight's findings. Written to manifest.json.
/// </summary>
public sealed record DeviceSelection(Device Device, DeviceChoice Requested, string? FallbackReason, DeterminismState? Determinism)
{
    public string Backend { get; init; } = TorchBackendInfo.Name;

    public bool IsCuda => Device.type == TorchSharp.DeviceType.CUDA;

    /// <summary>What a step's result depends on beyond its settings: the device type and the libtorch build.</summary>
    public string KeyPart => $"{(IsCuda ? "cuda" : "cpu")}/{Backend}";

    public CudaPreflightResult? Preflight { get; init; }
}
