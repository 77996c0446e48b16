namespace MelanomaExp.Models;

/// <summary>
/// What a saved model needs to be used again: <c>model.json</c> beside <c>weights.pt</c> in one folder.
/// Plain data only: loading a model reads JSON and tensors, it never runs code from the files.
/// </summary>
public sealed record ModelCard
{
    public const string CurrentFormat = "melanoma-exp-model/1";

    public string Format { get; init; } = CurrentFormat;

    public required string Arch { get; init; }

    public double Dropout { get; init; }

    public bool BatchNorm { get; init; }

    /// <summary>Shades of Gray Minkowski p applied before the network (0 = none); see <see cref="Config.PreprocessSpec"/>.</summary>
    public double ColourConstancy { get; init; }

    /// <summary>Per-channel standardisation before the network (its statistics are in the weights file).</summary>
    public bool Standardize { get; init; }

    /// <summary>The architecture's own <c>model:</c> settings (ModelSpec.Options) as text, so the model is rebuilt as trained; absent when it has none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? ArchOptions { get; init; }

    /// <summary>Files the architecture is rebuilt from (arch onnx's graph: weights.pt holds the weights, not the structure), as full paths; their sha256 is in <see cref="ArchOptions"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? ArchFiles { get; init; }

    public required IReadOnlyList<string> Classes { get; init; }

    public required int ImageHeight { get; init; }

    public required int ImageWidth { get; init; }

    /// <summary>How pixels reach the network, for anyone re-implementing the input pipeline.</summary>
    public string Input { get; init; } = DefaultInput;

    public const string DefaultInput = "RGB, EXIF-oriented, bilinear resize to image size, values 0..255 (the model scales by 1/255)";

    public required string Experiment { get; init; }

    public required string ExperimentHash { get; init; }

    public required string Step { get; init; }

    public string? PositiveClass { get; init; }

    /// <summary>Probability of the positive class above which <c>predict</c> flags an image (Youden's J on validation).</summary>
    public double? Threshold { get; init; }

    public required string ToolVersion { get; init; }
}
