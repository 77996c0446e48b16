using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>
/// The one serializer for the report's JSON documents: snake_case names as in every report file, indented for diffs
/// in review, and strict about what must be there (a step without a name is a damaged file, not an empty step).
/// The values inside <see cref="Recorded{T}"/> are listed too: their converter writes them through this context.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(DocumentHeader))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(ManifestDocument))]
[JsonSerializable(typeof(MetricsDocument))]
[JsonSerializable(typeof(EnvironmentDocument))]
[JsonSerializable(typeof(StudyDocument))]
[JsonSerializable(typeof(SeedSummaryDocument))]
[JsonSerializable(typeof(EvaluationDocument))]
[JsonSerializable(typeof(SetEvaluationDocument))]
[JsonSerializable(typeof(TrainEvaluationDocument))]
[JsonSerializable(typeof(IReadOnlyList<TrainTestCopyDocument>))]
[JsonSerializable(typeof(CalibrationDocument))]
[JsonSerializable(typeof(OperatingPointDocument))]
[JsonSerializable(typeof(AucComparisonDocument))]
[JsonSerializable(typeof(DeviceDocument))]
internal sealed partial class ReportDocumentContext : JsonSerializerContext;
