namespace MelanomaExp.Sweeps;

/// <summary>
/// Holm's step-down adjustment of a family of p-values. A study compares every pair of steps on several
/// metrics; read one by one at 0.05, one of ten tests of pure noise comes out "beyond seed noise" about
/// every second study. Holm keeps the chance of any false call in a family at 0.05 and, unlike
/// Bonferroni, gives up little power for it.
/// </summary>
internal static class HolmAdjustment
{
    /// <summary>Adjusted p-values in the order given; nulls (too few seeds) stay null and do not count.</summary>
    public static IReadOnlyList<double?> Adjust(IReadOnlyList<double?> pValues)
    {
        var ranked = pValues.Select((p, i) => (P: p, Index: i)).Where(x => x.P is not null).OrderBy(x => x.P!.Value).ToList();
        var adjusted = new double?[pValues.Count];
        var running = 0.0;
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            // The step-down rule multiplies the rank-th smallest p by the tests still in play, then keeps the
            // sequence monotone so a smaller raw p never gets a larger adjusted one.
            running = Math.Max(running, Math.Min(1, (ranked.Count - rank) * ranked[rank].P!.Value));
            adjusted[ranked[rank].Index] = running;
        }
        return adjusted;
    }
}
