using MelanomaExp.Evaluation;
using static TorchSharp.torch;

namespace MelanomaExp.Running;

/// <summary>A step's model after the training phase, trained or reused, with its key and how it was obtained.</summary>
/// <param name="Plain">The plain validation evaluation already made to check a reused model, or null.</param>
internal sealed record TrainedStep(string Key, nn.Module<Tensor, Tensor> Model, FinishedStep Finished, string? Reused, SetEvaluation? Plain);
