using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;

namespace MelanomaExp.Safety;

/// <summary>
/// A single PNG the tool writes outside a report (<c>audit --pairs-png</c>): the same refusals as an output
/// folder, and an existing file is replaced only when it is a PNG this tool wrote (a text chunk says so).
/// </summary>
public static class OutputFile
{
    private const string Keyword = "Software";
    private const string Value = "melanoma-exp";

    /// <summary>Checks <paramref name="requested"/> may be written; throws <see cref="BadInputException"/> naming it and why. Touches nothing.</summary>
    public static string ClaimPng(string? requested, OutputRules rules, string option)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            throw new BadInputException($"{option}: the file name is empty");
        }
        if (Directory.Exists(requested))
        {
            throw new BadInputException($"{option} {requested}: is a folder, not a file (nothing was touched)");
        }
        var full = PathRelation.Full(requested);
        // The file's own path may hold nothing and lie inside no input: the folder rules say exactly that.
        OutputFolder.CheckPlace(full, rules, $"{option} {requested}");
        OutputFolder.CheckWritable(Path.GetDirectoryName(full)!, $"{option} {requested}");
        if (File.Exists(full) && !IsOurs(full))
        {
            throw new BadInputException($"{option} {requested}: refused, the file exists and was not written by melanoma-exp; choose another name or remove it yourself (nothing was touched)");
        }
        return full;
    }

    /// <summary>Writes PNG bytes with the tool's text chunk, through a temporary file so a failure leaves no half file.</summary>
    public static void WritePng(byte[] png, string path)
    {
        using var image = Image.Load(png);
        image.Metadata.GetPngMetadata().TextData.Add(new PngTextData(Keyword, Value, string.Empty, string.Empty));
        var temp = path + ".tmp";
        image.SaveAsPng(temp);
        File.Move(temp, path, overwrite: true);
    }

    private static bool IsOurs(string path)
    {
        try
        {
            using var image = Image.Load(path);
            return image.Metadata.GetPngMetadata().TextData.Any(t => t.Keyword == Keyword && t.Value == Value);
        }
#pragma warning disable CA1031 // Any file that cannot be read as our PNG is simply not ours.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
