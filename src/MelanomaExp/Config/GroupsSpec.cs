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

    /// <summary><c>random-groups</c>: whole groups drawn at random (seeded) until each class has about its share.</summary>
    RandomGroups,
}

/// <summary>
/// <c>data.validation</c>: <c>by: random</c> (default, and stored as no spec at all) is <c>validation_split</c>'s seeded split;
/// <c>by: group</c> trains on every group except <paramref name="HoldOut"/> and validates on those,
/// the test of whether a model carries over to a collection it has not seen;
/// <c>by: random-groups</c> groups the images by <see cref="Pattern"/> (its first capture on the file name,
/// e.g. the ISIC number's hundreds) and sends whole groups, drawn at random, to validation until every
/// class has about <c>validation_split</c> of its images there: nearby pictures (one session, one
/// dermoscope) never straddle the split, yet every class is on both sides.
/// </summary>
public sealed record ValidationSpec(ValidationBy By, IReadOnlyList<string> HoldOut)
{
    /// <summary>The regular expression whose first capture is an image's split group (<c>by: random-groups</c>).</summary>
    public string? Pattern { get; init; }

    /// <summary>The YAML spelling of <see cref="By"/>.</summary>
    public string ByName => Names[(int)By];

    public static readonly string[] Names = ["random", "group", "random-groups"];
}
