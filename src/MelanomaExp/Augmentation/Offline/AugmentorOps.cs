using MelanomaExp.Config;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Augmentation.Offline;

/// <summary>A parameter of an operation: its name, default (null = required) and allowed range.</summary>
public sealed record OpParameter(string Name, double? Default, double Min, double Max);

/// <summary>
/// The Augmentor operations melanoma-exp implements, by Augmentor's names, and how a pipeline applies
/// them: for each operation draw r = round(uniform(0, 1), 1) and apply it when r &lt;= probability
/// (so 0.7 acts as about 0.75, as in Augmentor). One deliberate difference: probability 0 means never
/// (Augmentor would still apply it when the draw rounds to 0.0, one time in twenty).
/// Every draw comes from the sample's own generator.
/// </summary>
public static class AugmentorOps
{
    private static readonly OpParameter[] None = [];

    private static readonly Dictionary<string, (OpParameter[] Parameters, Action<Image<Rgb24>, IReadOnlyDictionary<string, double>, Random> Apply)> Registry = new(StringComparer.Ordinal)
    {
        ["rotate"] = ([new("max_left", null, 0, 25), new("max_right", null, 0, 25)], (img, p, rng) => GeometricOps.Rotate(img, p, rng)),
        ["rotate90"] = (None, (img, _, _) => GeometricOps.RotateQuarter(img, 90)),
        ["rotate180"] = (None, (img, _, _) => GeometricOps.RotateQuarter(img, 180)),
        ["rotate270"] = (None, (img, _, _) => GeometricOps.RotateQuarter(img, 270)),
        ["flip_left_right"] = (None, (img, _, _) => GeometricOps.Flip(img, horizontal: true)),
        ["flip_top_bottom"] = (None, (img, _, _) => GeometricOps.Flip(img, horizontal: false)),
        ["flip_random"] = (None, (img, _, rng) => GeometricOps.Flip(img, horizontal: rng.Next(2) == 0)),
        ["zoom"] = ([new("min_factor", null, 1, 10), new("max_factor", null, 1, 10)], GeometricOps.Zoom),
        ["zoom_random"] = ([new("percentage_area", null, 0.1, 1)], GeometricOps.ZoomRandom),
        ["crop_random"] = ([new("percentage_area", null, 0.1, 1)], GeometricOps.ZoomRandom),
        ["skew"] = ([new("magnitude", 0.5, 0, 1)], GeometricOps.Skew),
        ["random_distortion"] = ([new("grid_width", 4, 1, 20), new("grid_height", 4, 1, 20), new("magnitude", 8, 0, 50)], DistortionOp.Apply),
        ["brightness"] = ([new("min_factor", null, 0, 5), new("max_factor", null, 0, 5)], ColorOps.Brightness),
        ["contrast"] = ([new("min_factor", null, 0, 5), new("max_factor", null, 0, 5)], ColorOps.Contrast),
    };

    public static IEnumerable<string> Names => Registry.Keys.Order(StringComparer.Ordinal);

    /// <summary>The parameters <paramref name="op"/> takes besides probability; null for an unknown operation.</summary>
    public static IReadOnlyList<OpParameter>? Parameters(string op) => Registry.TryGetValue(op, out var entry) ? entry.Parameters : null;

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
                    Registry[op.Op].Apply(image, op.Parameters, rng);
                }
                applied.Add(op.Op);
            }
        }
        return applied;
    }

    /// <summary>Python's random.uniform(a, b) with either order of bounds.</summary>
    internal static double Uniform(Random rng, double a, double b) => a + ((b - a) * rng.NextDouble());
}
