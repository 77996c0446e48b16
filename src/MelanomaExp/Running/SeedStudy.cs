using MelanomaExp.Config;
using MelanomaExp.Results;

namespace MelanomaExp.Running;

/// <summary>
/// Runs an experiment once per seed (each into <c>seed-N/</c> under the output) and summarises every
/// metric, so a difference between steps or machines can be judged against seed-to-seed noise.
/// </summary>
public static class SeedStudy
{
    public static SeedStudyResult Run(string file, IReadOnlyList<string> overrides, IReadOnlyList<int> seeds, RunOptions options, CancellationToken cancel = default)
    {
        var first = ExperimentLoader.Load(file, overrides);
        // Marked before the first seed runs, so an interrupted study leaves a folder the next one may take over.
        var summary = ExperimentRunner.ClaimOutput(first, options, options.ResolveDataRoot(first), "seeds");
        using var writer = Safety.OutputLock.Acquire(summary);
        summary.CreateAndMark();
        var output = summary.Path;
        var runs = new List<RunResult>();
        foreach (var seed in seeds)
        {
            var experiment = ExperimentLoader.Load(file, [.. overrides, $"seed={seed}"]);
            options.Log?.Invoke($"seed {seed}:");
            runs.Add(ExperimentRunner.Run(experiment, options with { OutputDir = Path.Combine(output, $"seed-{seed}") }, cancel));
        }
        var study = new SeedStudyResult(seeds, Summarise(runs));
        options.Sink?.Write(study, summary);
        return study;
    }

    public static List<SeedStatistic> Summarise(IReadOnlyList<RunResult> runs)
    {
        return runs[0].Steps.SelectMany(step => ReportMetric.SeedSummary.Select(m => new SeedStatistic(
                step.Name,
                m.Name,
                runs.Select(r => m.Of(r.Steps.Single(s => s.Name == step.Name))).OfType<double>().Where(double.IsFinite).ToList())))
            .Where(s => s.Values.Count == runs.Count)
            .ToList();
    }
}
