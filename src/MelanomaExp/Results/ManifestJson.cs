using System.Text.Json;
using MelanomaExp.Documents;
using MelanomaExp.Provenance;

namespace MelanomaExp.Results;

/// <summary>manifest.json: everything needed to judge whether another run reproduced this one.</summary>
internal static class ManifestJson
{
    public static string Render(RunResult run) => JsonSerializer.Serialize(Document(run), ReportDocumentContext.Default.ManifestDocument) + "\n";

    internal static ManifestDocument Document(RunResult run)
    {
        var p = run.Provenance;
        return new ManifestDocument(
            Format: ReportFormats.Manifest,
            ToolVersion: run.Environment.ToolVersion,
            Git: p is null ? null : new ManifestGit(p.Git.Commit, p.Git.Dirty),
            Experiment: new ManifestExperiment(run.Experiment.Name, run.Experiment.Hash, run.Experiment.SourcePath, run.Experiment.ResolvedYaml),
            Data: new ManifestData(run.Dataset.Root, p is null ? null : Fingerprint(p.Train), p?.Test is null ? null : Fingerprint(p.Test)),
            Environment: EnvironmentJson.Document(run.Environment),
            Packages: p?.Packages.ToDictionary(),
            Started: run.Started.ToString("o"),
            Finished: run.Finished.ToString("o"),
            WallSeconds: (run.Finished - run.Started).TotalSeconds,
            Steps: [.. run.Steps.Select(s =>
            {
                var timing = p?.Steps.FirstOrDefault(t => t.Step == s.Name);
                return new ManifestStep(s.Name, s.Seconds, s.WeightsSha256, s.Key, timing?.Started.ToString("o"), timing?.Finished.ToString("o"), timing?.Reused);
            })],
            DeterminismAudit: p?.Audit is not { } a ? null : new DeterminismAuditDocument(a.Step, a.LossesMatch, a.WeightsMatch, a.FirstWeightsSha256, a.SecondWeightsSha256),
            Device: p?.Device is null ? null : DeviceJson.Document(p.Device));
    }

    private static ManifestFingerprint Fingerprint(DatasetFingerprint f) => new(f.Hash, f.Images, f.PerClass);
}
