using MelanomaExp.Evaluation;
using ScottPlot;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>Confusion-matrix heatmap and ROC curve charts (ScottPlot PNG).</summary>
internal static class EvaluationCharts
{
    /// <summary>
    /// Heatmap of the confusion matrix: each cell shows its count and its share of the actual class (row
    /// percentage), and is coloured by that share, so small classes read as clearly as large ones. A class
    /// without images in the set has an empty row and says so.
    /// </summary>
    public static void Confusion(SetEvaluation e, string title, string path)
    {
        var n = e.Confusion.Classes;
        var names = e.Metrics.PerClass.Select(c => c.Name).ToArray();
        var share = new double[n, n];
        for (var r = 0; r < n; r++)
        {
            var support = e.Confusion.Support(r);
            for (var c = 0; c < n; c++)
            {
                share[r, c] = support == 0 ? 0 : e.Confusion.Counts[r, c] / (double)support;
            }
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(share);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        for (var r = 0; r < n; r++)
        {
            var support = e.Confusion.Support(r);
            for (var c = 0; c < n; c++)
            {
                var count = e.Confusion.Counts[r, c];
                // An empty cell is a plain 0, so the cells that hold images stand out.
                var text = support == 0 ? (c == n / 2 ? "no images in this set" : "") : count == 0 ? "0" : Inv($"{count}\n{share[r, c] * 100:0}%");
                var label = plot.Add.Text(text, c, n - 1 - r);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontColor = share[r, c] > 0.5 ? Colors.White : Colors.Black;
                label.LabelFontSize = 12;
                label.LabelBold = r == c;
            }
        }
        RotatedTicks.Apply(plot.Axes.Bottom, [.. Enumerable.Range(0, n).Select(i => (double)i)], names);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(), names);
        // Exactly the cells: no empty band around the matrix.
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Add.ColorBar(heatmap).Label = "share of the actual class (row %)";
        plot.XLabel("predicted class");
        plot.YLabel("actual class");
        plot.Title(title);
        CompactPng.Save(plot, path, 950, 850);
    }

    public static void RocCurves(IReadOnlyList<SetEvaluation> sets, string title, string path) =>
        RocCurves([.. sets.Select(s => (s.Set, s))], title, path);

    /// <summary>
    /// One ROC curve per (label, evaluation), AUC and its interval in the legend, each curve's operating
    /// threshold (what <c>predict</c> uses) marked with a diamond. Test curves are dashed.
    /// </summary>
    public static void RocCurves(IReadOnlyList<(string Label, SetEvaluation Set)> curves, string title, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var i = 0;
        foreach (var (label, set) in curves.Where(c => c.Set.Positive is { Rankable: true }))
        {
            var positive = set.Positive!;
            var color = palette.GetColor(i++);
            var roc = positive.Roc;
            var line = plot.Add.ScatterLine(roc.Select(p => p.FalsePositiveRate).ToArray(), roc.Select(p => p.TruePositiveRate).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.LinePattern = set.Set == "test" ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = Inv($"{label}: AUC {SummaryMarkdown.Ci(positive.Auc, percent: false)}");
            if (positive.Operating is { } o && !double.IsNaN(o.Sensitivity.Value) && !double.IsNaN(o.Specificity.Value))
            {
                var marker = plot.Add.Marker(1 - o.Specificity.Value, o.Sensitivity.Value);
                marker.MarkerShape = MarkerShape.FilledDiamond;
                marker.MarkerSize = 13;
                marker.Color = color;
                marker.LegendText = Inv($"{label}: threshold {o.Threshold:0.000}");
            }
        }
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dotted;
        chance.Color = Colors.Gray;
        chance.LegendText = "chance";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.XLabel("false positive rate (1 - specificity)");
        plot.YLabel("true positive rate (sensitivity)");
        plot.Title(title);
        plot.ShowLegend(Alignment.LowerRight);
        CompactPng.Save(plot, path, 800, 650);
    }

}
