namespace MelanomaExp.Config.Catalog;

/// <summary>A parameter of an operation: its name, default (null = required) and allowed range.</summary>
internal sealed record OpParameter(string Name, double? Default, double Min, double Max);

/// <summary>
/// The Augmentor operations an experiment file may name in <c>rebalance.pipeline</c>, with their parameters: what the
/// loader checks and the schema describes. The images are changed by <c>Augmentation.Offline.AugmentorOps</c>, which
/// implements exactly these names (a test holds the two lists equal); the list lives here so the schema layer does not
/// import the code that applies it.
/// </summary>
internal static class AugmentorOpCatalog
{
    private static readonly OpParameter[] None = [];

    private static readonly Dictionary<string, OpParameter[]> Ops = new(StringComparer.Ordinal)
    {
        ["rotate"] = [new("max_left", null, 0, 25), new("max_right", null, 0, 25)],
        ["rotate90"] = None,
        ["rotate180"] = None,
        ["rotate270"] = None,
        ["flip_left_right"] = None,
        ["flip_top_bottom"] = None,
        ["flip_random"] = None,
        ["zoom"] = [new("min_factor", null, 1, 10), new("max_factor", null, 1, 10)],
        ["zoom_random"] = [new("percentage_area", null, 0.1, 1)],
        ["crop_random"] = [new("percentage_area", null, 0.1, 1)],
        ["skew"] = [new("magnitude", 0.5, 0, 1)],
        ["random_distortion"] = [new("grid_width", 4, 1, 20), new("grid_height", 4, 1, 20), new("magnitude", 8, 0, 50)],
        ["brightness"] = [new("min_factor", null, 0, 5), new("max_factor", null, 0, 5)],
        ["contrast"] = [new("min_factor", null, 0, 5), new("max_factor", null, 0, 5)],
    };

    public static IEnumerable<string> Names => Ops.Keys.Order(StringComparer.Ordinal);

    /// <summary>The parameters <paramref name="op"/> takes besides probability; null for an unknown operation.</summary>
    public static IReadOnlyList<OpParameter>? Parameters(string op) => Ops.TryGetValue(op, out var parameters) ? parameters : null;
}
