namespace MelanomaExp.Acquisition;

/// <summary>The server answered a download with a client error (401, 403, 404...): retrying cannot help.</summary>
internal sealed class HttpRefusedException(string url, int status, string reason)
    : BadInputException($"{url}: the server refused the download (HTTP {status} {reason}; nothing was written)")
{
    public int Status { get; } = status;
}
