namespace MelanomaExp.Data;

/// <summary>The files of one class-folder tree: classes are the sorted folder names, as Keras orders them.</summary>
internal sealed record DatasetIndex(string Root, IReadOnlyList<string> Classes, IReadOnlyList<ImageEntry> Images)
{
    public int[] CountsPerClass() => ClassCounts.Of(Images.Select(i => i.Label), Classes.Count);

    /// <summary>Files directly in <see cref="Root"/>, beside the class folders: no class, so never read.</summary>
    public IReadOnlyList<string> Loose { get; init; } = [];

    /// <summary>Null, or one line saying that <see cref="Loose"/> files are ignored (nothing else would tell).</summary>
    public string? Notice => Loose.Count == 0
        ? null
        : $"{Root}: {Loose.Count} file(s) directly in this folder belong to no class folder and are ignored: {string.Join(", ", Loose.Take(5))}{(Loose.Count > 5 ? ", ..." : "")}";
}
