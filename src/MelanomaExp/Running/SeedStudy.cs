using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using MelanomaExp.Config;
using MelanomaExp.Results;

namespace MelanomaExp.Running;

/// <summary>
/// Runs an experiment once per seed (each into <c>seed-N/</c> under the output) and summarises every
/// metric, so a difference between steps or machines can be judged against seed-to-seed noise.
/// </summary>
public static class SeedStudy
{
    public static IReadOnlyList<SeedStatistic> Run(string file, IReadOnlyList<string> overrides, IReadOnlyList<int> seeds, RunOptions options, CancellationToken cancel = default)
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
        var statistics = Summarise(runs);
        Write(output, seeds, statistics);
        summary.Record("README.md", "seeds.json");
        return statistics;
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

    private static void Write(string output, IReadOnlyList<int> seeds, IReadOnlyList<SeedStatistic> statistics)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {seeds.Count} seeds: {string.Join(", ", seeds)}");
        md.AppendLine();
        md.AppendLine("Each seed's full report is in `seed-N/`. Interval: mean ± t(0.975, n-1) · sd / √n.");
        md.AppendLine();
        md.AppendLine("| step | metric | mean | sd | 95% CI of the mean | per seed |");
        md.AppendLine("| --- | --- | ---: | ---: | --- | --- |");
        foreach (var s in statistics)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Step} | {s.Metric} | {s.Mean:0.0000} | {s.StandardDeviation:0.0000} | {s.Mean - s.HalfWidth:0.0000} – {s.Mean + s.HalfWidth:0.0000} | {string.Join(", ", s.Values.Select(v => v.ToString("0.0000", CultureInfo.InvariantCulture)))} |");
        }
        var json = new JsonObject
        {
            ["seeds"] = new JsonArray([.. seeds.Select(x => (JsonNode?)x)]),
            ["metrics"] = new JsonArray([.. statistics.Select(s => (JsonNode?)new JsonObject
            {
                ["step"] = s.Step,
                ["metric"] = s.Metric,
                ["mean"] = s.Mean,
                ["sd"] = s.StandardDeviation,
                ["ci95_low"] = s.Mean - s.HalfWidth,
                ["ci95_high"] = s.Mean + s.HalfWidth,
                ["values"] = new JsonArray([.. s.Values.Select(v => (JsonNode?)v)]),
            })]),
        };
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, ReportFiles.Readme), md.ToString());
        File.WriteAllText(Path.Combine(output, ReportFiles.SeedSummary), json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
