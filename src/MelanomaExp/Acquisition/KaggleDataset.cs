namespace MelanomaExp.Acquisition;

/// <summary>The Kaggle data set the study used and the API address its archive is downloaded from.</summary>
internal static class KaggleDataset
{
    public const string Slug = "nodoubttome/skin-cancer9-classesisic";

    /// <summary>Overrides the API's base address (tests point it at a local server).</summary>
    public const string ApiVariable = "MELANOMA_EXP_KAGGLE_API";

    public const string DefaultApi = "https://www.kaggle.com/api/v1";

    public static Uri DownloadUrl(string? api, string slug = Slug) =>
        new($"{(string.IsNullOrEmpty(api) ? DefaultApi : api).TrimEnd('/')}/datasets/download/{slug}");
}
