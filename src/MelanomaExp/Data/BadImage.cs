namespace MelanomaExp.Data;

/// <summary>A file that could not be used as an image, and why.</summary>
public sealed record BadImage(string Path, string Reason);
