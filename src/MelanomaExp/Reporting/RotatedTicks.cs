using ScottPlot;
using SkiaSharp;

namespace MelanomaExp.Reporting;

/// <summary>
/// Class names as slanted tick labels on a bottom axis. ScottPlot sizes an axis for unrotated labels, so
/// slanted ones either overflow or need a fixed, generous margin that leaves the axis title far below
/// them; here the margin is measured from the longest label, so the title sits right under the labels.
/// </summary>
internal static class RotatedTicks
{
    private const float Degrees = 35;

    /// <summary>Room below the labels for the axis title.</summary>
    private const float TitleRoom = 34;

    public static void Apply(IAxis axis, double[] positions, string[] labels)
    {
        axis.SetTicks(positions, labels);
        axis.TickLabelStyle.Rotation = Degrees;
        axis.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        using var font = new SKFont(SKTypeface.Default, axis.TickLabelStyle.FontSize);
        var widest = labels.Length == 0 ? 0 : labels.Max(l => font.MeasureText(l));
        var radians = Degrees * MathF.PI / 180;
        axis.MinimumSize = (widest * MathF.Sin(radians)) + (axis.TickLabelStyle.FontSize * MathF.Cos(radians)) + TitleRoom;
    }
}
