using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;

namespace MelanomaExp.Safety;

/// <summary>
/// A single file the tool writes outside a report (<c>audit --pairs-png</c>, <c>export --onnx</c>): the same refusals
/// as an output folder, and an existing file is replaced only when this tool wrote it (a PNG's text chunk, an ONNX
/// model's producer name says so).
/// </summary>
public static class OutputFile
{
    private const string Keyword = "Software";
    private const string Value = "melanoma-exp";

    /// <summary>Checks <paramref name="requested"/> may be written; throws <see cref="BadInputException"/> naming it and why. Touches nothing.</summary>
    public static string ClaimPng(string? requested, OutputRules rules, string option) => Claim(requested, rules, option, IsOurs);

    /// <summary>As <see cref="ClaimPng"/>, for a file whose ownership <paramref name="isOurs"/> recognises.</summary>
    public static string Claim(string? requested, OutputRules rules, string option, Func<string, bool> isOurs)
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
        if (File.Exists(full) && !isOurs(full))
        {
            throw new BadInputException($"{option} {requested}: refused, the file exists and was not written by melanoma-exp; choose another name or remove it yourself (nothing was touched)");
        }
        return full;
    }

    /// <summary>Writes <paramref name="bytes"/> through a temporary file, so a failure leaves no half file; creates the folder it goes in.</summary>
    public static void Write(byte[] bytes, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
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
