namespace MelanomaExp.Acquisition;

/// <summary>Where <c>data get</c> puts the data by default, and so the data root of last resort (see <see cref="DataRoot"/>).</summary>
public static class DownloadedData
{
    public static string DefaultFolder() => Path.Combine(UserCache.Root(), "data", "isic-9class");
}
