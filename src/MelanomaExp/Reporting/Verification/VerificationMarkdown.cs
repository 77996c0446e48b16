using System.Globalization;
using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Verification;

/// <summary>The <see cref="VerificationResult"/> verify computes, written as Markdown (VERIFY.md in the rerun's folder) and printed as a table.</summary>
public static class VerificationMarkdown
{
    public static string Render(VerificationResult result)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Verification of `{result.ReportDir}`");
        md.AppendLine();
        md.AppendLine(result.Reproduced ? $"**Reproduced**: {result.Reason}." : $"**Not reproduced**: {result.Reason}.");
        md.AppendLine();
        if (result.Integrity.Count > 0)
        {
            md.AppendLine("## Integrity of the committed report");
            md.AppendLine();
            md.AppendLine("Checked before any rerun, against `checksums.sha256` and the weights' sha256 in `manifest.json`:");
            md.AppendLine();
            foreach (var problem in result.Integrity)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {problem}");
            }
            return md.ToString();
        }
        md.AppendLine(result.IntegrityNote is { } note ? $"Integrity: {note}." : "Integrity: every file in `checksums.sha256` and every step's weights are as the tool wrote them, and every figure recomputed from `predictions.csv` equals `metrics.json`.");
        md.AppendLine();
        if (result.Pairs.Count > 0)
        {
            md.AppendLine("Images that changed answer in the rerun (paired by file; McNemar on the images right in one run only):");
            md.AppendLine();
            md.AppendLine("| step | set | images | changed answer | right only before | right only now | McNemar p |");
            md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var p in result.Pairs)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Step} | {p.Set} | {p.Images} | {p.Changed} | {p.Test.OnlyFirstRight} | {p.Test.OnlySecondRight} | {p.Test.PValue:0.###} |");
            }
            md.AppendLine();
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(result.Summary[0])}{result.Summary[1..]}.");
        md.AppendLine();
        md.AppendLine("| step | metric | committed | reproduced | difference | tolerance | verdict |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var c in result.Checks)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Step} | {c.Metric} | {F(c.Committed)} | {F(c.Reproduced)} | {F(c.Difference)} | {c.Tolerance:0.####} | {Word(c.Verdict)} |");
        }
        var failed = result.Figures.Where(f => f.Verdict == Verdict.NotReproduced).ToList();
        if (failed.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Figures not reproduced");
            md.AppendLine();
            md.AppendLine("| figure | kind | committed | reproduced | tolerance |");
            md.AppendLine("| --- | --- | ---: | ---: | ---: |");
            foreach (var f in failed)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Path} | {f.Kind} | {f.Committed} | {f.Reproduced} | {f.Tolerance:0.####} |");
            }
        }
        md.AppendLine();
        SeedSpreadSection(md, result);
        md.AppendLine("## Environment differences");
        md.AppendLine();
        if (result.Environment.Count == 0)
        {
            md.AppendLine("None: same data, versions, hardware and threads.");
        }
        else
        {
            md.AppendLine("| property | committed | this run |");
            md.AppendLine("| --- | --- | --- |");
            foreach (var d in result.Environment)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {d.Property} | {d.Committed} | {d.Reproduced} |");
            }
        }
        return md.ToString();
    }

    public static string Word(Verdict v) => v switch
    {
        Verdict.Identical => "identical",
        Verdict.WithinTolerance => "within tolerance",
        Verdict.WithinSeedSpread => "within seed spread",
        _ => "NOT REPRODUCED",
    };

    private static void SeedSpreadSection(StringBuilder md, VerificationResult result)
    {
        md.AppendLine("## Against seed-to-seed spread");
        md.AppendLine();
        if (result.SeedStudy is null)
        {
            md.AppendLine("No seed study of this experiment was found (give one with --seed-study DIR, written by melanoma-exp sweep and collect): differences are judged by the fixed tolerance only.");
            md.AppendLine();
            return;
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"Seed study: `{result.SeedStudy}`. A difference is within the seed spread when it is inside ±1.96·√2 sd, the 95% band of the difference between two seeds' runs.");
        md.AppendLine();
        md.AppendLine("| step | metric | difference | seed sd | difference in sd |");
        md.AppendLine("| --- | --- | ---: | ---: | --- |");
        foreach (var c in result.Checks.Where(c => c.SeedSd is not null))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Step} | {c.Metric} | {F(c.Difference)} | {F(c.SeedSd)} | {c.SpreadDescription ?? "–"} |");
        }
        md.AppendLine();
    }

    private static string F(double? v) => v is null ? "–" : v.Value.ToString("0.000000", CultureInfo.InvariantCulture);
}
