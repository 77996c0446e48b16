using System.Globalization;

namespace MelanomaExp.Reporting;

/// <summary>
/// The one set of number formats the Markdown reports use, invariant culture throughout so a report reads the same
/// on every machine. Where two tables once showed a missing value differently, each keeps its own method, so the
/// committed reports keep their bytes.
/// </summary>
internal static class MarkdownFormat
{
    internal static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with two decimals and a % sign, "n/a" for NaN.</summary>
    internal static string Pct(double fraction) => double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    internal static string Duration(TimeSpan t) => t.TotalHours >= 1
        ? Inv($"{(int)t.TotalHours}h {t.Minutes:00}m")
        : t.TotalMinutes >= 1 ? Inv($"{(int)t.TotalMinutes}m {t.Seconds:00}s") : Inv($"{t.TotalSeconds:0.0}s");

    /// <summary>
    /// A study figure without a unit: a fraction as a percentage with two decimals (the column header says %), any other
    /// value with three, "–" where it is not finite (an interval or sd of a single seed).
    /// </summary>
    internal static string Figure(double v, bool percent) =>
        !double.IsFinite(v) ? "–" : percent ? (v * 100).ToString("0.00", CultureInfo.InvariantCulture) : v.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A p-value with four decimals, "&lt; 0.0001" below that, "n/a" for NaN.</summary>
    internal static string PValue(double p) => double.IsNaN(p) ? "n/a" : PValueShowingNaN(p);

    /// <summary>As <see cref="PValue"/> but NaN shows as "NaN": the subgroup tables always did, and their committed reports keep it.</summary>
    internal static string PValueShowingNaN(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);
}
