using MelanomaExp.Running;
using ScottPlot;

namespace MelanomaExp.Reporting;

/// <summary>The report's ScottPlot charts, saved as PNG.</summary>
public static class Charts
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
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Validation accuracy per epoch of every step in one chart.</summary>
    public static void AllSteps(RunResult run, string path)
    {
        var plot = new Plot();
        foreach (var step in run.Steps)
        {
            plot.Add.Scatter(step.Epochs.Select(e => (double)e.Epoch).ToArray(), step.Epochs.Select(e => e.ValAccuracy * 100).ToArray()).LegendText = step.Name;
        }
        plot.Title("Validation accuracy of every step");
        plot.XLabel("epoch");
        plot.YLabel("validation accuracy (%)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, Width, Height);
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
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, n).Select(i => (i * 3.0) + 1).ToArray(), data.Classes.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 140;
        plot.Axes.Margins(bottom: 0);
        plot.Title("Images per class");
        plot.YLabel("images");
        plot.ShowLegend(Edge.Right);
        plot.Axes.Right.MinimumSize = 60;
        plot.SavePng(path, Width + 100, Height + 100);
    }
}
