using MelanomaExp.Evaluation;
using ScottPlot;

namespace MelanomaExp.Reporting;

/// <summary>Confusion-matrix heatmap and ROC curve charts (ScottPlot PNG).</summary>
public static class EvaluationCharts
{
    public static void Confusion(SetEvaluation e, string title, string path)
    {
        var n = e.Confusion.Classes;
        var names = e.Metrics.PerClass.Select(c => c.Name).ToArray();
        // Rows normalised by support, so colour shows recall per class whatever the class size.
        var share = new double[n, n];
        for (var r = 0; r < n; r++)
        {
            var support = Math.Max(1, e.Confusion.Support(r));
            for (var c = 0; c < n; c++)
            {
                share[r, c] = e.Confusion.Counts[r, c] / (double)support;
            }
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(share);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                var label = plot.Add.Text(e.Confusion.Counts[r, c].ToString(System.Globalization.CultureInfo.InvariantCulture), c, n - 1 - r);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontColor = share[r, c] > 0.5 ? Colors.White : Colors.Black;
                label.LabelFontSize = 13;
            }
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, n).Select(i => (double)i).ToArray(), names);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 150;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(), names);
        plot.Add.ColorBar(heatmap).Label = "share of the actual class";
        plot.XLabel("predicted");
        plot.YLabel("actual");
        plot.Title(title);
        plot.SavePng(path, 900, 800);
    }

    public static void RocCurves(IReadOnlyList<SetEvaluation> sets, string title, string path)
    {
        var plot = new Plot();
        foreach (var set in sets.Where(s => s.Positive is not null))
        {
            var roc = set.Positive!.Roc;
            var line = plot.Add.ScatterLine(roc.Select(p => p.FalsePositiveRate).ToArray(), roc.Select(p => p.TruePositiveRate).ToArray());
            line.LegendText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{set.Set} (AUC {set.Positive.Auc.Value:0.000})");
            line.LineWidth = 2;
        }
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = "chance";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.XLabel("false positive rate (1 - specificity)");
        plot.YLabel("true positive rate (sensitivity)");
        plot.Title(title);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 700, 600);
    }
}
