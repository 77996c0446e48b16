using System.Text;
using MelanomaExp.Evaluation;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>The calibration part of the evaluation section: expected calibration error per step and the reliability diagram.</summary>
internal static class CalibrationMarkdown
{
    public static void Write(StringBuilder md, IReadOnlyList<(string Step, SetEvaluation Set)> rows, string chart)
    {
        var withCalibration = rows.Where(r => r.Set.Calibration is not null).ToList();
        if (withCalibration.Count == 0)
        {
            return;
        }
        var bins = withCalibration[0].Set.Calibration!.BinCount;
        md.AppendLine("### Calibration");
        md.AppendLine();
        md.AppendLine(Inv($"| step | set | images | mean confidence | accuracy | expected calibration error ({bins} bins) | empty bins; fullest bin (images) |"));
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var (step, e) in withCalibration)
        {
            var c = e.Calibration!;
            var fullest = c.Bins.MaxBy(b => b.Count)!;
            md.AppendLine(Inv($"| {step} | {e.Set} | {e.Images} | {Pct(c.MeanConfidence)} | {Pct(c.Accuracy)} | {Num(c.ExpectedError)} | {c.Bins.Count(b => b.Count == 0)} empty; fullest {fullest.Lower:0.0}–{fullest.Upper:0.0} ({fullest.Count}) |"));
        }
        md.AppendLine();
        md.AppendLine(Inv($"Confidence is the top-class probability. Expected calibration error: images are put in {bins} equal-width bins of confidence (0–0.1, …, 0.9–1.0); it is the mean, weighted by the bins' image counts, of |accuracy − mean confidence| in each bin. 0 means the probabilities can be read as frequencies; a model more confident than accurate lies below the diagonal."));
        md.AppendLine();
        md.AppendLine(Inv($"![Reliability diagram of every step]({chart})"));
        md.AppendLine();
    }

    private static string Num(double v) => double.IsNaN(v) ? "n/a" : Inv($"{v:0.000}");
}
