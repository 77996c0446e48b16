using System.Text;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting.Sections;

/// <summary>For each step that generated images: counts before and after, whether validation leaked into training, and samples of the generated images.</summary>
internal sealed class RebalancingSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run)
    {
        foreach (var s in run.Steps)
        {
            if (s.Rebalance is not { } r)
            {
                continue;
            }
            md.AppendLine(Inv($"## Rebalancing: {s.Name}"));
            md.AppendLine();
            md.AppendLine(r.Scope == Config.RebalanceScope.SourceFolder
                ? SourceFolderLeakage(r)
                : "Scope `train-split`: images were generated from the training split only; validation images and their copies never reach training.");
            md.AppendLine();
            md.AppendLine("| class | source images | generated | training after | validation after |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            for (var c = 0; c < run.Dataset.Classes.Count; c++)
            {
                md.AppendLine(Inv($"| {run.Dataset.Classes[c]} | {r.SourcesPerClass[c]} | {r.GeneratedPerClass[c]} | {r.TrainCounts[c]} | {r.ValidationCounts[c]} |"));
            }
            md.AppendLine();
            var least = Array.IndexOf(r.TrainCounts, r.TrainCounts.Min());
            var most = Array.IndexOf(r.TrainCounts, r.TrainCounts.Max());
            var balance = r.TrainCounts[least] == r.TrainCounts[most]
                ? Inv($"After rebalancing, every class has {r.TrainCounts[least]} training images.")
                : Inv($"After rebalancing, least frequent in training: **{run.Dataset.Classes[least]}** ({r.TrainCounts[least]}); most frequent: **{run.Dataset.Classes[most]}** ({r.TrainCounts[most]}).");
            md.AppendLine(balance + Inv($" Generated images: {r.GeneratedPerClass.Sum()}, PNG files named by content hash, {(r.FromCache ? "reused from" : "written to")} the cache beside the report (not committed)."));
            md.AppendLine();
            md.AppendLine(Inv($"![Generated samples of {s.Name}]({ReportFiles.Generated(s.Name)})"));
            md.AppendLine();
        }
    }

    public IEnumerable<SectionFile> Files(RunResult run)
    {
        foreach (var step in run.Steps)
        {
            if (step.Rebalance is { } added)
            {
                yield return new(ReportFiles.Generated(step.Name), path => SampleGrid.Write(run.Dataset.Classes, added.Samples, run.Dataset.ImageHeight, run.Dataset.ImageWidth, path));
            }
        }
    }

    /// <summary>The claim follows the count: leakage is named as inflating validation only when a validation image has a copy in training.</summary>
    private static string SourceFolderLeakage(RebalanceSummary r)
    {
        var scope = "Scope `source-folder` (the notebook's protocol): images were generated from the whole class folders and the enlarged set was split again, so generated copies of validation images can reach training.";
        var validation = r.ValidationCounts.Sum();
        return r.ValidationImagesWithCopyInTraining == 0
            ? Inv($"{scope} In this run none of the {validation} validation images has a copy in training, so this step's validation figures carry no such leakage.")
            : Inv($"{scope} In this run {r.ValidationImagesWithCopyInTraining} of the {validation} validation images have a generated copy in training. **Validation accuracy of this step can be inflated by that leakage**; by how much is measured only against the same step with scope: train-split over seeds (final-seed-protocol.yaml), and Test is not affected.");
    }
}
