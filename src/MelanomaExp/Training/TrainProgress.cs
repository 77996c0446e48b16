namespace MelanomaExp.Training;

/// <summary>Reported after every training batch, for a progress display.</summary>
public sealed record TrainProgress(string Step, int Epoch, int Epochs, int Batch, int Batches, double Loss, double ImagesPerSecond);
