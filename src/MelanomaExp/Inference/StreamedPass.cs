using MelanomaExp.Data;
using MelanomaExp.Training;

namespace MelanomaExp.Inference;

/// <summary>
/// A model's pass over image files read in chunks: per kept image its label and path, in the order given,
/// the images left out as unreadable, and the rate.
/// </summary>
internal sealed record StreamedPass(EvaluationPass Pass, int[] Labels, string[] Paths, IReadOnlyList<BadImage> Skipped, InferenceRate Rate);
