using System.Globalization;
using System.Text.Json;

namespace MelanomaExp.Config;

/// <summary>One setting that differs between two steps: its key as the experiment file spells it, and both values.</summary>
/// <param name="Before">The value in the earlier step, null when unset there (a default or an absent section).</param>
internal sealed record SettingChange(string Key, string? Before, string? After);

/// <summary>
/// What differs between two steps, read from their resolved settings (the canonical form the step key hashes), so the
/// list can never be wrong or miss a setting; and which earlier step a step is compared with.
/// </summary>
internal static class StepDifference
{
    /// <summary>
    /// Every setting that differs, by its dotted key (<c>model.dropout</c>). A section one step has and the other lacks
    /// (<c>augment</c>, <c>preprocess</c>, <c>rebalance</c>) is one change: adding augmentation is one remedy, however
    /// many keys it sets.
    /// </summary>
    public static IReadOnlyList<SettingChange> Between(StepSpec before, StepSpec after)
    {
        var a = CanonicalYaml.Step(before);
        var b = CanonicalYaml.Step(after);
        var changes = new List<SettingChange>();
        foreach (var key in a.Keys.Union(b.Keys).Where(k => k != "name").Order(StringComparer.Ordinal))
        {
            var (x, y) = (a.GetValueOrDefault(key), b.GetValueOrDefault(key));
            if (x is Dictionary<string, object?> sx && y is Dictionary<string, object?> sy)
            {
                var (fx, fy) = (Flatten(key, sx), Flatten(key, sy));
                changes.AddRange(fx.Keys.Union(fy.Keys).Order(StringComparer.Ordinal)
                    .Select(k => new SettingChange(k, fx.GetValueOrDefault(k), fy.GetValueOrDefault(k)))
                    .Where(c => c.Before != c.After));
            }
            else if (Shown(x) != Shown(y))
            {
                changes.Add(new SettingChange(key, Shown(x), Shown(y)));
            }
        }
        return changes;
    }

    /// <summary>
    /// The earlier step step <paramref name="index"/> is compared with: the one it differs from in the fewest settings,
    /// the nearest among equals. In a stacked design (each step adds to the one before) that is the step before; in a
    /// one-factor design (each step is the first plus one change) it is the first. Null for the first step.
    /// </summary>
    public static int? Baseline(IReadOnlyList<StepSpec> steps, int index) => index == 0
        ? null
        : Enumerable.Range(0, index).OrderBy(j => Between(steps[j], steps[index]).Count).ThenByDescending(j => j).First();

    private static Dictionary<string, string> Flatten(string prefix, Dictionary<string, object?> map)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (Shown(value) is { } shown)
            {
                flat[$"{prefix}.{key}"] = shown;
            }
        }
        return flat;
    }

    // Lists (a rebalance pipeline) compare and show as one value: an operation changed is the pipeline changed.
    private static string? Shown(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value),
    };
}
