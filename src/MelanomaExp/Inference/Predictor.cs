using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Models;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Inference;

/// <summary>Classifies image files with a saved model.</summary>
public static class Predictor
{
    /// <summary>Files and folders (searched recursively for images) in the order given; every unreadable image fails the whole call.</summary>
    /// <param name="rate">Told how fast the pass went, decoding included.</param>
    public static IReadOnlyList<Prediction> Run(string modelPath, IReadOnlyList<string> inputs, double? threshold, int top, Action<InferenceRate>? rate = null)
    {
        var (card, model) = ModelBundle.Load(modelPath);
        using (model)
        {
            var files = Expand(inputs);
            var streamed = StreamingInference.Run(model, "(inputs)", card.Classes, [.. files.Select(f => new ImageEntry(f, 0))], card.ImageHeight, card.ImageWidth, BadImagePolicy.Fail, skipHint: null);
            rate?.Invoke(streamed.Rate);
            var pass = streamed.Pass;
            var positive = card.PositiveClass is null ? -1 : card.Classes.ToList().IndexOf(card.PositiveClass);
            var cut = threshold ?? card.Threshold ?? 0.5;
            return files.Select((f, i) =>
            {
                var probs = pass.Probabilities[i];
                var best = Enumerable.Range(0, probs.Length).OrderByDescending(c => probs[c]).Take(top).Select(c => (card.Classes[c], (double)probs[c])).ToList();
                double? p = positive < 0 ? null : probs[positive];
                return new Prediction(f, best, card.PositiveClass, p, p >= cut);
            }).ToList();
        }
    }

    private static List<string> Expand(IReadOnlyList<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = ImageFiles.In(input);
                if (found.Count == 0)
                {
                    throw new BadInputException($"{input}: no .jpg, .jpeg or .png images in this folder");
                }
                files.AddRange(found);
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                throw new BadInputException($"{input}: no such file or folder");
            }
        }
        return files;
    }
}
