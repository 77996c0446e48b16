using System.Text;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting.Sections;

/// <summary>
/// Every epoch of every step, folded away. It links history.csv and metrics.json but does not name them as its files:
/// they are the report's data, written by <see cref="ReportFolderWriter"/> whatever the sections.
/// </summary>
internal sealed class HistorySection : IReportSection
{
    public void Write(StringBuilder md, RunResult run)
    {
        md.AppendLine("## Per-epoch history");
        md.AppendLine();
        md.AppendLine(Inv($"The same numbers are in [`{ReportFiles.History}`]({ReportFiles.History}) and [`{ReportFiles.Metrics}`]({ReportFiles.Metrics})."));
        md.AppendLine();
        foreach (var s in run.Steps)
        {
            md.AppendLine("<details><summary>" + s.Name + "</summary>");
            md.AppendLine();
            md.AppendLine("| epoch | train loss | train accuracy | validation loss | validation accuracy | seconds | images/s |");
            md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var r in s.Epochs)
            {
                md.AppendLine(Inv($"| {r.Epoch} | {r.TrainLoss:0.0000} | {Pct(r.TrainAccuracy)} | {r.ValLoss:0.0000} | {Pct(r.ValAccuracy)} | {r.Seconds:0.0} | {r.ImagesPerSecond:0.0} |"));
            }
            md.AppendLine();
            md.AppendLine("</details>");
            md.AppendLine();
        }
    }

    public IEnumerable<SectionFile> Files(RunResult run) => [];
}
