using System.Text;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting.Sections;

/// <summary>Each step's accuracy and loss curves, with where validation loss was lowest.</summary>
internal sealed class TrainingCurvesSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run)
    {
        md.AppendLine("## Training curves");
        md.AppendLine();
        foreach (var s in run.Steps)
        {
            md.AppendLine(Inv($"### {s.Name}"));
            md.AppendLine();
            md.AppendLine(Inv($"![{s.Name} accuracy]({ReportFiles.Accuracy(s.Name)}) ![{s.Name} loss]({ReportFiles.Loss(s.Name)})"));
            md.AppendLine();
            var lowest = s.Epochs.Where(e => !double.IsNaN(e.ValLoss)).DefaultIfEmpty(s.Last).MinBy(e => e.ValLoss)!;
            md.AppendLine(Inv($"Validation loss is lowest at epoch {lowest.Epoch} of {s.Epochs.Count} ({lowest.ValLoss:0.0000}); at the kept epoch {s.Kept.Epoch} it is {s.Kept.ValLoss:0.0000}{(s.Kept.ValLoss > lowest.ValLoss * 1.1 ? ", higher: the loss chart shows validation loss rising while training loss falls" : "")}."));
            md.AppendLine();
        }
    }

    public IEnumerable<SectionFile> Files(RunResult run) => run.Steps.SelectMany(step => new SectionFile[]
    {
        new(ReportFiles.Accuracy(step.Name), path => Charts.Curves(step, "accuracy", path)),
        new(ReportFiles.Loss(step.Name), path => Charts.Curves(step, "loss", path)),
    });
}
