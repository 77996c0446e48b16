namespace MelanomaExp.Documents;

/// <summary>
/// The named parts of metrics.json that readers look up: the class list and each step's name, time and epoch
/// history. The figures themselves stay raw JSON for readers, since verify compares every one of them generically
/// and metrics are found by their path (Results' ReportMetric).
/// </summary>
internal sealed record MetricsDocument(IReadOnlyList<MetricsStep> Steps, MetricsDataset? Dataset = null);

internal sealed record MetricsDataset(IReadOnlyList<string>? Classes = null);

internal sealed record MetricsStep(string Name, double Seconds, IReadOnlyList<MetricsEpoch> Epochs);

internal sealed record MetricsEpoch(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double Seconds,
    double ImagesPerSecond);
