namespace MelanomaExp.Acquisition;

/// <summary>One file the data set must hold: its path under the data folder (with <c>/</c>), size and SHA-256 (lower-case hex).</summary>
public sealed record ManifestEntry(string Path, long Bytes, string Sha256);
