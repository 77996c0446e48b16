using MelanomaExp.Config;
using MelanomaExp.Evaluation;
using MelanomaExp.Models;
using MelanomaExp.Results;
using MelanomaExp.Seeding;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Running;

/// <summary>
/// The evaluation phase of a step: validation, then Test at the threshold chosen on validation (so Test chooses
/// nothing), the train split in evaluation mode, the saved model, and the step's result.
/// </summary>
internal static class StepEvaluation
{
    public static StepResult Evaluate(PreparedRun run, StepSpec step, StepData stepData, BatchSource source, BatchSource? testSource, TrainedStep trained)
    {
        var (data, seeds, model) = (run.Data, run.Seeds, trained.Model);
        var settings = Settings(run, step);
        var tta = step.Evaluate?.FlipTta ?? false;
        var validationGroups = data.Groups is null ? null : stepData.Split.Validation.Select(i => i < data.Groups.Length ? data.Groups[i] : "(generated)").ToArray();
        var validation = (trained.Plain is not null && !tta
            ? trained.Plain
            : On("validation", model, source, stepData.Split.Validation, stepData.Store.Labels, data.Train.Classes, settings, seeds.For("evaluate", step.Name, "validation"), tta))
            .WithGroups(validationGroups, settings);
        // The test set is scored at the threshold chosen on validation, as predict would score new images.
        var atThreshold = settings with { OperatingThreshold = validation.Positive?.YoudenThreshold };
        // The test images that copy a training image (the cross-split audit): kept, or left out of every Test figure.
        var copied = data.Audit?.TrainTestCopies.Select(c => c.TestFile).ToHashSet(StringComparer.Ordinal) ?? [];
        var exclude = run.Experiment.Data.Audit.TestCopies == TestCopyPolicy.Exclude;
        int[] scored = data.Test is null ? [] : [.. Enumerable.Range(0, data.Test.Count).Where(i => !exclude || !copied.Contains(data.Test.Paths[i]))];
        var test = testSource is null || data.Test is null
            ? null
            : On("test", model, testSource, scored, data.Test.Labels, data.Train.Classes, atThreshold, seeds.For("evaluate", step.Name, "test"), tta)
                .WithGroups(data.TestGroups is null ? null : [.. scored.Select(i => data.TestGroups[i])], settings);
        // Kept: the same answers without the copies beside them, so a reader sees how much the copies move the
        // figures; at the same threshold, choosing nothing.
        var clean = test is null || data.Test is null || copied.Count == 0 || exclude
            ? null
            : On("test without training copies", model, testSource!, [.. Enumerable.Range(0, data.Test.Count).Where(i => !copied.Contains(data.Test.Paths[i]))], data.Test.Labels, data.Train.Classes, atThreshold, seeds.For("evaluate", step.Name, "test"), tta);
        // In evaluation mode, unaugmented, on the kept weights: comparable with validation accuracy,
        // unlike the running training-mode average of the epoch's batches.
        TorchSeeding.Reseed(seeds.For("evaluate", step.Name, "train"));
        var trainPass = Evaluator.Run(model, source, stepData.Split.Train);
        var modelDir = ReportFiles.ModelDir(step.Name);
        ModelBundle.Save(Path.Combine(run.State.ReportModels, modelDir), model, Card(run, step, validation));
        var experiment = run.Experiment;
        return new StepResult(step, trained.Finished.History, trained.Finished.Seconds, modelDir, validation, test)
        {
            TestWithoutTrainCopies = clean,
            WeightsSha256 = FileSha256.Of(Path.Combine(run.State.ReportModels, modelDir, ModelBundle.WeightsFile)),
            Key = trained.Key,
            Rebalance = stepData.Rebalance,
            ValidationImages = string.Join('\n', stepData.Split.Validation.Select(i => stepData.Store.Hashes[i])),
            ValidationFiles = [.. stepData.Split.Validation.Select(i => RelativeToData(run.DataRoot, stepData.Store.Paths[i]))],
            TestFiles = data.Test is null ? [] : [.. scored.Select(i => RelativeToData(run.DataRoot, data.Test.Paths[i]))],
            Mistakes = MistakeGallery.For(validation, stepData.Store, stepData.Split.Validation, data.PositiveClass),
            GradCams = step == experiment.Steps[^1] && step.Preprocess is null && Architectures.Of(step.Model) is { GradCamLayer: not null } explained && data.PositiveClass is { } positive
                ? Explaining.GradCamSelection.For(explained, model, validation, stepData.Store, stepData.Split.Validation, positive)
                : [],
            TrainEvaluation = new TrainEvaluation(trainPass.Loss, trainPass.Accuracy(stepData.Split.Train.Select(i => stepData.Store.Labels[i]).ToArray()), stepData.Split.Train.Length),
        };
    }

