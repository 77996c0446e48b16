using MelanomaExp.Config;
using MelanomaExp.Documents;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting;

/// <summary>
/// Whether a committed report is still what this tool makes of its experiment. A report is current when every run in it
/// was made from a clean work tree and its recorded resolved experiment, read again by this tool, resolves to the same
/// experiment hash: then rerunning it today is the same experiment (and <c>verify</c> compares like with like). A report
/// whose experiment resolves differently (a default added or changed, a key renamed) is stale: its figures answer a
/// question this tool no longer asks the same way. Only the report's own files decide, so the table is the same on
/// every machine; that each claimed commit is in this repository's history is a test's job (it needs git).
/// </summary>
public sealed record ReportCurrency(string Dir, string Kind, IReadOnlyList<ReportCurrency.Run> Runs)
{
    /// <summary>One run's claims: the commit it was made at, whether the tree had changes, and why it is stale (null: current).</summary>
    public sealed record Run(string ManifestPath, string Commit, bool Dirty, string ToolVersion, string? Stale);

    public bool Current => Runs.Count > 0 && Runs.All(r => r.Stale is null);

    /// <summary>Every report folder directly under <paramref name="reportsDir"/>: a run report, or a study with runs/&lt;id&gt;/.</summary>
    public static IReadOnlyList<ReportCurrency> Of(string reportsDir) =>
        [.. Directory.GetDirectories(reportsDir).Order(StringComparer.Ordinal).Select(d => Read(reportsDir, d)).OfType<ReportCurrency>()];

    private static ReportCurrency? Read(string root, string dir)
    {
        if (File.Exists(ReportFolder.ManifestPath(dir)))
        {
            return new ReportCurrency(dir, "run", [Judge(root, dir, standalone: true)]);
        }
        var runs = Path.Combine(dir, "runs");
        if (File.Exists(Path.Combine(dir, ReportFiles.Study)) && Directory.Exists(runs))
        {
            var judged = Directory.GetDirectories(runs).Order(StringComparer.Ordinal).Where(d => File.Exists(ReportFolder.ManifestPath(d))).Select(d => Judge(root, d, standalone: false)).ToList();
            // A study still being run says how far it has got: its plan lists every run it will have.
            var planned = File.Exists(Path.Combine(dir, Sweeps.SweepPlan.FileName)) ? Sweeps.SweepPlan.Read(dir).Rows.Count : judged.Count;
            var kind = planned > judged.Count ? $"study, {judged.Count} of {planned} runs so far" : $"study of {judged.Count} run{(judged.Count == 1 ? "" : "s")}";
            return new ReportCurrency(dir, kind, judged);
        }
        return null;
    }

    private static Run Judge(string root, string dir, bool standalone)
    {
        // Messages name the manifest relative to the reports folder, so the generated table is the same wherever it is made.
        var path = Path.GetRelativePath(root, ReportFolder.ManifestPath(dir)).Replace('\\', '/');
        var report = ReportFolder.Read(dir);
        var commit = report.Manifest.Git?.Commit ?? ManifestDocument.None;
        var dirty = report.Manifest.Git?.Dirty ?? false;
        var stale = dirty ? "made from a work tree with uncommitted changes" : Resolves(path, report) ?? (standalone ? SourceChanged(root, report) : null);
        return new Run(path, commit, dirty, report.ToolVersion, stale);
    }

    /// <summary>
    /// A run report made from an experiment file of this repository (the source it records, relative to the folder
    /// above the reports folder) is stale once that file resolves differently: the report no longer shows what
    /// running the file gives. Study runs are left out, their seeds and grid overrides being part of their experiment.
    /// </summary>
    private static string? SourceChanged(string root, ReportFolder report)
    {
        var source = report.Manifest.Experiment?.Source;
        var repo = Path.GetDirectoryName(Path.GetFullPath(root));
        if (source is null || repo is null || Path.IsPathRooted(source) || !File.Exists(Path.Combine(repo, source)))
        {
            return null;
        }
        try
        {
            var today = ExperimentLoader.Load(Path.Combine(repo, source)).Hash;
            return today == report.ExperimentHash ? null : $"{source.Replace('\\', '/')} has changed since (it resolves to {today}, the report to {report.ExperimentHash})";
        }
        catch (BadInputException)
        {
            return $"{source.Replace('\\', '/')} no longer loads";
        }
    }

    private static string? Resolves(string path, ReportFolder report)
    {
        var recorded = report.ExperimentHash;
        try
        {
            var today = ExperimentLoader.Parse(report.ResolvedYaml, path).Hash;
            return today == recorded ? null : $"its experiment resolves to {today}, not {recorded}";
        }
        catch (BadInputException e)
        {
            // An experiment this tool cannot read any more (a removed key, a changed range) is stale, not an error:
            // the table must still list it, with the reason.
            return $"its experiment no longer loads ({e.Message})";
        }
    }
}
