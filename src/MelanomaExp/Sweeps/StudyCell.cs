using MelanomaExp.Results;

namespace MelanomaExp.Sweeps;

/// <summary>One metric of one step at one grid point, over the seeds whose runs are done.</summary>
public sealed record StudyCell(string Point, IReadOnlyList<string> Grid, string Step, ReportMetric Metric, IReadOnlyList<int> Seeds, IReadOnlyList<double> Values)
{
    public SeedStatistic Statistic => new(Step, Metric.Name, Values);

    public string Label => LabelOf(Point, Step);

    /// <summary>How reports name a step at a grid point: the step alone when the sweep has no grid.</summary>
    public static string LabelOf(string point, string step) => point == SweepPlanner.DefaultPoint ? step : $"{point} / {step}";
}
