using MelanomaExp.Reporting.Sections;

namespace MelanomaExp.Reporting;

/// <summary>The one registration list of the report's sections.</summary>
internal static class ReportSections
{
    /// <summary>
    /// Reading order: the summary first (what a reviewer looks at), then how the models were trained and evaluated, then
    /// the data they saw, and what reproducing them needs last. Read-only, so a caller who wants another report passes its
    /// own list (<see cref="ReportWriter"/>) instead of changing everyone's.
    /// </summary>
    public static IReadOnlyList<IReportSection> Default { get; } =
    [
        new SummarySection(),
        new TrainingSection(),
        new TrainingCurvesSection(),
        new EvaluationSection(),
        new CalibrationSection(),
        new MistakesSection(),
        new GradCamSection(),
        new StepComparisonSection(),
        new ResultsByGroupSection(),
        new DatasetSection(),
        new AuditSection(),
        new GroupsSection(),
        new RebalancingSection(),
        new HistorySection(),
        new EnvironmentSection(),
        new ProvenanceSection(),
        new ExperimentFileSection(),
    ];
}
