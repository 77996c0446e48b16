using MelanomaExp.Config;
using MelanomaExp.Config.Catalog;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Augmentation.Offline;

/// <summary>
/// The Augmentor operations melanoma-exp implements, by Augmentor's names, and how a pipeline applies
/// them: for each operation draw r = round(uniform(0, 1), 1) and apply it when r &lt;= probability
/// (so 0.7 acts as about 0.75, as in Augmentor). One deliberate difference: probability 0 means never
/// (Augmentor would still apply it when the draw rounds to 0.0, one time in twenty).
/// Every draw comes from the sample's own generator.
/// </summary>
internal static class AugmentorOps
{
    // How each operation of the catalog changes an image; the names and parameters are the catalog's.
    private static readonly Dictionary<string, Action<Image<Rgb24>, IReadOnlyDictionary<string, double>, Random>> Apply = new(StringComparer.Ordinal)
    {
        ["rotate"] = (img, p, rng) => GeometricOps.Rotate(img, p, rng),
        ["rotate90"] = (img, _, _) => GeometricOps.RotateQuarter(img, 90),
        ["rotate180"] = (img, _, _) => GeometricOps.RotateQuarter(img, 180),
        ["rotate270"] = (img, _, _) => GeometricOps.RotateQuarter(img, 270),
        ["flip_left_right"] = (img, _, _) => GeometricOps.Flip(img, horizontal: true),
        ["flip_top_bottom"] = (img, _, _) => GeometricOps.Flip(img, horizontal: false),
        ["flip_random"] = (img, _, rng) => GeometricOps.Flip(img, horizontal: rng.Next(2) == 0),
        ["zoom"] = GeometricOps.Zoom,
        ["zoom_random"] = GeometricOps.ZoomRandom,
        ["crop_random"] = GeometricOps.ZoomRandom,
        ["skew"] = GeometricOps.Skew,
        ["random_distortion"] = DistortionOp.Apply,
        ["brightness"] = ColorOps.Brightness,
        ["contrast"] = ColorOps.Contrast,
    };

    /// <summary>The operations implemented here: the same names as <see cref="AugmentorOpCatalog"/> (a test holds them equal).</summary>
    internal static IEnumerable<string> Implemented => Apply.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// Runs a pipeline on one image in place; returns the names of the operations applied.
    /// <paramref name="output"/> Augmentor sizes rotate's canvas as PIL does.
    /// </summary>
    public static List<string> Run(IReadOnlyList<AugmentorOpSpec> pipeline, Image<Rgb24> image, Random rng, RebalanceOutput output = RebalanceOutput.Lossless)
    {
        var applied = new List<string>();
        foreach (var op in pipeline)
        {
            var r = Math.Round(rng.NextDouble(), 1, MidpointRounding.ToEven);
            if (op.Probability > 0 && r <= op.Probability)
            {
                if (op.Op == "rotate" && output == RebalanceOutput.Augmentor)
                {
                    GeometricOps.Rotate(image, op.Parameters, rng, pilCanvas: true);
                }
                else
                {
                    Apply[op.Op](image, op.Parameters, rng);
                }
                applied.Add(op.Op);
            }
        }
        return applied;
    }

    /// <summary>Python's random.uniform(a, b) with either order of bounds.</summary>
    internal static double Uniform(Random rng, double a, double b) => a + ((b - a) * rng.NextDouble());
}
