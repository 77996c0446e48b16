using System.Text.Json;

namespace MelanomaExp.Benchmarking;

/// <summary>The PyTorch per-layer figures next to melanoma-exp's, and the torch version that made them.</summary>
public sealed record PeerLayers(string Version, int Threads, IReadOnlyList<LayerTiming> Layers);

/// <summary>
/// Runs scripts/peer_layers.py, which ships inside the tool (so an installed tool finds it too), with the
/// same image size, batch, thread count and malloc settings as melanoma-exp, and reads its JSON line.
/// </summary>
internal static class PeerLayerBench
{
    public const string ResourceName = "peer_layers.py";

    public static PeerLayers Run(int size, int batch, int threads, int warmup, int rounds)
    {
        var script = Path.Combine(Path.GetTempPath(), $"melanoma-exp-peer-layers-{Environment.ProcessId}.py");
        try
        {
            using (var resource = typeof(PeerLayerBench).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(PeerLayerBench).Assembly.GetName().Name}"))
            using (var file = File.Create(script))
            {
                resource.CopyTo(file);
            }
            var (code, output, error) = PeerBench.Execute(
                [script, "--size", $"{size}", "--batch", $"{batch}", "--threads", $"{threads}", "--steps", $"{rounds}", "--warmup", $"{warmup}"],
                TimeSpan.FromMinutes(20),
                PeerBench.TunedMalloc);
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            return code == 0 && line is not null
                ? Parse(line)
                : throw new InvalidOperationException($"{ResourceName} failed (exit {code}): {error.Trim()}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Reads the script's JSON line: per layer the milliseconds of each timed round, forward and backward.</summary>
    public static PeerLayers Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var layers = root.GetProperty("layers").EnumerateArray().Select(l => new LayerTiming(
            l.GetProperty("layer").GetString() ?? "?",
            Read(l.GetProperty("forward_ms"))!,
            Read(l.GetProperty("backward_ms")))).ToList();
        return new PeerLayers(root.GetProperty("version").GetString() ?? "?", root.GetProperty("threads").GetInt32(), layers);
    }

    private static Samples? Read(JsonElement values) =>
        values.ValueKind == JsonValueKind.Null ? null : new Samples([.. values.EnumerateArray().Select(v => v.GetDouble())]);
}
