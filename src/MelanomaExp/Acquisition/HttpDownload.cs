using System.Net;
using System.Net.Http.Headers;

namespace MelanomaExp.Acquisition;

/// <summary>
/// Downloads one file into <c>X.part</c>, resuming with an HTTP Range request from what is already there:
/// after a dropped connection within this run (up to <see cref="Attempts"/> tries) and from an earlier,
/// interrupted run. Redirects are followed; the Authorization header is not sent to the redirect target.
/// </summary>
internal sealed class HttpDownload(HttpClient client)
{
    public int Attempts { get; init; } = 5;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one read may wait for bytes before the connection counts as dropped.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Completes <paramref name="partFile"/> from <paramref name="url"/>; returns how many times it resumed.</summary>
    public async Task<int> FetchAsync(Uri url, AuthenticationHeaderValue? auth, string partFile, Action<AcquisitionProgress>? progress, CancellationToken cancel)
    {
        var source = url.GetLeftPart(UriPartial.Path);
        var info = PartialDownload.Resume(partFile, source);
        var resumes = 0;
        Exception? last = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var have = info is null ? 0 : new FileInfo(partFile).Length;
            if (have > 0)
            {
                resumes++;
            }
            try
            {
                await OneRequest(url, auth, partFile, source, info, have, progress, cancel).ConfigureAwait(false);
                return resumes;
            }
            catch (Exception e) when (e is IOException or HttpRequestException or TimeoutException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
            {
                last = e;
                info = PartialDownload.Resume(partFile, source);
            }
            if (attempt < Attempts)
            {
                await Task.Delay(RetryDelay * attempt, cancel).ConfigureAwait(false);
            }
        }
        var kept = File.Exists(partFile) ? new FileInfo(partFile).Length : 0;
        throw new DownloadFailedException($"{source}: the download failed {Attempts} times ({last?.Message}); {kept:N0} bytes are kept in {partFile}, run the same command again to resume", last);
    }

    /// <summary>One request that completes the file or throws; a server that ignores the range (200) starts it over.</summary>
    private async Task OneRequest(Uri url, AuthenticationHeaderValue? auth, string partFile, string source, PartialDownload? info, long have, Action<AcquisitionProgress>? progress, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = auth;
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
            if (info?.ETag is { } etag)
            {
                request.Headers.IfRange = new RangeConditionHeaderValue(EntityTagHeaderValue.Parse(etag));
            }
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0 && response.Content.Headers.ContentRange?.Length == have)
        {
            return;
        }
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            throw new HttpRefusedException(source, (int)response.StatusCode, response.ReasonPhrase ?? "");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        var range = response.Content.Headers.ContentRange;
        var append = response.StatusCode == HttpStatusCode.PartialContent && have > 0 && range?.From == have;
        var total = append ? range!.Length : response.Content.Headers.ContentLength;
        info = new PartialDownload(source, response.Headers.ETag?.ToString());
        if (!append)
        {
            PartialDownload.Delete(partFile);
            have = 0;
        }
        info.Save(partFile);
        await using var body = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        await using var file = new FileStream(partFile, append ? FileMode.Append : FileMode.Create, FileAccess.Write);
        var buffer = new byte[81920];
        var done = have;
        progress?.Invoke(new AcquisitionProgress(AcquisitionStage.Download, done, total));
        while (true)
        {
            using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            readTimeout.CancelAfter(ReadTimeout);
            var read = await body.ReadAsync(buffer, readTimeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            await file.WriteAsync(buffer.AsMemory(0, read), cancel).ConfigureAwait(false);
            done += read;
            progress?.Invoke(new AcquisitionProgress(AcquisitionStage.Download, done, total));
        }
        if (total is { } expected && done != expected)
        {
            throw new IOException($"the connection closed after {done:N0} of {expected:N0} bytes");
        }
    }
}
