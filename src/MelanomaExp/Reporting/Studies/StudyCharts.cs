using MelanomaExp.Results;
using MelanomaExp.Sweeps;
using ScottPlot;

namespace MelanomaExp.Reporting.Studies;

/// <summary>A strip chart per metric: every seed's value as a point, the mean as a bar across, per grid point and step.</summary>
internal static class StudyCharts
{
    public static string FileName(ReportMetric metric) => $"study-{metric.Name}.png";

    public static void Strip(IReadOnlyList<StudyCell> cells, ReportMetric metric, string path)
    {
        var plot = new Plot();
        var scale = metric.Percent ? 100.0 : 1.0;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            // Seeds spread sideways (in seed order) so equal values stay visible as separate points.
            var xs = cell.Values.Select((_, k) => i + (cell.Values.Count == 1 ? 0 : -0.2 + (0.4 * k / (cell.Values.Count - 1)))).ToArray();
            var markers = plot.Add.Markers(xs, cell.Values.Select(v => v * scale).ToArray());
            markers.MarkerSize = 9;
            var mean = cell.Values.Average() * scale;
            var line = plot.Add.Line(i - 0.3, mean, i + 0.3, mean);
            line.LineWidth = 2;
            line.LineColor = Colors.Black;
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, cells.Count).Select(i => (double)i).ToArray(), cells.Select(c => c.Label).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = cells.Count > 4 ? 30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = cells.Count > 4 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Bottom.MinimumSize = cells.Count > 4 ? 140 : 40;
        plot.Axes.SetLimitsX(-0.6, cells.Count - 0.4);
        plot.Title($"{metric.Label}: every seed (points) and the mean (bar)");
        plot.YLabel(metric.Percent ? $"{metric.Label} (%)" : metric.Label);
        plot.SavePng(path, 800, cells.Count > 4 ? 550 : 450);
    }
}
