namespace MelanomaExp.Data;

/// <summary>Which files count as images, and listing them in a stable order.</summary>
public static class ImageFiles
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    /// <summary>The .jpg, .jpeg and .png files below <paramref name="dir"/>, ordinal-sorted so every machine sees the same list.</summary>
    public static List<string> In(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
        .Order(StringComparer.Ordinal)
        .ToList();
}
