using System.Globalization;
using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting;

/// <summary>
/// The report people commit and review (renders on GitHub). Its text is pinned by a golden-file test:
/// any change to what readers see shows up in review.
/// </summary>
public static class MarkdownReport
{
    public static string Render(RunResult run) => Render(run, []);

    /// <param name="run">The run.</param>
    /// <param name="kept">Files a person added to the report folder, kept by this rerun: listed under the title, so a reader knows they are not the tool's.</param>
    public static string Render(RunResult run, IReadOnlyList<string> kept)
    {
        var md = new StringBuilder();
        var e = run.Experiment;
        md.AppendLine(Inv($"# Experiment `{e.Name}`"));
        md.AppendLine();
        md.AppendLine(Inv($"melanoma-exp {run.Environment.ToolVersion} · experiment hash `{e.Hash}` · seed {e.Seed} · device **{run.Environment.Device}** · started {run.Started.UtcDateTime:yyyy-MM-dd HH:mm} UTC · took {Duration(run.Finished - run.Started)}"));
        md.AppendLine();
        if (kept.Count > 0)
        {
            var links = string.Join(", ", kept.Select(f => $"[`{f}`](<{f}>)"));
            md.AppendLine(Inv($"Kept from the earlier folder, written by a person and not by melanoma-exp (untouched by this run): {links}."));
            md.AppendLine();
        }
        SummaryMarkdown.Write(md, run);
        Results(md, run);
        Curves(md, run);
        EvaluationMarkdown.Steps(md, run);
        GroupMarkdown.PerGroup(md, run);
        Dataset(md, run.Dataset);
        AuditMarkdown.Write(md, run.Dataset.Audit);
        GroupMarkdown.Association(md, run.Dataset.Groups);
        Rebalancing(md, run);
        History(md, run);
        Environment(md, run);
        ProvenanceMarkdown.Write(md, run);
        md.AppendLine("## Experiment file (resolved)");
        md.AppendLine();
        md.AppendLine(Inv($"Read from `{e.SourcePath}`, with defaults and `--set` overrides applied. The data root (`{run.Dataset.Root}`) is where the images were on this machine; it is not part of the experiment hash."));
        md.AppendLine();
        md.AppendLine("```yaml");
        md.Append(e.ResolvedYaml);
        md.AppendLine("```");
        return md.ToString();
    }

    private static void Results(StringBuilder md, RunResult run)
    {
        md.AppendLine("## Training");
        md.AppendLine();
        var hasTest = run.Steps.Any(s => s.Test is not null);
        md.AppendLine("| step | epochs (kept) | running train accuracy, training mode | train accuracy, evaluation mode | validation accuracy | train − validation (evaluation mode) | validation loss |" + (hasTest ? " test accuracy |" : "") + " time |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |" + (hasTest ? " ---: |" : "") + " ---: |");
        foreach (var s in run.Steps)
        {
            var test = hasTest ? (s.Test is null ? " – |" : $" {Pct(s.Test.Metrics.Accuracy)} |") : "";
            var kept = s.Kept;
            var evalTrain = s.TrainEvaluation is { } t ? Pct(t.Accuracy) : "–";
            var gap = s.TrainEvaluation is { } g ? Inv($"{(g.Accuracy - s.Validation.Metrics.Accuracy) * 100:0.00} pts") : "–";
            md.AppendLine(Inv($"| {s.Name} | {s.Epochs.Count} ({kept.Epoch}) | {Pct(kept.TrainAccuracy)}{(TrainingModeDiffers(s) ? "*" : "")} | {evalTrain} | {Pct(s.Validation.Metrics.Accuracy)} | {gap} | {s.Validation.Loss:0.0000} |{test} {Duration(TimeSpan.FromSeconds(s.Seconds))} |"));
        }
        md.AppendLine();
        if (run.Steps.Count > 1)
        {
            md.AppendLine(Inv($"![Training and validation accuracy of every step]({ReportFiles.AllSteps})"));
            md.AppendLine();
            md.AppendLine("The chart puts every step on one epoch axis from 0 to 100%: each step starts at epoch 1 from fresh weights, and a square marks where each ends. Its training curves are the running training-mode averages (dashed).");
            md.AppendLine();
        }
        var marked = run.Steps.Where(TrainingModeDiffers).Select(s => $"`{s.Name}`").ToList();
        md.AppendLine("All figures are those of the kept epoch's weights (`train.keep`: the last epoch unless `best`, the epoch with the lowest validation loss, whose validation figures are then chosen on validation and optimistic). "
            + "The running train accuracy is the average over the epoch's batches, measured while training in training mode as the weights change"
            + (marked.Count == 0 ? "" : $"; marked * where that mode differs from evaluation ({string.Join(", ", marked)}: augmented batches and/or dropout), so it is not comparable with validation accuracy")
            + ". Train accuracy in evaluation mode scores the kept weights on the step's training images (generated ones included), unaugmented and without dropout, exactly as validation is scored: the train − validation gap uses it.");
        md.AppendLine();
        md.AppendLine("Trained models (weights not committed, too large): " + string.Join(", ", run.Steps.Select(s => $"`{s.ModelDir}/`")) + ".");
        md.AppendLine();
    }

