using System.Text.Json;
using MelanomaExp.Models;
using MelanomaExp.Training;

namespace MelanomaExp.Running;

/// <summary>The finished report already in the output folder, read to reuse steps whose key has not changed.</summary>
internal sealed class PreviousReport
{
    private readonly string _dir;
    private readonly Dictionary<string, (string Key, List<EpochRecord> Epochs, double Seconds)> _steps;
    private readonly Dictionary<string, string> _weights;

    private PreviousReport(string dir, Dictionary<string, (string, List<EpochRecord>, double)> steps, Dictionary<string, string> weights)
    {
        _dir = dir;
        _steps = steps;
        _weights = weights;
    }

    /// <summary>Null when there is no readable finished report (a report from an older tool version, for example).</summary>
    public static PreviousReport? Read(string output)
    {
        var manifestPath = Path.Combine(output, "manifest.json");
        var metricsPath = Path.Combine(output, "metrics.json");
        if (!File.Exists(manifestPath) || !File.Exists(metricsPath))
        {
            return null;
        }
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
            using var metrics = JsonDocument.Parse(File.ReadAllText(metricsPath));
            var keys = manifest.RootElement.GetProperty("steps").EnumerateArray()
                .Where(s => s.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String)
                .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("key").GetString()!);
            var weights = manifest.RootElement.GetProperty("steps").EnumerateArray()
                .Where(s => s.TryGetProperty("weights_sha256", out var w) && w.ValueKind == JsonValueKind.String)
                .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("weights_sha256").GetString()!);
            var steps = new Dictionary<string, (string, List<EpochRecord>, double)>();
            foreach (var step in metrics.RootElement.GetProperty("steps").EnumerateArray())
            {
                var name = step.GetProperty("name").GetString()!;
                if (keys.TryGetValue(name, out var key))
                {
                    var epochs = step.GetProperty("epochs").EnumerateArray().Select(e => new EpochRecord(
                        e.GetProperty("epoch").GetInt32(),
                        e.GetProperty("train_loss").GetDouble(),
                        e.GetProperty("train_accuracy").GetDouble(),
                        e.GetProperty("val_loss").GetDouble(),
                        e.GetProperty("val_accuracy").GetDouble(),
                        e.GetProperty("seconds").GetDouble(),
                        e.GetProperty("images_per_second").GetDouble())).ToList();
                    steps[name] = (key, epochs, step.GetProperty("seconds").GetDouble());
                }
            }
            return new PreviousReport(output, steps, weights);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The weights file and history of <paramref name="step"/> when its key matches and its weights are the very
    /// file the manifest recorded (sha256): a swapped weights.pt is trained again, not republished.
    /// </summary>
    public (string Weights, List<EpochRecord> Epochs, double Seconds)? Reusable(string step, string key)
    {
        var weights = Path.Combine(_dir, "models", step, ModelBundle.WeightsFile);
        if (!_steps.TryGetValue(step, out var s) || s.Key != key || s.Epochs.Count == 0 || !File.Exists(weights) || !_weights.TryGetValue(step, out var recorded))
        {
            return null;
        }
        using var stream = File.OpenRead(weights);
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        return actual == recorded ? (weights, s.Epochs, s.Seconds) : null;
    }
}
