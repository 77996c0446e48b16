using System.Globalization;
using System.Text;
using System.Text.Json;
using MelanomaExp.Reporting;
using MelanomaExp.Results;
using MelanomaExp.Safety;
using ScottPlot;

namespace MelanomaExp.Verification;

/// <summary><c>compare A B</c>: two report folders side by side (metrics, environment, validation curves).</summary>
public static class ReportComparison
{
    public static string Write(string a, string b, string folder) =>
        Write(a, b, OutputFolder.Claim(folder, "comparison", new OutputRules().Input(a, "report A").Input(b, "report B")));

    public static string Write(string a, string b, OutputFolder folder)
    {
        var (ra, rb) = (CommittedReport.Read(a), CommittedReport.Read(b));
        using var staging = ReportStaging.Begin(folder);
        var output = staging.Path;
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# `{a}` against `{b}`");
        md.AppendLine();
        md.AppendLine("| step | metric | A | B | B - A |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: |");
        var bValues = rb.Values().ToDictionary(v => (v.Step, v.Metric), v => v.Value);
        foreach (var (step, metric, value) in ra.Values())
        {
            var other = bValues.GetValueOrDefault((step, metric));
            if (value is null && other is null)
            {
                continue;
            }
            md.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {metric} | {F(value)} | {F(other)} | {F(value is { } x && other is { } y ? y - x : null)} |");
        }
        md.AppendLine();
        // verify's tiers: on the same numerics two runs of one experiment must agree bit for bit; on other numerics they
        // differ like nearby seeds, and the per-image pairs say how many answers moved.
        var numerics = NumericsIdentity.Differences(ra.Folder, rb.Folder);
        md.AppendLine(numerics.Count == 0
            ? "Numerics: the same (CPU, instruction set, torch threads, libtorch): runs of one experiment must agree bit for bit."
            : $"Numerics: other ({string.Join(", ", numerics.Select(n => $"{n.Property} {n.Committed} -> {n.Reproduced}"))}): runs of one experiment differ like runs of nearby seeds.");
        md.AppendLine();
        foreach (var (name, report) in new[] { ("A", ra), ("B", rb) })
        {
            foreach (var problem in ReportIntegrity.Check(report, out _))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**{name} is not as the tool wrote it**: {problem}.");
                md.AppendLine();
            }
        }
        var pairs = PredictionCheck.Pair(ra, rb);
        if (pairs.Count > 0)
        {
            md.AppendLine("| step | set | images in both | changed answer | right only in A | right only in B | McNemar p |");
            md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var p in pairs)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Step} | {p.Set} | {p.Images} | {p.Changed} | {p.Test.OnlyFirstRight} | {p.Test.OnlySecondRight} | {p.Test.PValue:0.###} |");
            }
            md.AppendLine();
        }
        md.AppendLine("## Environment differences");
        md.AppendLine();
        var differences = Verifier.EnvironmentDifferences(ra.Folder, rb.Folder);
        md.AppendLine(differences.Count == 0 ? "None." : "| property | A | B |\n| --- | --- | --- |\n" + string.Join('\n', differences.Select(d => $"| {d.Property} | {d.Committed} | {d.Reproduced} |")));
        md.AppendLine();
        md.AppendLine("## Validation accuracy per epoch");
        md.AppendLine();
        foreach (var step in Steps(ra).Keys)
        {
            var file = $"{step}-validation-accuracy.png";
            Chart(step, Steps(ra)[step], Steps(rb).GetValueOrDefault(step), Path.Combine(output, file));
            md.AppendLine(CultureInfo.InvariantCulture, $"![{step}]({file})");
            md.AppendLine();
        }
        var text = md.ToString();
        File.WriteAllText(Path.Combine(output, ReportFiles.Comparison), text);
        staging.Commit();
        return text;
    }

    private static Dictionary<string, double[]> Steps(CommittedReport r) =>
        r.Folder.Steps.ToDictionary(s => s.Name, s => s.Epochs.Select(e => e.ValAccuracy * 100).ToArray());

    private static void Chart(string step, double[] a, double[]? b, string path)
    {
        var plot = new Plot();
        plot.Add.Scatter(Enumerable.Range(1, a.Length).Select(i => (double)i).ToArray(), a).LegendText = "A";
        if (b is not null)
        {
            plot.Add.Scatter(Enumerable.Range(1, b.Length).Select(i => (double)i).ToArray(), b).LegendText = "B";
        }
        plot.Title($"{step}: validation accuracy");
        plot.XLabel("epoch");
        plot.YLabel("accuracy (%)");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 800, 450);
    }

    private static string F(double? v) => v is null ? "–" : v.Value.ToString("0.0000", CultureInfo.InvariantCulture);
}
