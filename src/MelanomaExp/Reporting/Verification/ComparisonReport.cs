using System.Globalization;
using System.Text;
using MelanomaExp.Results;
using MelanomaExp.Safety;
using ScottPlot;

namespace MelanomaExp.Reporting.Verification;

/// <summary>The <see cref="ReportComparisonResult"/> compare computes, written as COMPARE.md with a validation-accuracy chart per step.</summary>
public static class ComparisonReport
{
    /// <summary>Writes COMPARE.md and its charts into <paramref name="folder"/> (staged: all or nothing) and returns the Markdown.</summary>
    public static string Write(ReportComparisonResult comparison, OutputFolder folder)
    {
        using var staging = ReportStaging.Begin(folder);
        var output = staging.Path;
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# `{comparison.A}` against `{comparison.B}`");
        md.AppendLine();
        md.AppendLine("| step | metric | A | B | B - A |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var (step, metric, value, other) in comparison.Figures)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {metric} | {F(value)} | {F(other)} | {F(value is { } x && other is { } y ? y - x : null)} |");
        }
        md.AppendLine();
        var numerics = comparison.Numerics;
        md.AppendLine(numerics.Count == 0
            ? "Numerics: the same (CPU, instruction set, torch threads, libtorch): runs of one experiment must agree bit for bit."
            : $"Numerics: other ({string.Join(", ", numerics.Select(n => $"{n.Property} {n.Committed} -> {n.Reproduced}"))}): runs of one experiment differ like runs of nearby seeds.");
        md.AppendLine();
        foreach (var (name, problem) in comparison.Integrity)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**{name} is not as the tool wrote it**: {problem}.");
            md.AppendLine();
        }
        if (comparison.Pairs.Count > 0)
        {
            md.AppendLine("| step | set | images in both | changed answer | right only in A | right only in B | McNemar p |");
            md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var p in comparison.Pairs)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Step} | {p.Set} | {p.Images} | {p.Changed} | {p.Test.OnlyFirstRight} | {p.Test.OnlySecondRight} | {p.Test.PValue:0.###} |");
            }
            md.AppendLine();
        }
        md.AppendLine("## Environment differences");
        md.AppendLine();
        var differences = comparison.Environment;
        md.AppendLine(differences.Count == 0 ? "None." : "| property | A | B |\n| --- | --- | --- |\n" + string.Join('\n', differences.Select(d => $"| {d.Property} | {d.Committed} | {d.Reproduced} |")));
        md.AppendLine();
        md.AppendLine("## Validation accuracy per epoch");
        md.AppendLine();
        foreach (var curves in comparison.Curves)
        {
            var file = $"{curves.Step}-validation-accuracy.png";
            Chart(curves, Path.Combine(output, file));
            md.AppendLine(CultureInfo.InvariantCulture, $"![{curves.Step}]({file})");
            md.AppendLine();
        }
        var text = md.ToString();
        File.WriteAllText(Path.Combine(output, ReportFiles.Comparison), text);
        staging.Commit();
        return text;
    }

    private static void Chart(ValidationCurves curves, string path)
    {
        var (a, b) = (curves.A, curves.B);
        var plot = new Plot();
        plot.Add.Scatter(Enumerable.Range(1, a.Length).Select(i => (double)i).ToArray(), a).LegendText = "A";
        if (b is not null)
        {
            plot.Add.Scatter(Enumerable.Range(1, b.Length).Select(i => (double)i).ToArray(), b).LegendText = "B";
        }
        plot.Title($"{curves.Step}: validation accuracy");
        plot.XLabel("epoch");
        plot.YLabel("accuracy (%)");
        plot.ShowLegend(Edge.Right);
        CompactPng.Save(plot, path, 800, 450);
    }

    private static string F(double? v) => v is null ? "–" : v.Value.ToString("0.0000", CultureInfo.InvariantCulture);
}
