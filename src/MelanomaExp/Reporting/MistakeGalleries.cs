using System.Text;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>The most confident validation mistakes: one PNG per (step, class pair) and the report section that shows them.</summary>
internal static class MistakeGalleries
{
    private const int Columns = 3;

    /// <summary>One gallery (<see cref="ReportFiles.Mistakes"/>) at <paramref name="path"/>, whose folder the report writer creates.</summary>
    public static void Draw(RunResult run, StepResult step, MistakeGallery g, string path)
    {
        var tiles = g.Images.Select(i => new Tile(i.Rgb, [Inv($"true: {i.Actual}"), Inv($"called: {i.Predicted}"), Inv($"p={i.Probability:0.000}  {i.File}")])).ToList();
        var title = Inv($"{step.Name}: {g.Actual} called {g.Predicted}, {g.Images.Count} most confident of {g.Count}");
        File.WriteAllBytes(path, TileGrid.Encode(tiles, run.Dataset.ImageHeight, run.Dataset.ImageWidth, Columns, title));
    }

    public static void Markdown(StringBuilder md, RunResult run)
    {
        if (run.Steps.All(s => s.Mistakes.Count == 0))
        {
            return;
        }
        md.AppendLine("### Most confident mistakes (validation)");
        md.AppendLine();
        var positive = run.Steps[0].Validation.Positive?.PositiveClass;
        var lead = positive is null ? "" : Inv($"{positive} called {MistakeGallery.RequiredPartner} (the study's dominant error), then ");
        md.AppendLine(Inv($"For each step: {lead}the three largest off-diagonal cells of the validation confusion matrix. Each gallery shows the images of that kind the model was surest of (up to 6), with the true and predicted class, the probability of the predicted class and the file name: a confident mistake is one no threshold catches."));
        md.AppendLine();
        md.AppendLine("| step | true → predicted | mistakes | shown | gallery |");
        md.AppendLine("| --- | --- | ---: | ---: | --- |");
        foreach (var s in run.Steps)
        {
            foreach (var g in s.Mistakes)
            {
                var file = ReportFiles.Mistakes(s.Name, g.Actual, g.Predicted);
                md.AppendLine(Inv($"| {s.Name} | {g.Actual} → {g.Predicted} | {g.Count} | {g.Images.Count} | {(g.Images.Count == 0 ? "none" : $"[{file}]({file})")} |"));
            }
        }
        md.AppendLine();
        var last = run.Steps[^1];
        foreach (var g in last.Mistakes.Where(g => g.Images.Count > 0))
        {
            md.AppendLine(Inv($"![{last.Name}: {g.Actual} called {g.Predicted}]({ReportFiles.Mistakes(last.Name, g.Actual, g.Predicted)})"));
            md.AppendLine();
        }
    }
}
