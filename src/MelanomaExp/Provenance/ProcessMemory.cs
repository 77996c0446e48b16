using System.Diagnostics;

namespace MelanomaExp.Provenance;

/// <summary>Resident memory of this process. On Linux the kernel's own counters (VmRSS, VmHWM), which include native (libtorch) allocations.</summary>
internal static class ProcessMemory
{
    private const string Status = "/proc/self/status";

    /// <summary>The most resident memory since the process started or since <see cref="ResetPeak"/>.</summary>
    public static long PeakRssBytes() => Read("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;

    public static long RssBytes() => Read("VmRSS:") ?? Process.GetCurrentProcess().WorkingSet64;

    /// <summary>Starts a new peak from the current RSS (Linux 4.0+: writing 5 to clear_refs); false where that is not possible.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? Read(string key)
    {
        if (!File.Exists(Status))
        {
            return null;
        }
        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var kb = line?[key.Length..].Trim().Split(' ')[0];
        return long.TryParse(kb, out var value) ? value * 1024 : null;
    }
}
