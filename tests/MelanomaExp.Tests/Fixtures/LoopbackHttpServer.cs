using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 for the download tests (no internet): serves files with Range support,
/// a fake Kaggle download endpoint that checks basic auth and redirects to the file, and can drop a connection
/// part-way through a body. Every request is logged for the tests' assertions.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _drops;

    public LoopbackHttpServer()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public ConcurrentQueue<LoggedRequest> Requests { get; } = new();

    /// <summary>The basic-auth token the fake Kaggle endpoint accepts, as user and key.</summary>
    public (string User, string Key) KaggleAccount { get; set; } = ("alice", "secret-key");

    /// <summary>When set, the next this-many full-body responses stop after this many bytes and close the connection.</summary>
    public int DropAfterBytes { get; set; }

    /// <summary>Answer every request with the whole file (200), as servers without Range support do.</summary>
    public bool IgnoreRange { get; set; }

    public void DropNext(int times, int afterBytes)
    {
        _drops = times;
        DropAfterBytes = afterBytes;
    }

    public string Serve(string path, byte[] body)
    {
        _files[path] = body;
        return BaseUrl + path;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => Handle(client));
        }
    }

    private async Task Handle(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHead(stream);
                var lines = head.Split("\r\n");
                var path = lines[0].Split(' ')[1];
                var headers = lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
                    .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
                Requests.Enqueue(new LoggedRequest(path, headers.GetValueOrDefault("Range"), headers.GetValueOrDefault("Authorization")));
                await Respond(stream, path, headers);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task Respond(NetworkStream stream, string path, Dictionary<string, string> headers)
    {
        if (path.StartsWith("/api/v1/datasets/download/", StringComparison.Ordinal))
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{KaggleAccount.User}:{KaggleAccount.Key}"));
            if (headers.GetValueOrDefault("Authorization") != expected)
            {
                await Write(stream, "401 Unauthorized", [], "{\"code\":401,\"message\":\"Unauthenticated\"}"u8.ToArray());
                return;
            }
            await Write(stream, "302 Found", [$"Location: {BaseUrl}/storage/{path["/api/v1/datasets/download/".Length..]}.zip"], []);
            return;
        }
        if (!_files.TryGetValue(path, out var body))
        {
            await Write(stream, "404 Not Found", [], []);
            return;
        }
        long from = 0;
        if (!IgnoreRange && headers.GetValueOrDefault("Range") is { } range && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            from = long.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture);
            if (from >= body.Length)
            {
                await Write(stream, "416 Range Not Satisfiable", [$"Content-Range: bytes */{body.Length}"], []);
                return;
            }
        }
        var status = from > 0 ? "206 Partial Content" : "200 OK";
        var extra = from > 0 ? new[] { $"Content-Range: bytes {from}-{body.Length - 1}/{body.Length}" } : [];
        var part = body.AsMemory((int)from);
        if (Interlocked.Decrement(ref _drops) >= 0)
        {
            await WriteHead(stream, status, [.. extra, "ETag: \"v1\""], part.Length);
            await stream.WriteAsync(part[..Math.Min(DropAfterBytes, part.Length)]);
            await stream.FlushAsync();
            return;
        }
        await WriteHead(stream, status, [.. extra, "ETag: \"v1\""], part.Length);
        await stream.WriteAsync(part);
    }

    private static async Task Write(NetworkStream stream, string status, string[] headers, byte[] body)
    {
        await WriteHead(stream, status, headers, body.Length);
        await stream.WriteAsync(body);
    }

    private static async Task WriteHead(NetworkStream stream, string status, string[] headers, long length)
    {
        var head = new StringBuilder($"HTTP/1.1 {status}\r\n");
        foreach (var h in headers)
        {
            head.Append(h).Append("\r\n");
        }
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
    }

    private static async Task<string> ReadHead(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r')
            {
                break;
            }
        }
        return Encoding.ASCII.GetString([.. bytes]);
    }
}
