namespace MelanomaExp.Documents;

/// <summary>
/// Only the format field of a report document: read before the whole document, so that a file of another format
/// or version is refused by name rather than by whichever of its fields first fails to match.
/// </summary>
internal sealed record DocumentHeader(string? Format = null);
