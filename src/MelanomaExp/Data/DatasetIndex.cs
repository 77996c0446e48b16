namespace MelanomaExp.Data;

/// <summary>The files of one class-folder tree: classes are the sorted folder names, as Keras orders them.</summary>
public sealed record DatasetIndex(string Root, IReadOnlyList<string> Classes, IReadOnlyList<ImageEntry> Images)
{
    public int[] CountsPerClass() => ClassCounts.Of(Images.Select(i => i.Label), Classes.Count);
}
