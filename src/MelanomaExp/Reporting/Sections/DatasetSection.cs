using System.Text;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting.Sections;

/// <summary>Images per class and split, the class-distribution chart, one sample per class and the files skipped as unreadable.</summary>
internal sealed class DatasetSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run)
    {
        var d = run.Dataset;
        md.AppendLine("## Dataset");
        md.AppendLine();
        md.AppendLine(Inv($"{d.Classes.Count} classes, images resized to {d.ImageHeight}x{d.ImageWidth}."));
        md.AppendLine();
        var hasTest = d.TestCounts is not null;
        md.AppendLine("| class | training | validation |" + (hasTest ? " test |" : "") + " share of training |");
        md.AppendLine("| --- | ---: | ---: |" + (hasTest ? " ---: |" : "") + " ---: |");
        var trainTotal = d.TrainCounts.Sum();
        for (var c = 0; c < d.Classes.Count; c++)
        {
            var test = hasTest ? $" {d.TestCounts![c]} |" : "";
            md.AppendLine(Inv($"| {d.Classes[c]} | {d.TrainCounts[c]} | {d.ValidationCounts[c]} |{test} {Pct(d.TrainCounts[c] / (double)trainTotal)} |"));
        }
        var totalTest = hasTest ? $" **{d.TestCounts!.Sum()}** |" : "";
        md.AppendLine(Inv($"| **total** | **{trainTotal}** | **{d.ValidationCounts.Sum()}** |{totalTest} 100.00% |"));
        md.AppendLine();
        var least = Array.IndexOf(d.TrainCounts, d.TrainCounts.Min());
        var most = Array.IndexOf(d.TrainCounts, d.TrainCounts.Max());
        md.AppendLine(Inv($"Least frequent in training: **{d.Classes[least]}** ({d.TrainCounts[least]}, {Pct(d.TrainCounts[least] / (double)trainTotal)}); most frequent: **{d.Classes[most]}** ({d.TrainCounts[most]}, {Pct(d.TrainCounts[most] / (double)trainTotal)})."));
        md.AppendLine();
        md.AppendLine(Inv($"![Images per class]({ReportFiles.ClassDistribution})"));
        md.AppendLine();
        md.AppendLine("One training image per class:");
        md.AppendLine();
        md.AppendLine(Inv($"![One sample per class]({ReportFiles.Samples})"));
        md.AppendLine();
        if (d.Skipped.Count > 0)
        {
            md.AppendLine(Inv($"{d.Skipped.Count} unreadable file(s) were skipped (`on_bad_image: skip`):"));
            md.AppendLine();
            foreach (var s in d.Skipped)
            {
                md.AppendLine(Inv($"- `{s.Path}`: {s.Reason}"));
            }
            md.AppendLine();
        }
    }

    public IEnumerable<SectionFile> Files(RunResult run) =>
    [
        new(ReportFiles.ClassDistribution, path => Charts.ClassDistribution(run.Dataset, path)),
        new(ReportFiles.Samples, path => SampleGrid.Write(run.Dataset, path)),
    ];
}
