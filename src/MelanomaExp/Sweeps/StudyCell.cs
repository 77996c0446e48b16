using MelanomaExp.Results;

namespace MelanomaExp.Sweeps;

/// <summary>One metric of one step at one grid point, over the seeds whose runs are done.</summary>
public sealed record StudyCell(string Point, IReadOnlyList<string> Grid, string Step, ReportMetric Metric, IReadOnlyList<int> Seeds, IReadOnlyList<double> Values)
{
    public SeedStatistic Statistic => new(Step, Metric.Name, Values);

    public string Label => Point == "default" ? Step : $"{Point} / {Step}";
}