    /// <summary>Validation without test-time augmentation: what the history's per-epoch figures measured.</summary>
    public static SetEvaluation Plain(PreparedRun run, StepSpec step, StepData stepData, BatchSource source, nn.Module<Tensor, Tensor> model) =>
        On("validation", model, source, stepData.Split.Validation, stepData.Store.Labels, run.Data.Train.Classes, Settings(run, step), run.Seeds.For("evaluate", step.Name, "validation"));

    private static EvaluationSettings Settings(PreparedRun run, StepSpec step) =>
        new(run.Data.PositiveClass, run.Experiment.Evaluation.BootstrapResamples, run.Seeds.For("bootstrap", step.Name));

    private static SetEvaluation On(
        string set, nn.Module<Tensor, Tensor> model, BatchSource source, int[] indices, int[] allLabels, IReadOnlyList<string> classes, EvaluationSettings settings, int seed, bool tta = false)
    {
        // Evaluation draws nothing random today; reseeding keeps it that way if a layer ever does (on any device).
        TorchSeeding.Reseed(seed);
        var pass = Evaluator.Run(model, source, indices, tta);
        return Evaluation.Evaluate.Set(set, classes, indices.Select(i => allLabels[i]).ToArray(), pass.Predictions, pass.Probabilities, pass.Loss, settings);
    }

    private static ModelCard Card(PreparedRun run, StepSpec step, SetEvaluation validation) => new()
    {
        Arch = step.Model.Arch,
        Dropout = step.Model.Dropout,
        BatchNorm = step.Model.BatchNorm,
        ArchOptions = step.Model.Options?.ToDictionary(o => o.Key, o => Convert.ToString(o.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal),
        ArchFiles = step.Model.Files?.ToDictionary(f => f.Key, f => f.Value.Full, StringComparer.Ordinal),
        ColourConstancy = step.Preprocess?.ColourConstancy ?? 0,
        Standardize = step.Preprocess?.Standardize ?? false,
        Classes = run.Data.Train.Classes,
        ImageHeight = run.Data.Train.Height,
        ImageWidth = run.Data.Train.Width,
        Input = Architectures.Of(step.Model).InputDescription(step.Model) is { } input ? $"RGB, EXIF-oriented, bilinear resize to image size, values 0..255; inside the model: {input}" : ModelCard.DefaultInput,
        Experiment = run.Experiment.Name,
        ExperimentHash = run.Experiment.Hash,
        Step = step.Name,
        PositiveClass = validation.Positive?.PositiveClass,
        Threshold = validation.Positive?.YoudenThreshold,
        ToolVersion = ToolVersion.Current,
    };

    /// <summary>An image's path for predictions.csv: relative to the data root, so it reads the same on every machine; a generated image outside it keeps its file name.</summary>
    private static string RelativeToData(string dataRoot, string path)
    {
        var relative = Path.GetRelativePath(dataRoot, path).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? "(generated)/" + Path.GetFileName(path) : relative;
    }
}
