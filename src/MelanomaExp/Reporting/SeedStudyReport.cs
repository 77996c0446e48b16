using System.Globalization;
using System.Text;
using System.Text.Json;
using MelanomaExp.Documents;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting;

/// <summary>A seed study's summary (<c>run --seeds</c>): README.md with every metric's mean, sd and interval, and seeds.json.</summary>
internal static class SeedStudyReport
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
        var json = new SeedSummaryDocument(
            seeds,
            [.. statistics.Select(s => new SeedMetricDocument(s.Step, s.Metric, s.Mean, s.StandardDeviation, s.Interval95.Low, s.Interval95.High, s.Values))]);
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, ReportFiles.Readme), md.ToString());
        File.WriteAllText(Path.Combine(output, ReportFiles.SeedSummary), JsonSerializer.Serialize(json, ReportDocumentContext.Default.SeedSummaryDocument) + "\n");
    }
}
