namespace MelanomaExp.Data;

/// <summary>One image file and its class index (into <see cref="DatasetIndex.Classes"/>).</summary>
internal sealed record ImageEntry(string Path, int Label);
