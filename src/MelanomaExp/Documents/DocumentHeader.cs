using System.Text.Json;

namespace MelanomaExp.Documents;

/// <summary>
/// Only the format field of a report document: read before the whole document, so that a file of another format
/// or version is refused by name rather than by whichever of its fields first fails to match.
/// </summary>
internal sealed record DocumentHeader(string? Format = null)
{
    /// <summary>The format <paramref name="document"/> names, null when it is not an object or names none as text.</summary>
    public static string? FormatOf(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        try
        {
            return document.Deserialize(ReportDocumentContext.Default.DocumentHeader)?.Format;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