    private static bool TrainingModeDiffers(StepResult s) => s.Spec.Augment is not null || s.Spec.Model.Dropout > 0;

    private static void Curves(StringBuilder md, RunResult run)
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

    private static void Dataset(StringBuilder md, DatasetSummary d)
    {
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

    /// <summary>The claim follows the count: leakage is named as inflating validation only when a validation image has a copy in training.</summary>
    private static string SourceFolderLeakage(RebalanceSummary r)
    {
        var scope = "Scope `source-folder` (the notebook's protocol): images were generated from the whole class folders and the enlarged set was split again, so generated copies of validation images can reach training.";
        var validation = r.ValidationCounts.Sum();
        return r.ValidationImagesWithCopyInTraining == 0
            ? Inv($"{scope} In this run none of the {validation} validation images has a copy in training, so this step's validation figures carry no such leakage.")
            : Inv($"{scope} In this run {r.ValidationImagesWithCopyInTraining} of the {validation} validation images have a generated copy in training. **Validation accuracy of this step is inflated by that leakage.**");
    }

    private static void Rebalancing(StringBuilder md, RunResult run)
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

    private static void History(StringBuilder md, RunResult run)
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

    private static void Environment(StringBuilder md, RunResult run)
    {
        var env = run.Environment;
        md.AppendLine("## Environment");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(Inv($"| tool | melanoma-exp {env.ToolVersion} |"));
        md.AppendLine(Inv($"| device | {env.Device} |"));
        md.AppendLine(Inv($"| CPU | {env.Cpu}{(env.CpuMicroarchitecture is { } micro ? $" ({micro})" : "")}, {env.Cores} logical cores, {env.TorchThreads} torch threads{(env.CpuBf16 is { } bf16 ? $"; bfloat16 in hardware: {bf16}" : "")} |"));
        md.AppendLine(Inv($"| OS | {env.Os} |"));
        md.AppendLine(Inv($"| .NET | {env.Dotnet} |"));
        md.AppendLine(Inv($"| TorchSharp | {env.TorchSharp} (native bridge: {env.NativeLibrary}) |"));
        md.AppendLine();
    }

    internal static string Pct(double fraction) => double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Duration(TimeSpan t) => t.TotalHours >= 1
        ? Inv($"{(int)t.TotalHours}h {t.Minutes:00}m")
        : t.TotalMinutes >= 1 ? Inv($"{(int)t.TotalMinutes}m {t.Seconds:00}s") : Inv($"{t.TotalSeconds:0.0}s");

    internal static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
