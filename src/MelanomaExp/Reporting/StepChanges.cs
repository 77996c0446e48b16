using MelanomaExp.Config;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>
/// What a step changes against its baseline (the earlier step it differs from least: the step before in a stacked
/// design, the first in a one-factor design), read from the resolved settings so the list is never wrong; a
/// comparison of steps that differ in more than one setting is labelled confounded. Generated images are described
/// with their counts, so a reader sees hundreds of images generated from two.
/// </summary>
internal static class StepChanges
{
    public static string Describe(RunResult run, int index)
    {
        var step = run.Steps[index];
        var s = step.Spec;
        var classes = run.Dataset.Classes;
        if (Baseline(run, index) is not { } baseline)
        {
            return Inv($"first step: {s.Model.Arch}{Model(s.Model)}, {s.Train.Epochs} epochs{(s.Augment is null ? "" : ", online augmentation")}{Generated(step, classes)}");
        }
        var changes = StepDifference.Between(baseline.Spec, s);
        var text = changes.Count == 0 ? "same settings" : string.Join("; ", changes.Select(Shown));
        return Inv($"against **{baseline.Name}**: {text}{Generated(step, classes)}{Confounded(changes.Count, baseline.Name)}");
    }

    /// <summary>How many settings two steps of the run differ in.</summary>
    public static int Count(RunResult run, string first, string second) =>
        StepDifference.Between(run.Steps.First(x => x.Name == first).Spec, run.Steps.First(x => x.Name == second).Spec).Count;

    /// <summary>The label a comparison of steps differing in <paramref name="changes"/> settings carries; empty for one.</summary>
    private static string Confounded(int changes, string baseline) => changes > 1
        ? Inv($" (**confounded**: {changes} settings differ, so a difference from {baseline} is not any one setting's effect)")
        : "";

    private static StepResult? Baseline(RunResult run, int index) =>
        StepDifference.Baseline([.. run.Steps.Select(x => x.Spec)], index) is { } j ? run.Steps[j] : null;

    private static string Shown(SettingChange c) => (c.Before, c.After) switch
    {
        (null, _) when c.After!.StartsWith('{') => $"`{c.Key}` added",
        (_, null) when c.Before!.StartsWith('{') => $"`{c.Key}` removed",
        (null, var after) => $"`{c.Key}` {after}",
        (var before, null) => $"`{c.Key}` {before} removed",
        var (before, after) => $"`{c.Key}` {before} → {after}",
    };

    private static string Model(ModelSpec m) =>
        (m.Dropout > 0 ? Inv($", dropout {m.Dropout:0.##}") : "") + (m.BatchNorm ? ", batch normalisation" : "");

    /// <summary>The generated images, and the class with the fewest sources behind them (the strongest copying).</summary>
    private static string Generated(StepResult step, IReadOnlyList<string> classes)
    {
        if (step.Rebalance is not { } r)
        {
            return "";
        }
        var generating = Enumerable.Range(0, classes.Count).Where(c => r.GeneratedPerClass[c] > 0).ToList();
        if (generating.Count == 0)
        {
            return ", no images generated";
        }
        var thinnest = generating.MinBy(c => r.SourcesPerClass[c]);
        return Inv($", generated training images: {r.GeneratedPerClass.Sum()} ({r.Scope switch { RebalanceScope.SourceFolder => "from whole class folders, before the split", _ => "from the training split" }}; {classes[thinnest]}: {r.GeneratedPerClass[thinnest]} from {r.SourcesPerClass[thinnest]} source image{(r.SourcesPerClass[thinnest] == 1 ? "" : "s")})");
    }
}
