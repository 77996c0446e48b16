using MelanomaExp.Evaluation;

namespace MelanomaExp.Explaining;

/// <summary>An evaluated image with the Grad-CAM map of the class named by <paramref name="Target"/>.</summary>
public sealed record GradCamExample(ExampleImage Image, string Target, Heatmap Map);
