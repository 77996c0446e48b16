using System.Text.Json;
using System.Text.Json.Nodes;
using MelanomaExp.Native;
using MelanomaExp.Training;

namespace MelanomaExp.Results;

/// <summary>manifest.json's <c>device</c> block: what was asked for and used, the build, why auto fell back, the switches, the preflight.</summary>
internal static class DeviceJson
{
    public static JsonObject Render(DeviceSelection selection) => new()
    {
        ["requested"] = selection.Requested.ToString().ToLowerInvariant(),
        ["used"] = selection.IsCuda ? "cuda" : "cpu",
        ["backend"] = selection.Backend,
        ["package"] = TorchBackendInfo.Package,
        ["fallback_reason"] = selection.FallbackReason,
        ["libtorch_determinism"] = selection.Determinism is null ? null : JsonSerializer.SerializeToNode(selection.Determinism, ReportJsonOptions.SnakeCase),
        ["cuda_preflight"] = selection.Preflight is null ? null : JsonSerializer.SerializeToNode(selection.Preflight, ReportJsonOptions.SnakeCase),
    };
}
