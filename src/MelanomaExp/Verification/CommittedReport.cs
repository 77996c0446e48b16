using System.Text.Json;
using MelanomaExp.Results;

namespace MelanomaExp.Verification;

/// <summary>A report folder as verify and compare see it: read by <see cref="ReportFolder"/>, values by <see cref="ReportMetric.Verified"/>.</summary>
public sealed class CommittedReport
{
    private CommittedReport(ReportFolder folder) => Folder = folder;

    public ReportFolder Folder { get; }

    public string Dir => Folder.Dir;

    public JsonElement Metrics => Folder.Metrics;

    public string ResolvedYaml => Folder.ResolvedYaml;

    public string DataRoot => Folder.DataRoot;

    public static CommittedReport Read(string dir) => new(ReportFolder.Read(dir));

    /// <summary>The committed value of every compared metric, by step, in report order.</summary>
    public IReadOnlyList<(string Step, string Metric, double? Value)> Values() =>
        Folder.Steps.SelectMany(s => ReportMetric.Verified.Select(m => (s.Name, m.Name, m.Read(s.Metrics)))).ToList();
}
