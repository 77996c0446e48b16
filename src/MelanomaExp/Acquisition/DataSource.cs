namespace MelanomaExp.Acquisition;

/// <summary>Where <c>data get</c> takes the data from: Kaggle (no <c>--from</c>), or <c>--from</c> an http(s) address, a zip file or a folder.</summary>
internal sealed record DataSource(DataSourceKind Kind, string Location)
{
    public static DataSource Parse(string? from)
    {
        if (from is null)
        {
            return new DataSource(DataSourceKind.Kaggle, KaggleDataset.Slug);
        }
        if (Uri.TryCreate(from, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return new DataSource(DataSourceKind.Url, from);
        }
        if (Directory.Exists(from))
        {
            return new DataSource(DataSourceKind.Folder, from);
        }
        if (File.Exists(from))
        {
            return new DataSource(DataSourceKind.ZipFile, from);
        }
        throw new BadInputException($"--from {from}: no such file or folder, and not an http(s) address");
    }

    public override string ToString() => Kind switch
    {
        DataSourceKind.Kaggle => $"Kaggle {Location}",
        DataSourceKind.Folder => $"folder {Location}",
        DataSourceKind.ZipFile => $"zip {Location}",
        _ => Location,
    };
}
