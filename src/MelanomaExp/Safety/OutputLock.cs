using System.Globalization;
using System.Text.Json;

namespace MelanomaExp.Safety;

/// <summary>
/// One writer per output folder: an OS-level exclusive lock (flock on Linux and macOS, a share-mode lock on
/// Windows) on <c>.&lt;name&gt;.lock</c> beside the folder, so the operating system releases it when the process
/// dies, however it dies. The holder's PID and start time go into <c>.&lt;name&gt;.lock.json</c> for the
/// message a second writer gets. Re-entrant within one process (verify runs the experiment under its own lock).
/// </summary>
public sealed class OutputLock : IDisposable
{
    private static readonly Dictionary<string, (FileStream Stream, int Count)> Held = [];
    private readonly string _key;
    private bool _disposed;

    private OutputLock(string key) => _key = key;

    public static string LockFile(string folder) => Sibling(folder, ".lock");

    public static string HolderFile(string folder) => Sibling(folder, ".lock.json");

    /// <summary>Takes the folder's lock or throws <see cref="BadInputException"/> naming the process that holds it.</summary>
    public static OutputLock Acquire(OutputFolder folder)
    {
        var key = folder.Path;
        lock (Held)
        {
            if (Held.TryGetValue(key, out var held))
            {
                Held[key] = (held.Stream, held.Count + 1);
                return new OutputLock(key);
            }
            var file = LockFile(key);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            FileStream stream;
            try
            {
                stream = new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(file))
            {
                throw new BadInputException($"{folder.Label}: another melanoma-exp is writing this folder ({Holder(key)}); wait for it to finish or stop it (nothing was touched)");
            }
            var holder = new Dictionary<string, object>
            {
                ["pid"] = Environment.ProcessId,
                ["started"] = DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                ["command"] = string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
            var temp = HolderFile(key) + $".{Environment.ProcessId}.tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(holder));
            File.Move(temp, HolderFile(key), overwrite: true);
            Held[key] = (stream, 1);
            return new OutputLock(key);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        lock (Held)
        {
            var (stream, count) = Held[_key];
            if (count > 1)
            {
                Held[_key] = (stream, count - 1);
                return;
            }
            Held.Remove(_key);
            stream.Dispose();
        }
    }

    private static string Holder(string folder)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(HolderFile(folder)));
            var r = doc.RootElement;
            return $"PID {r.GetProperty("pid").GetInt32()}, started {r.GetProperty("started").GetString()}";
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            return "its PID could not be read";
        }
    }

    private static string Sibling(string folder, string suffix) =>
        Path.Combine(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}{suffix}");
}
