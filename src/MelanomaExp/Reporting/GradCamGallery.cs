using System.Text;
using MelanomaExp.Explaining;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>The Grad-CAM picture (each image beside its heatmap overlay) and its report section.</summary>
internal static class GradCamGallery
{
    /// <summary>Heat drawn at up to this opacity where the map is 1, fading to none where it is 0.</summary>
    private const double Opacity = 0.6;

    /// <summary>One step's picture (<see cref="ReportFiles.GradCam"/>), for a step that has Grad-CAM maps.</summary>
    public static void Draw(RunResult run, StepResult step, string path)
    {
        var tiles = step.GradCams.SelectMany(g => new[]
        {
            new Tile(g.Image.Rgb, [Inv($"true: {g.Image.Actual}"), Inv($"called: {g.Image.Predicted}"), Inv($"p={g.Image.Probability:0.000}  {g.Image.File}")]),
            new Tile(Overlay(g.Image.Rgb, g.Map), [Inv($"Grad-CAM for: {g.Target}"), g.Image.File]),
        }).ToList();
        File.WriteAllBytes(
            path,
            TileGrid.Encode(tiles, run.Dataset.ImageHeight, run.Dataset.ImageWidth, 4, Inv($"{step.Name}: where the network found evidence for the class it predicted (red: most)")));
    }

    public static void Markdown(StringBuilder md, RunResult run)
    {
        foreach (var step in run.Steps.Where(s => s.GradCams.Count > 0))
        {
            var positive = step.GradCams[0].Image.Actual;
            var hits = step.GradCams.Count(g => g.Image.Predicted == positive);
            md.AppendLine(Inv($"### Where the final model looks (Grad-CAM, {step.Name})"));
            md.AppendLine();
            md.AppendLine(Inv($"The {hits} {positive} images of validation that `{step.Name}` called {positive} most confidently and the {step.GradCams.Count - hits} it missed most confidently, each beside its Grad-CAM map for the class it predicted: the gradient of that class's score with respect to the last convolution block (128 channels at a quarter of the image size) weighs each channel, and the weighted sum, upsampled, is shown in colour (red strongest). A map on the lesion's border or on the surrounding skin, hair or ruler marks, rather than on the lesion, is a warning sign."));
            md.AppendLine();
            md.AppendLine(Inv($"![Grad-CAM of {step.Name}]({ReportFiles.GradCam(step.Name)})"));
            md.AppendLine();
        }
    }

    private static byte[] Overlay(byte[] rgb, Heatmap map)
    {
        var colormap = new ScottPlot.Colormaps.Turbo();
        var result = new byte[rgb.Length];
        for (var p = 0; p < map.Values.Length; p++)
        {
            var v = Math.Clamp(map.Values[p], 0, 1);
            var color = colormap.GetColor(v);
            var a = Opacity * v;
            result[p * 3] = (byte)Math.Round(((1 - a) * rgb[p * 3]) + (a * color.R));
            result[(p * 3) + 1] = (byte)Math.Round(((1 - a) * rgb[(p * 3) + 1]) + (a * color.G));
            result[(p * 3) + 2] = (byte)Math.Round(((1 - a) * rgb[(p * 3) + 2]) + (a * color.B));
        }
        return result;
    }
}
