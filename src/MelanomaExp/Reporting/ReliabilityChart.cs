using MelanomaExp.Evaluation;
using ScottPlot;

namespace MelanomaExp.Reporting;

/// <summary>Reliability diagram: accuracy against mean confidence per confidence bin, one line per (step, set).</summary>
internal static class ReliabilityChart
{
    public static void Write(IReadOnlyList<(string Label, SetEvaluation Set)> curves, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var i = 0;
        foreach (var (label, set) in curves.Where(c => c.Set.Calibration is not null))
        {
            var cal = set.Calibration!;
            var filled = cal.Bins.Where(b => b.Count > 0).ToList();
            var line = plot.Add.Scatter(filled.Select(b => b.MeanConfidence).ToArray(), filled.Select(b => b.Accuracy).ToArray());
            line.Color = palette.GetColor(i++);
            line.LineWidth = 2;
            line.MarkerSize = 8;
            line.LinePattern = set.Set == "test" ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = MarkdownFormat.Inv($"{label}: ECE {cal.ExpectedError:0.000} ({set.Images} images)");
        }
        var ideal = plot.Add.Line(0, 0, 1, 1);
        ideal.LinePattern = LinePattern.Dotted;
        ideal.Color = Colors.Gray;
        ideal.LegendText = "perfectly calibrated";
        plot.Axes.SetLimits(0, 1, -0.02, 1.02);
        plot.XLabel("confidence: mean top-class probability in the bin");
        plot.YLabel("accuracy in the bin");
        plot.Title(MarkdownFormat.Inv($"Reliability ({(curves.Count > 0 ? curves[0].Set.Calibration?.BinCount : null) ?? Calibration.DefaultBins} equal-width confidence bins)"));
        plot.ShowLegend(Alignment.UpperLeft);
        CompactPng.Save(plot, path, 800, 650);
    }
}
