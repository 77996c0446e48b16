namespace MelanomaExp.Documents;

/// <summary>metrics.json's <c>groups</c> (class by group in the training folder), only for experiments with <c>data.groups</c>.</summary>
internal sealed record GroupAssociationDocument(
    IReadOnlyList<string> Groups,
    IReadOnlyList<IReadOnlyList<int>> Counts,
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    double CramersV,
    double GroupMajorityAccuracy,
    double ClassMajorityAccuracy,
    bool Confounded);

/// <summary>One row of an evaluation's <c>by_group</c>; sensitivity is null for a group without positive images.</summary>
internal sealed record GroupFiguresDocument(string Group, int Images, int PositiveImages, GroupIntervalDocument Accuracy, GroupIntervalDocument? Sensitivity);

/// <summary>A bootstrap interval as <c>by_group</c> writes it (low/high rather than ci95_low/ci95_high; not finite is null).</summary>
internal sealed record GroupIntervalDocument(double? Value, double? Low, double? High);
