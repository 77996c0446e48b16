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
    public static (ModelCard Card, SetEvaluation Evaluation) Run(string modelPath, string dataDir, int bootstrap, int seed, BadImagePolicy onBadImage)
    {
        var (card, model) = ModelBundle.Load(modelPath);
        using (model)
        {
            var index = DatasetScanner.Scan(dataDir);
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
            var store = ImageStoreLoader.Load(remapped, card.ImageHeight, card.ImageWidth, onBadImage, skipHint: "--skip-bad-images leaves them out");
            using var source = new BatchSource(store, CPU);
            var all = Enumerable.Range(0, store.Count).ToArray();
            var pass = Evaluator.Run(model, source, all);
            // Scored at the threshold predict uses (the one saved with the model), not one chosen on these images.
            var settings = new EvaluationSettings(card.PositiveClass, bootstrap, seed) { OperatingThreshold = card.Threshold };
            return (card, Evaluate.Set(Path.GetFileName(Path.TrimEndingDirectorySeparator(dataDir)), card.Classes, store.Labels, pass.Predictions, pass.Probabilities, pass.Loss, settings));
        }
    }
}
