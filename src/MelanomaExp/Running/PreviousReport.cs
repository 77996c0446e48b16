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
    /// The weights file and history of <paramref name="step"/> when its key matches, the report's metrics.json and
    /// manifest.json are as the tool wrote them (checksums.sha256: an edited training figure is never copied into the new
    /// report) and its weights are the very file the manifest recorded (sha256): otherwise it is trained again, and
    /// <paramref name="why"/> says why (null when the previous report has no such step).
    /// </summary>
    public (string Weights, List<EpochRecord> Epochs, double Seconds)? Reusable(string step, string key, out string? why)
    {
        why = null;
        var weights = _report.WeightsPath(step);
        if (_report.Steps.FirstOrDefault(s => s.Name == step) is not { } s || s.Epochs.Count == 0)
        {
            return null;
        }
        var relative = Path.GetRelativePath(_report.Dir, weights).Replace('\\', '/');
        why = s.Key != key ? "its settings, data or numerics changed (step key " + (s.Key ?? "not recorded") + $" -> {key})"
            : ReportChecksums.FirstProblem(_report.Dir, ReportFiles.Metrics, ReportFiles.Manifest, ReportFiles.History) is { } edited ? $"the previous report was edited: {edited.Message}"
            : s.WeightsSha256 is not { } recorded ? "the previous report records no sha256 of its weights"
            : !File.Exists(weights) ? $"{relative} is missing"
            : FileSha256.Of(weights) != recorded ? $"{relative} is not the model the previous report trained (its sha256 differs from the manifest's)"
            : null;
        return why is null ? (weights, s.Epochs.ToList(), s.Seconds) : null;
    }
}
