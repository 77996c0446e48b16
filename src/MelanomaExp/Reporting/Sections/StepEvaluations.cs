using MelanomaExp.Evaluation;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>The curves of the charts that put every step together, shared by the sections that draw them so their legends agree.</summary>
internal static class StepEvaluations
{
    /// <summary>Every step's evaluations, labelled for a chart legend ("base validation"; the set alone for a single step).</summary>
    public static List<(string, SetEvaluation)> Labelled(RunResult run) =>
        run.Steps.SelectMany(s => new[] { s.Validation, s.Test }.OfType<SetEvaluation>().Select(e => (run.Steps.Count == 1 ? e.Set : $"{s.Name} {e.Set}", e))).ToList();
}
