using System.Text.Json;

namespace MelanomaExp.Results;

/// <summary>The one walker for paths into metrics.json as written: <see cref="ReportMetric"/> finds its figures by path, so one list of figures serves every reader.</summary>
internal static class ReportJson
{
    /// <summary>The element at <paramref name="path"/>, or null when any key on the way is missing.</summary>
    public static JsonElement? At(JsonElement e, params string[] path)
    {
        foreach (var key in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(key, out e))
            {
                return null;
            }
        }
        return e;
    }

    /// <summary>The number at <paramref name="path"/>; null when missing or not a number (NaN is written as null).</summary>
    public static double? Number(JsonElement e, params string[] path) =>
        At(e, path) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;
}
