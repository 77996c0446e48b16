using MelanomaExp.Results;
using ScottPlot;

namespace MelanomaExp.Reporting;

/// <summary>The report's ScottPlot charts, saved as PNG.</summary>
internal static class Charts
{
    private const int Width = 800;
    private const int Height = 450;

    /// <summary>Training and validation accuracy (or loss) per epoch for one step.</summary>
    public static void Curves(StepResult step, string metric, string path)
    {
        var plot = new Plot();
        var epochs = step.Epochs.Select(e => (double)e.Epoch).ToArray();
        var (train, validation) = metric == "loss"
            ? (step.Epochs.Select(e => e.TrainLoss).ToArray(), step.Epochs.Select(e => e.ValLoss).ToArray())
            : (step.Epochs.Select(e => e.TrainAccuracy * 100).ToArray(), step.Epochs.Select(e => e.ValAccuracy * 100).ToArray());
        plot.Add.Scatter(epochs, train).LegendText = "training";
        plot.Add.Scatter(epochs, validation).LegendText = "validation";
        plot.Title($"{step.Name}: {metric}");
        plot.XLabel("epoch");
        plot.YLabel(metric == "loss" ? "cross-entropy loss" : "accuracy (%)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Edge.Right);
        CompactPng.Save(plot, path, Width, Height);
    }

    /// <summary>
    /// Training and validation accuracy per epoch of every step on the full 0-100% axis (a narrower axis
    /// would magnify differences within noise). Each step's last epoch is marked and labelled with its
    /// length, so steps trained for different numbers of epochs are not read as one time line.
    /// </summary>
    public static void AllSteps(RunResult run, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var i = 0;
        foreach (var step in run.Steps)
        {
            var color = palette.GetColor(i++);
            var epochs = step.Epochs.Select(e => (double)e.Epoch).ToArray();
            var validation = plot.Add.Scatter(epochs, step.Epochs.Select(e => e.ValAccuracy * 100).ToArray());
            validation.Color = color;
            validation.LegendText = $"{step.Name} validation ({step.Epochs.Count} epochs)";
            var training = plot.Add.Scatter(epochs, step.Epochs.Select(e => e.TrainAccuracy * 100).ToArray());
            training.Color = color;
            training.LinePattern = LinePattern.Dashed;
            training.MarkerSize = 0;
            training.LegendText = $"{step.Name} training (running, training mode)";
            var end = plot.Add.Marker(step.Last.Epoch, step.Last.ValAccuracy * 100);
            end.MarkerShape = MarkerShape.FilledSquare;
            end.MarkerSize = 11;
            end.Color = color;
            var label = plot.Add.Text($"{step.Name}: end, epoch {step.Last.Epoch}", step.Last.Epoch, step.Last.ValAccuracy * 100);
            label.LabelFontColor = color;
            label.LabelFontSize = 11;
            label.LabelAlignment = Alignment.LowerRight;
        }
        plot.Axes.SetLimits(0.5, run.Steps.Max(s => s.Epochs.Count) + 0.5, 0, 100);
        plot.Title("Accuracy of every step: validation (solid) and training (dashed)");
        plot.XLabel("epoch");
        plot.YLabel("accuracy (%)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Edge.Right);
        CompactPng.Save(plot, path, Width + 250, Height + 50);
    }

    /// <summary>Images per class in the training and validation splits, side by side.</summary>
    public static void ClassDistribution(DatasetSummary data, string path)
    {
        var plot = new Plot();
        var n = data.Classes.Count;
        var train = plot.Add.Bars(Enumerable.Range(0, n).Select(i => (i * 3.0) + 0.5).ToArray(), data.TrainCounts.Select(c => (double)c).ToArray());
        train.LegendText = "training";
        var validation = plot.Add.Bars(Enumerable.Range(0, n).Select(i => (i * 3.0) + 1.5).ToArray(), data.ValidationCounts.Select(c => (double)c).ToArray());
        validation.LegendText = "validation";
        // Every bar carries its count, so a class with 2 images (or none) is as readable as one with 400.
        foreach (var bar in train.Bars.Concat(validation.Bars))
        {
            bar.Label = bar.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        train.ValueLabelStyle.FontSize = 11;
        validation.ValueLabelStyle.FontSize = 11;
        RotatedTicks.Apply(plot.Axes.Bottom, [.. Enumerable.Range(0, n).Select(i => (i * 3.0) + 1)], [.. data.Classes]);
        // Headroom for the value labels and the legend above the tallest bars.
        plot.Axes.Margins(bottom: 0, top: 0.3);
        plot.Title("Images per class");
        plot.YLabel("images");
        plot.XLabel("class");
        plot.ShowLegend(Alignment.UpperRight);
        CompactPng.Save(plot, path, Width + 100, Height + 100);
    }
}
