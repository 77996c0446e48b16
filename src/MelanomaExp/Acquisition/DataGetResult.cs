namespace MelanomaExp.Acquisition;

/// <summary>What <c>data get</c> did: where the data now is, how many files were verified, what was left out as extra.</summary>
public sealed record DataGetResult(
    string Destination,
    string Source,
    bool AlreadyComplete,
    int Verified,
    IReadOnlyList<string> Extra,
    long DownloadedBytes,
    int Resumes,
    string Manifest);
