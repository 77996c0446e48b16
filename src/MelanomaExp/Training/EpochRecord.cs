namespace MelanomaExp.Training;

/// <summary>One epoch's numbers. Accuracies are fractions 0..1.</summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double Seconds,
    double ImagesPerSecond);
