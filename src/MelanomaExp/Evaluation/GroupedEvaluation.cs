namespace MelanomaExp.Evaluation;

/// <summary>Adds per-group results to a set's evaluation.</summary>
internal static class GroupedEvaluation
{
    /// <param name="groups">The group of each evaluated image, in the set's order; null leaves the evaluation as it is.</param>
    public static SetEvaluation WithGroups(this SetEvaluation set, IReadOnlyList<string>? groups, EvaluationSettings settings)
    {
        if (groups is null)
        {
            return set;
        }
        var positive = set.Positive is { } p ? set.Metrics.PerClass.ToList().FindIndex(c => c.Name == p.PositiveClass) : -1;
        return set with { ByGroup = GroupMetrics.Of(groups, set.Labels, set.Predictions, positive, settings.BootstrapResamples, settings.Seed + 100) };
    }
}
