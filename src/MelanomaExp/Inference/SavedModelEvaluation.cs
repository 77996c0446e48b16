using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Evaluation;
using MelanomaExp.Models;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Inference;

/// <summary>Evaluates a saved model on any class-folder tree whose classes the model knows.</summary>
public static class SavedModelEvaluation
{
    /// <param name="rate">Told how fast the pass went, decoding included.</param>
    /// <param name="notice">Told, once, what the scan left out without an error (loose files beside the class folders).</param>
    public static (ModelCard Card, SetEvaluation Evaluation) Run(string modelPath, string dataDir, int bootstrap, int seed, BadImagePolicy onBadImage, Action<InferenceRate>? rate = null, Action<string>? notice = null)
    {
        var (card, model) = ModelBundle.Load(modelPath);
        using (model)
        {
            var index = DatasetScanner.Scan(dataDir);
            if (index.Notice is { } loose)
            {
                notice?.Invoke(loose);
            }
            var unknown = index.Classes.Where(c => !card.Classes.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                throw new BadInputException($"{dataDir}: class folder(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))} are not known to the model (it knows: {string.Join(", ", card.Classes)})");
            }
            // Folder labels index the folder's own classes; the model's output order is the card's.
            var remapped = index with
            {
                Classes = card.Classes,
                Images = index.Images.Select(i => i with { Label = card.Classes.ToList().IndexOf(index.Classes[i.Label]) }).ToList(),
            };
            var streamed = StreamingInference.Run(model, dataDir, card.Classes, remapped.Images, card.ImageHeight, card.ImageWidth, onBadImage, skipHint: "--skip-bad-images leaves them out");
            rate?.Invoke(streamed.Rate);
            var pass = streamed.Pass;
            // Scored at the threshold predict uses (the one saved with the model), not one chosen on these images.
            var settings = new EvaluationSettings(card.PositiveClass, bootstrap, seed) { OperatingThreshold = card.Threshold };
            var evaluation = Evaluate.Set(Path.GetFileName(Path.TrimEndingDirectorySeparator(dataDir)), card.Classes, streamed.Labels, pass.Predictions, pass.Probabilities, pass.Loss, settings);
            return (card, evaluation with { Skipped = streamed.Skipped });
        }
    }
}
