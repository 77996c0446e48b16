namespace MelanomaExp.Results;

/// <summary>Loss and accuracy of the kept weights on the step's own training images, in evaluation mode (no augmentation, no dropout).</summary>
public sealed record TrainEvaluation(double Loss, double Accuracy, int Images);
