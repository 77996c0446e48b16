using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting;

/// <summary>A seed study's summary (<c>run --seeds</c>): README.md with every metric's mean, sd and interval, and seeds.json.</summary>
public static class SeedStudyReport
{
    public static void Write(SeedStudyResult study, string output)
    {
        var (seeds, statistics) = (study.Seeds, study.Statistics);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {seeds.Count} seeds: {string.Join(", ", seeds)}");
        md.AppendLine();
        md.AppendLine("Each seed's full report is in `seed-N/`. Interval: mean ± t(0.975, n-1) · sd / √n, cut at 0 and 1 for every metric but the losses.");
        md.AppendLine();
        md.AppendLine("| step | metric | mean | sd | 95% CI of the mean | per seed |");
        md.AppendLine("| --- | --- | ---: | ---: | --- | --- |");
        foreach (var s in statistics)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Step} | {s.Metric} | {s.Mean:0.0000} | {s.StandardDeviation:0.0000} | {s.Interval95.Low:0.0000} – {s.Interval95.High:0.0000} | {string.Join(", ", s.Values.Select(v => v.ToString("0.0000", CultureInfo.InvariantCulture)))} |");
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
                ["ci95_low"] = s.Interval95.Low,
                ["ci95_high"] = s.Interval95.High,
                ["values"] = new JsonArray([.. s.Values.Select(v => (JsonNode?)v)]),
            })]),
        };
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, ReportFiles.Readme), md.ToString());
        File.WriteAllText(Path.Combine(output, ReportFiles.SeedSummary), json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
