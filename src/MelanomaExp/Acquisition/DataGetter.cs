using System.Net.Http.Headers;
using MelanomaExp.Safety;

namespace MelanomaExp.Acquisition;

/// <summary>
/// <c>data get</c>: fetches the data set (Kaggle, an address, a zip or a folder), copies the manifest's files into
/// a staging folder while hashing them, and moves them into the destination only when every file matches.
/// The destination is claimed like any output folder (kind <c>data</c>): a folder the tool did not write is refused.
/// </summary>
public static class DataGetter
{
    private const long GiB = 1L << 30;

    public static DataGetResult Get(DataGetOptions options, CancellationToken cancel = default)
    {
        var manifest = options.Manifest ?? DatasetManifest.Shipped();
        var source = DataSource.Parse(options.From);
        var credentials = source.Kind == DataSourceKind.Kaggle ? RequireCredentials(options.Environment) : null;
        var rules = new OutputRules();
        if (source.Kind is DataSourceKind.Folder or DataSourceKind.ZipFile)
        {
            rules.Input(source.Location, $"--from {source.Location}");
        }
        var destination = OutputFolder.Claim(options.Destination ?? DownloadedData.DefaultFolder(), "data", rules, "--dest");
        using var writer = OutputLock.Acquire(destination);
        if (OutputMarker.Read(destination.Path)?.Kind == "data")
        {
            var present = ManifestCheck.Folder(manifest, destination.Path, options.Progress);
            if (present.Complete)
            {
                return new DataGetResult(destination.Path, source.ToString(), AlreadyComplete: true, present.Verified, present.Extra, 0, 0, manifest.Source);
            }
            options.Log?.Invoke($"{destination.Path}: incomplete ({present.Describe()}); getting it again");
        }
        var check = new ManifestCheck(manifest);
        var maxBytes = options.MaxBytes ?? Math.Max(GiB, 4 * manifest.TotalBytes);
        long downloaded = 0;
        var resumes = 0;
        using (var staging = DataStaging.Create(destination))
        {
            switch (source.Kind)
            {
                case DataSourceKind.Folder:
                    FolderImport.Copy(source.Location, staging.Path, check, options.Progress);
                    break;
                case DataSourceKind.ZipFile:
                    ZipImport.Extract(source.Location, staging.Path, check, maxBytes, options.Progress);
                    break;
                default:
                    var part = DataStaging.DownloadFile(destination);
                    resumes = Download(source, credentials, options, part, cancel);
                    try
                    {
                        downloaded = new FileInfo(part).Length;
                        ZipImport.Extract(part, staging.Path, check, maxBytes, options.Progress);
                    }
                    finally
                    {
                        // A complete download is never resumed: whether it held the data or not, it goes.
                        PartialDownload.Delete(part);
                    }
                    break;
            }
            var result = check.Finish();
            if (!result.Complete)
            {
                throw new DataCheckFailedException(source.ToString(), result);
            }
            staging.MoveInto(destination);
            return new DataGetResult(destination.Path, source.ToString(), AlreadyComplete: false, result.Verified, result.Extra, downloaded, resumes, manifest.Source);
        }
    }

    private static KaggleCredentials RequireCredentials(Func<string, string?> environment) =>
        KaggleCredentials.Find(environment)
            ?? throw new BadInputException($"no Kaggle credentials: set KAGGLE_USERNAME and KAGGLE_KEY, or put kaggle.json in {KaggleCredentials.ConfigFolder(environment)} (kaggle.com > Settings > API > Create New Token), or give a copy you have with --from FILE.zip|URL|FOLDER (nothing was written)");

    private static int Download(DataSource source, KaggleCredentials? credentials, DataGetOptions options, string part, CancellationToken cancel)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("melanoma-exp", ToolVersion.Current.Split('+')[0]));
        var download = new HttpDownload(client) { Attempts = options.Attempts, RetryDelay = options.RetryDelay };
        if (credentials is null)
        {
            return download.FetchAsync(new Uri(source.Location), null, part, options.Progress, cancel).GetAwaiter().GetResult();
        }
        var url = KaggleDataset.DownloadUrl(options.Environment(KaggleDataset.ApiVariable));
        try
        {
            return download.FetchAsync(url, credentials.BasicAuth(), part, options.Progress, cancel).GetAwaiter().GetResult();
        }
        catch (HttpRefusedException e) when (e.Status is 401 or 403)
        {
            throw new BadInputException($"Kaggle refused the credentials of user '{credentials.UserName}' from {credentials.Origin} (HTTP {e.Status}): check them (kaggle.com > Settings > API > Create New Token), or give a copy you have with --from FILE.zip|URL|FOLDER (nothing was written)", e);
        }
    }
}
