namespace MelanomaExp.Config;

/// <summary>
/// <c>data.groups</c>: where each image's group (the collection, hospital or camera it came from) is read.
/// Either <paramref name="Pattern"/>, a regular expression whose first capture, matched against the
/// file name, is the group; or <paramref name="Csv"/>, a metadata table whose <paramref name="FileColumn"/>
/// names the file (with or without extension) and whose <paramref name="Column"/> holds its group.
/// </summary>
public sealed record GroupsSpec(string? Pattern, string? Csv, string FileColumn, string Column);

public enum ValidationBy
{
    Random,
    Group,
}

/// <summary>
/// <c>data.validation</c>: <c>by: random</c> (default, and stored as no spec at all) is <c>validation_split</c>'s seeded split;
/// <c>by: group</c> trains on every group except <paramref name="HoldOut"/> and validates on those,
/// the test of whether a model carries over to a collection it has not seen.
/// </summary>
public sealed record ValidationSpec(ValidationBy By, IReadOnlyList<string> HoldOut);
