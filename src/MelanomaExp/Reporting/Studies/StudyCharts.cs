using MelanomaExp.Results;
using MelanomaExp.Sweeps;
using ScottPlot;

namespace MelanomaExp.Reporting.Studies;

/// <summary>
/// A strip chart per metric, per grid point and step: every seed's value as a point, the same seed joined from cell to
/// cell (the report's tests pair cells by seed, within a run and across grid points alike, so the chart shows the
/// pairs they use), the mean as a bar across and its 95% interval (Student's t over the seeds) as a vertical bar.
/// </summary>
internal static class StudyCharts
{
    public static string FileName(ReportMetric metric) => $"study-{metric.Name}.png";

    public static void Strip(IReadOnlyList<StudyCell> cells, ReportMetric metric, string path)
    {
        var plot = new Plot();
        var scale = metric.Percent ? 100.0 : 1.0;
        // One sideways place and one colour per seed, the same in every cell, so a seed is followed across the chart.
        var seeds = cells.SelectMany(c => c.Seeds).Distinct().ToList();
        double Offset(int seed) => seeds.Count == 1 ? 0 : -0.2 + (0.4 * seeds.IndexOf(seed) / (seeds.Count - 1));
        foreach (var seed in seeds)
        {
            var color = plot.Add.Palette.GetColor(seeds.IndexOf(seed));
            var points = cells
                .Select((cell, i) => (X: i + Offset(seed), Index: IndexOf(cell.Seeds, seed), Cell: cell))
                .Where(p => p.Index >= 0 && double.IsFinite(p.Cell.Values[p.Index]))
                .Select(p => (p.X, Y: p.Cell.Values[p.Index] * scale))
                .ToList();
            if (points.Count == 0)
            {
                continue;
            }
            var pairing = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            pairing.Color = color.WithAlpha(0.35);
            pairing.LineWidth = 1;
            var markers = plot.Add.Markers(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            markers.MarkerSize = 9;
            markers.Color = color;
            markers.LegendText = $"seed {seed}";
        }
        for (var i = 0; i < cells.Count; i++)
        {
            var statistic = cells[i].Statistic;
            var mean = statistic.Mean * scale;
            var bar = plot.Add.Line(i - 0.3, mean, i + 0.3, mean);
            bar.LineWidth = 2;
            bar.LineColor = Colors.Black;
            if (statistic.Values.Count >= 2)
            {
                var (low, high) = statistic.Interval95;
                Interval(plot, i + 0.27, low * scale, high * scale);
            }
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, cells.Count).Select(i => (double)i).ToArray(), cells.Select(c => c.Label).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = cells.Count > 4 ? 30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = cells.Count > 4 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Bottom.MinimumSize = cells.Count > 4 ? 140 : 40;
        plot.Axes.SetLimitsX(-0.6, cells.Count - 0.4);
        // Beside the plot, not over it: the last cell's points would hide behind it.
        plot.ShowLegend(Edge.Right);
        plot.Title($"{metric.Label}: seeds (joined), mean and 95% interval");
        plot.YLabel(metric.Percent ? $"{metric.Label} (%)" : metric.Label);
        CompactPng.Save(plot, path, 800, cells.Count > 4 ? 550 : 450);
    }

    private static int IndexOf(IReadOnlyList<int> seeds, int seed)
    {
        for (var k = 0; k < seeds.Count; k++)
        {
            if (seeds[k] == seed)
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>A vertical bar with short caps from <paramref name="low"/> to <paramref name="high"/> at <paramref name="x"/>.</summary>
    private static void Interval(Plot plot, double x, double low, double high)
    {
        foreach (var (x1, y1, x2, y2) in new[] { (x, low, x, high), (x - 0.04, low, x + 0.04, low), (x - 0.04, high, x + 0.04, high) })
        {
            var segment = plot.Add.Line(x1, y1, x2, y2);
            segment.LineWidth = 1.5f;
            segment.LineColor = Colors.Black;
        }
    }
}
