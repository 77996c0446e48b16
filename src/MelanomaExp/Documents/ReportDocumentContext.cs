using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>
/// The one serializer for the report's JSON documents: snake_case names as in every report file, indented for diffs
/// in review, and strict about what must be there (a step without a name is a damaged file, not an empty step).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(DocumentHeader))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ManifestDocument))]
[JsonSerializable(typeof(MetricsDocument))]
[JsonSerializable(typeof(StudyDocument))]
[JsonSerializable(typeof(SeedSummaryDocument))]
[JsonSerializable(typeof(EvaluationDocument))]
internal sealed partial class ReportDocumentContext : JsonSerializerContext;
