using System.Text.Json;

namespace MelanomaExp.Results;

/// <summary>How the report's JSON files are written, shared so that every block of them looks the same.</summary>
internal static class ReportJsonOptions
{
    /// <summary>Whole files: indented, for diffs in review.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Records serialised into a block: snake_case field names, as everywhere in the report.</summary>
    public static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
