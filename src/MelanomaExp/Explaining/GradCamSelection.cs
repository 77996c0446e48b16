using MelanomaExp.Data;
using MelanomaExp.Evaluation;
using MelanomaExp.Models;
using static TorchSharp.torch;

namespace MelanomaExp.Explaining;

/// <summary>
/// Grad-CAM over a few positive-class images of an evaluated set: the hits and the misses the model was
/// surest of, each mapped for the class it predicted (what drove its decision).
/// </summary>
internal static class GradCamSelection
{
    internal static IReadOnlyList<GradCamExample> For(IArchitecture architecture, nn.Module<Tensor, Tensor> model, SetEvaluation e, ImageStore store, int[] indices, string positiveClass, int each = 3)
    {
        var classes = store.Classes.ToList();
        var positive = classes.IndexOf(positiveClass);
        if (positive < 0 || e.Probabilities.Count != e.Labels.Count)
        {
            return [];
        }
        var ofClass = Enumerable.Range(0, e.Labels.Count).Where(i => e.Labels[i] == positive).ToList();
        var hits = ofClass.Where(i => e.Predictions[i] == positive);
        var misses = ofClass.Where(i => e.Predictions[i] != positive);
        return [.. Surest(hits).Concat(Surest(misses)).Select(i =>
        {
            var predicted = e.Predictions[i];
            var image = new ExampleImage(store.Image(indices[i]).ToArray(), Path.GetFileName(store.Paths[indices[i]]), classes[positive], classes[predicted], e.Probabilities[i][predicted]);
            return new GradCamExample(image, classes[predicted], GradCam.Of(architecture, model, store.Image(indices[i]), store.Height, store.Width, predicted));
        })];

        IEnumerable<int> Surest(IEnumerable<int> images) =>
            images.OrderByDescending(i => e.Probabilities[i][e.Predictions[i]]).ThenBy(i => i).Take(each);
    }
}
