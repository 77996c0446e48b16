namespace MelanomaExp.Acquisition;

/// <summary>What <c>data get</c> was asked to do. The defaults are the study's data set from Kaggle into the user's cache folder.</summary>
public sealed record DataGetOptions
{
    /// <summary><c>--from</c>: an http(s) address, a zip file or a folder; null for Kaggle.</summary>
    public string? From { get; init; }

    /// <summary><c>--dest</c>; null for <see cref="DownloadedData.DefaultFolder"/>.</summary>
    public string? Destination { get; init; }

    /// <summary>The manifest every file is checked against; null for the shipped one.</summary>
    public DatasetManifest? Manifest { get; init; }

    /// <summary>The most an archive may declare or expand to; null for max(1 GiB, 4 x the manifest's total).</summary>
    public long? MaxBytes { get; init; }

    /// <summary>Reads environment variables (Kaggle credentials and API address); replaceable in tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public int Attempts { get; init; } = 5;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public Action<AcquisitionProgress>? Progress { get; init; }

    public Action<string>? Log { get; init; }
}
