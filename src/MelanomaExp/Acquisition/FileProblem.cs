namespace MelanomaExp.Acquisition;

/// <summary>A file that is there but not what the manifest says (its size or checksum differs).</summary>
public sealed record FileProblem(string Path, string Problem);
