using System.Globalization;

namespace MelanomaExp.Benchmarking;

/// <summary>
/// The machine's 1-minute load average from /proc/loadavg, recorded next to the figures: on a shared
/// machine a timing means little without the load it was taken under. Null where the file does not exist.
/// </summary>
internal static class LoadAverage
{
    public static double? OneMinute(string path = "/proc/loadavg")
    {
        try
        {
            var first = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
