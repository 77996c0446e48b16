using MelanomaExp.Evaluation;
using ScottPlot;

namespace MelanomaExp.Reporting;

/// <summary>Precision-recall curves of the positive class, one per (step, set), average precision in the legend.</summary>
internal static class PrecisionRecallChart
{
    public static void Write(IReadOnlyList<(string Label, SetEvaluation Set)> curves, string title, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var i = 0;
        foreach (var (label, set) in curves.Where(c => c.Set.Positive is { PrecisionRecall.Count: > 0 }))
        {
            var positive = set.Positive!;
            var color = palette.GetColor(i++);
            // Starts at recall 0 with the first point's precision, and steps: precision holds until recall rises.
            var points = positive.PrecisionRecall;
            var line = plot.Add.ScatterLine(
                points.Select(p => p.Recall).Prepend(0).ToArray(),
                points.Select(p => p.Precision).Prepend(points[0].Precision).ToArray());
            line.ConnectStyle = ConnectStyle.StepVertical;
            line.Color = color;
            line.LineWidth = 2;
            line.LinePattern = set.Set == "test" ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = MarkdownFormat.Inv($"{label}: AP {SummaryMarkdown.Ci(positive.AveragePrecision, percent: false)}, prevalence {positive.Positives / (double)Math.Max(1, positive.Positives + positive.Negatives):0.000}");
            if (positive.Operating is { } o && points.LastOrDefault(p => p.Threshold >= o.Threshold) is { } at)
            {
                var marker = plot.Add.Marker(at.Recall, at.Precision);
                marker.MarkerShape = MarkerShape.FilledDiamond;
                marker.MarkerSize = 13;
                marker.Color = color;
            }
        }
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.XLabel("recall (sensitivity)");
        plot.YLabel("precision (share of flagged images truly positive)");
        plot.Title(title);
        plot.ShowLegend(Alignment.LowerLeft);
        CompactPng.Save(plot, path, 800, 650);
    }
}
