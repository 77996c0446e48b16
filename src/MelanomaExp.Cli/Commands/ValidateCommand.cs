using System.CommandLine;
using MelanomaExp.Running;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>validate FILE</c>: checks the experiment and decodes its data, without training.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var common = new CommonOptions();
        var command = new Command("validate", "Check an experiment file and its data without training");
        common.AddTo(command);
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var experiment = common.Load(parse);
            var options = new RunOptions { DataRoot = parse.GetValue(common.DataRoot) };
            // A report.dir that run would refuse is as much a mistake in the file as a bad key.
            ExperimentRunner.ClaimOutput(experiment, options, options.ResolveDataRoot(experiment));
            var data = PreparedData.Load(experiment, options.ResolveDataRoot(experiment));
            var summary = data.Summarize();
            output.WriteLine($"{experiment.SourcePath}: experiment '{experiment.Name}' is valid (hash {experiment.Hash}, {experiment.Steps.Count} step(s))");
            output.WriteLine($"data: {data.Train.Count} images, {summary.Classes.Count} classes, {data.Split.Train.Length} train / {data.Split.Validation.Length} validation" +
                (data.Test is null ? "" : $", {data.Test.Count} test"));
            for (var c = 0; c < summary.Classes.Count; c++)
            {
                output.WriteLine($"  {summary.Classes[c],-28} {summary.TrainCounts[c],5} train {summary.ValidationCounts[c],5} validation");
            }
            if (data.Audit is { } audit)
            {
                output.WriteLine($"audit: {audit.ExactDuplicatePairs} identical pairs, {audit.NearDuplicatePairs} near duplicates, {audit.LabelConflictPairs} label conflicts; " +
                    $"removed {audit.RemovedDuplicates} duplicates and {audit.RemovedConflicts} conflicting images; {audit.TrainValidationPairs} pairs straddle training and validation");
                if (audit.TrainTestPairs is { } copies)
                {
                    var same = audit.TrainTestCopies.Count(c => c.SameLabel);
                    output.WriteLine($"test: {copies} test images are copies of training images ({same} with the same label, a leak; {copies - same} with another label, a conflict between the splits)");
                }
            }
            foreach (var notice in data.Notices)
            {
                output.WriteLine($"note: {notice}");
            }
            foreach (var bad in summary.Skipped)
            {
                output.WriteLine($"skipped: {bad.Path}: {bad.Reason}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
