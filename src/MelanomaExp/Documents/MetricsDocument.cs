using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>
/// metrics.json of a run, the machine-readable result (accuracies are fractions 0..1, a figure that is not finite is
/// null). Properties are written in declaration order. What every report has is required; what reports written
/// before a key existed lack is nullable and left out when null (a key the writer only adds for some runs, like
/// <see cref="Groups"/>, is the same), or <see cref="Recorded{T}"/> where the writer also writes an explicit null.
/// Readers that compare or look up figures by path still have the file as written (Results' ReportMetric, verify).
/// </summary>
internal sealed record MetricsDocument(
    MetricsExperiment Experiment,
    string ToolVersion,
    string Started,
    string Finished,
    EnvironmentDocument Environment,
    MetricsDataset Dataset,
    AuditDocument? Audit,
    IReadOnlyList<MetricsStep> Steps,
    IReadOnlyList<ComparisonDocument> Comparisons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GroupAssociationDocument? Groups = null);

internal sealed record MetricsExperiment(string Name, string Hash, int Seed, string Source, string ResolvedYaml);

internal sealed record MetricsDataset(
    IReadOnlyList<string> Classes,
    IReadOnlyList<int> TrainCounts,
    IReadOnlyList<int> ValidationCounts,
    IReadOnlyList<int>? TestCounts,
    IReadOnlyList<SkippedImageDocument> SkippedImages,
    IReadOnlyList<int> ImageSize);

internal sealed record SkippedImageDocument(string Path, string Reason);

/// <summary>One step: its history, the kept epoch, the last epoch's figures and the evaluations of the kept weights.</summary>
internal sealed record MetricsStep
{
    public required string Name { get; init; }

    public required double Seconds { get; init; }

    public required string Model { get; init; }

    public required IReadOnlyList<MetricsEpoch> Epochs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Keep { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? KeptEpoch { get; init; }

    public required MetricsFinal Final { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Recorded<TrainEvaluationDocument> TrainEvaluationMode { get; init; }

    public required SetEvaluationDocument Validation { get; init; }

    public required SetEvaluationDocument? Test { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Recorded<SetEvaluationDocument> TestWithoutTrainCopies { get; init; }
}

internal sealed record MetricsEpoch(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double Seconds,
    double ImagesPerSecond);

/// <summary>The last epoch's history figures (training-mode averages for training).</summary>
internal sealed record MetricsFinal(double TrainLoss, double TrainAccuracy, double ValLoss, double ValAccuracy);

/// <summary>The training images evaluated as validation is, in evaluation mode, after the last epoch.</summary>
internal sealed record TrainEvaluationDocument(double Loss, double Accuracy, int Images);
