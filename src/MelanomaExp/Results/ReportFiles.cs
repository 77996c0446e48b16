using MelanomaExp.Documents;

namespace MelanomaExp.Results;

/// <summary>File names inside a report folder, in one place because the Markdown links to them.</summary>
internal static class ReportFiles
{
    public const string Readme = "README.md";
    public const string Metrics = "metrics.json";
    public const string History = "history.csv";
    public const string Manifest = ReportFormats.ManifestFile;
    public const string Predictions = "predictions.csv";
    public const string SeedSummary = "seeds.json";
    public const string Study = "study.json";
    public const string Verdict = "VERIFY.md";
    public const string Comparison = "COMPARE.md";
    public const string ClassDistribution = "class-distribution.png";
    public const string Samples = "samples.png";
    public const string AuditPairs = "audit-pairs.png";
    public const string AllSteps = "steps-validation-accuracy.png";
    public const string RocSteps = "roc-steps.png";
    public const string ReliabilitySteps = "reliability-steps.png";
    public const string PrecisionRecallSteps = "precision-recall-steps.png";

    /// <summary>A step's saved model (model.json and weights.pt), relative to the report folder.</summary>
    public static string ModelDir(string step) => $"models/{step}";

    public static string Accuracy(string step) => $"{step}-accuracy.png";

    public static string Loss(string step) => $"{step}-loss.png";

    public static string Confusion(string step, string set) => $"{step}-{set}-confusion.png";

    public static string Roc(string step) => $"{step}-roc.png";

    public static string Generated(string step) => $"{step}-generated.png";

    /// <summary>A gallery of one kind of mistake, in the <c>mistakes/</c> folder (class names with dashes for spaces).</summary>
    public static string Mistakes(string step, string actual, string predicted) => $"mistakes/{step}-{Slug(actual)}-as-{Slug(predicted)}.png";

    public static string GradCam(string step) => $"{step}-gradcam.png";

    private static string Slug(string name) => name.Replace(' ', '-');
}
