using MelanomaExp.Results;
using MelanomaExp.Training;

namespace MelanomaExp.Running;

/// <summary>The finished report already in the output folder, read to reuse steps whose key has not changed.</summary>
internal sealed class PreviousReport
{
    private readonly ReportFolder _report;

    private PreviousReport(ReportFolder report) => _report = report;

    /// <summary>Null when there is no readable finished report (a report from an older tool version, for example).</summary>
    public static PreviousReport? Read(string output) => ReportFolder.TryRead(output) is { } report ? new PreviousReport(report) : null;

    /// <summary>
    /// The weights file and history of <paramref name="step"/> when its key matches and its weights are the very
    /// file the manifest recorded (sha256): a swapped weights.pt is trained again, not republished.
    /// </summary>
    public (string Weights, List<EpochRecord> Epochs, double Seconds)? Reusable(string step, string key)
    {
        var weights = _report.WeightsPath(step);
        if (_report.Steps.FirstOrDefault(s => s.Name == step) is not { } s || s.Key != key || s.Epochs.Count == 0
            || s.WeightsSha256 is not { } recorded || !File.Exists(weights))
        {
            return null;
        }
        using var stream = File.OpenRead(weights);
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        return actual == recorded ? (weights, s.Epochs.ToList(), s.Seconds) : null;
    }
}
