using MelanomaExp.Results;

namespace MelanomaExp.Verification;

/// <summary>
/// What verify checks before any rerun: that the committed report is the one the tool wrote. Every file listed in
/// <see cref="ReportChecksums"/> must be unchanged (an edited README.md or metrics.json, a redrawn chart), and each
/// step's weights must be the file whose sha256 the manifest records (a swapped model). A failure here is not
/// reproduced on any hardware: the numbers were not the tool's to begin with.
/// </summary>
internal static class ReportIntegrity
{
    /// <param name="report">The committed report.</param>
    /// <param name="note">What could not be checked, in words (a report written before checksums were recorded), or null.</param>
    /// <returns>Every problem found, in words; empty when the report is intact.</returns>
    public static IReadOnlyList<string> Check(CommittedReport report, out string? note)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        var checksums = ReportChecksums.Check(report.Dir);
        if (checksums is null)
        {
            notes.Add($"no {ReportChecksums.FileName} (the report was written before checksums were recorded): only the weights and the figures recomputed from predictions.csv, where present, were checked");
        }
        problems.AddRange(checksums?.Select(p => p.Message) ?? []);
        foreach (var step in report.Folder.Steps)
        {
            var weights = report.Folder.WeightsPath(step.Name);
            var relative = Path.GetRelativePath(report.Dir, weights).Replace('\\', '/');
            if (step.WeightsSha256 is not { } recorded)
            {
                continue;
            }
            if (!File.Exists(weights))
            {
                // Weights are kept out of commits (.gitignore): the rerun's are compared by their figures instead.
                notes.Add($"{relative} is not here (weights are not committed), so it was not checked");
            }
            else if (FileSha256.Of(weights) is var actual && actual != recorded)
            {
                problems.Add($"{relative} is not the model this report trained (sha256 {actual[..12]}..., the manifest records {recorded[..12]}...)");
            }
        }
        note = notes.Count == 0 ? null : string.Join("; ", notes);
        return problems.Distinct().ToList();
    }
}
