namespace MelanomaExp.Data;

/// <summary>Finds <c>&lt;root&gt;/&lt;class&gt;/*.jpg|jpeg|png</c>. File and class order are ordinal-sorted so every machine sees the same list.</summary>
internal static class DatasetScanner
{
    public static DatasetIndex Scan(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new BadInputException($"{root}: data folder not found");
        }
        var classes = Directory.GetDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !n.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (classes.Count == 0)
        {
            throw new BadInputException($"{root}: no class folders (expected {root}/<class>/<image>.jpg)");
        }
        var images = new List<ImageEntry>();
        for (var label = 0; label < classes.Count; label++)
        {
            var dir = Path.Combine(root, classes[label]);
            var files = ImageFiles.In(dir);
            if (files.Count == 0)
            {
                throw new BadInputException($"{dir}: class folder '{classes[label]}' has no .jpg, .jpeg or .png images");
            }
            images.AddRange(files.Select(f => new ImageEntry(f, label)));
        }
        // Hidden files (.DS_Store) are the file system's, not the user's: not worth a notice.
        var loose = Directory.GetFiles(root).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        return new DatasetIndex(root, classes, images) { Loose = loose };
    }

    /// <summary>Keeps the first <paramref name="maxPerClass"/> files of each class (a data slice for quick runs).</summary>
    public static DatasetIndex Limit(DatasetIndex index, int maxPerClass) => index with
    {
        Images = index.Images.GroupBy(i => i.Label).SelectMany(g => g.Take(maxPerClass)).ToList(),
    };
}
