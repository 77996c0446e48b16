using MelanomaExp.Data;
using MelanomaExp.Evaluation;

namespace MelanomaExp.Results;

/// <summary>Images of <paramref name="Actual"/> called <paramref name="Predicted"/> on validation: how many, and the most confident ones.</summary>
public sealed record MistakeGallery(string Actual, string Predicted, int Count, IReadOnlyList<ExampleImage> Images)
{
    /// <summary>The class whose images are most often mistaken for it in the study: melanoma's required pair partner.</summary>
    public const string RequiredPartner = "nevus";

    /// <summary>The galleries for a set evaluated on <paramref name="indices"/> of <paramref name="store"/>: positive called nevus first, then the largest cells.</summary>
    public static IReadOnlyList<MistakeGallery> For(SetEvaluation e, ImageStore store, int[] indices, string? positiveClass)
    {
        var classes = store.Classes.ToList();
        var required = positiveClass is null ? [] : new[] { (classes.IndexOf(positiveClass), classes.IndexOf(RequiredPartner)) };
        return [.. ConfidentMistakes.Select(e, required).Select(p => new MistakeGallery(
            classes[p.Actual],
            classes[p.Predicted],
            p.Count,
            [.. p.Images.Select(i => new ExampleImage(
                store.Image(indices[i]).ToArray(),
                Path.GetFileName(store.Paths[indices[i]]),
                classes[p.Actual],
                classes[p.Predicted],
                e.Probabilities[i][p.Predicted]))]))];
    }
}
