using System.Text;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>The report's provenance section: what a reader needs to reproduce the numbers (details in manifest.json).</summary>
internal static class ProvenanceMarkdown
{
    public static void Write(StringBuilder md, RunResult run)
    {
        if (run.Provenance is not { } p)
        {
            return;
        }
        md.AppendLine("## Provenance");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(Inv($"| commit | `{p.Git.Commit}`{(p.Git.Dirty ? " (uncommitted changes)" : "")} |"));
        md.AppendLine(Inv($"| experiment hash | `{run.Experiment.Hash}` |"));
        md.AppendLine(Inv($"| training data | fingerprint `{p.Train.Hash}`, {p.Train.Images} images |"));
        if (p.Test is not null)
        {
            md.AppendLine(Inv($"| test data | fingerprint `{p.Test.Hash}`, {p.Test.Images} images |"));
        }
        md.AppendLine("| packages | " + string.Join(", ", p.Packages.Select(kv => $"{kv.Key} {kv.Value}")) + " |");
        md.AppendLine();
        md.AppendLine("| step | started (UTC) | time | weights sha256 | note |");
        md.AppendLine("| --- | --- | ---: | --- | --- |");
        foreach (var s in run.Steps)
        {
            var t = p.Steps.FirstOrDefault(x => x.Step == s.Name);
            md.AppendLine(Inv($"| {s.Name} | {t?.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} | {s.Seconds:0}s | `{s.WeightsSha256?[..16]}…` | {t?.Reused ?? ""} |"));
        }
        md.AppendLine();
        if (p.Audit is { } a)
        {
            md.AppendLine(Inv($"Determinism audit: the first epoch of `{a.Step}` trained twice gave {(a.LossesMatch ? "identical" : "different")} losses and {(a.WeightsMatch ? "identical" : "different")} weights."));
            md.AppendLine();
        }
        md.AppendLine("Full record: [`manifest.json`](manifest.json).");
        md.AppendLine();
    }
}
