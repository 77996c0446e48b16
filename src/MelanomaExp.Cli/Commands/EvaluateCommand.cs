using System.CommandLine;
using System.Globalization;
using MelanomaExp.Config;
using MelanomaExp.Inference;
using MelanomaExp.Reporting;
using MelanomaExp.Safety;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>evaluate --model PATH --data DIR</c>: a saved model on a class-folder tree, with the full evaluation report.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var model = new Option<string>("--model") { Description = "Model folder (models/<step> in a report) or its model.json", Required = true };
        var data = new Option<string>("--data") { Description = "Folder of class folders to evaluate on", Required = true };
        var outputDir = new Option<string>("--output") { Description = "Report folder", DefaultValueFactory = _ => "out/evaluate" };
        var bootstrap = NumberOptions.Whole("--bootstrap", "Bootstrap resamples for confidence intervals", 0, 100_000, 1000);
        var seed = NumberOptions.Whole("--seed", "Seed of the bootstrap", 0, int.MaxValue, 123);
        var skip = new Option<bool>("--skip-bad-images") { Description = "Leave unreadable images out instead of failing" };
        var command = new Command("evaluate", "Evaluate a saved model on a folder of class folders and write the evaluation report") { model, data, outputDir, bootstrap, seed, skip };
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var modelPath = parse.GetValue(model)!;
            var dataDir = parse.GetValue(data)!;
            var modelFolder = File.Exists(modelPath) ? Path.GetDirectoryName(Path.GetFullPath(modelPath)) : modelPath;
            var folder = OutputFolder.Claim(parse.GetValue(outputDir), "evaluation", new OutputRules().Input(modelFolder, "the model folder").Data(dataDir));
            using var writer = OutputLock.Acquire(folder);
            InferenceRate? rate = null;
            var (card, evaluation) = SavedModelEvaluation.Run(modelPath, dataDir, parse.GetValue(bootstrap), parse.GetValue(seed), parse.GetValue(skip) ? BadImagePolicy.Skip : BadImagePolicy.Fail, r => rate = r, n => output.WriteLine($"note: {n}"));
            EvaluationReport.Write(card, modelPath, dataDir, evaluation, folder);
            // Worded as run's log of on_bad_image: skip, so a skipped file is seen without opening the report.
            foreach (var bad in evaluation.Skipped)
            {
                output.WriteLine($"skipped (--skip-bad-images): {bad.Path}: {bad.Reason}");
            }
            var m = evaluation.Metrics;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{evaluation.Images} images: accuracy {m.Accuracy * 100:0.00}%, balanced accuracy {m.BalancedAccuracy * 100:0.00}%, macro F1 {m.MacroF1:0.000}"));
            if (evaluation.Positive is { } p)
            {
                // Labelled as in the report, whose headline figures are those at the threshold: an unlabelled
                // top-class sensitivity read beside the report looked like a disagreement.
                var auc = string.Create(CultureInfo.InvariantCulture, $"AUC {p.Auc.Value:0.000} ({p.Auc.Low:0.000}-{p.Auc.High:0.000})");
                if (p.Operating is { } o)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.PositiveClass} at threshold {o.Threshold:0.000} (the model's, which predict uses): {Rates(o.Sensitivity, o.Specificity)}; {auc}"));
                    output.WriteLine($"{p.PositiveClass} as top class (highest probability): {Rates(p.Sensitivity, p.Specificity)}");
                }
                else
                {
                    output.WriteLine($"{p.PositiveClass} as top class (highest probability; the model has no threshold): {Rates(p.Sensitivity, p.Specificity)}; {auc}");
                }
            }
            output.WriteLine($"speed: {rate?.Describe()}");
            output.WriteLine($"report: {folder.Path}/README.md");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Rates(Evaluation.Interval sensitivity, Evaluation.Interval specificity) => string.Create(CultureInfo.InvariantCulture,
        $"sensitivity {sensitivity.Value * 100:0.0}% ({sensitivity.Low * 100:0.0}-{sensitivity.High * 100:0.0}), specificity {specificity.Value * 100:0.0}% ({specificity.Low * 100:0.0}-{specificity.High * 100:0.0})");
}
