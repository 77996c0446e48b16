using MelanomaExp.Config;
using MelanomaExp.Models.Onnx;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models;

/// <summary>
/// <c>model: { arch: onnx, file: PATH }</c>: an ONNX graph imported as a trainable backbone (<see cref="OnnxModule"/>),
/// pooled globally and given a new head for the experiment's classes. <c>channels</c> and <c>pixels</c> say what
/// input it was trained on. fp32, or bf16/fp16 mixed precision in the backbone; no Grad-CAM.
/// </summary>
internal sealed class OnnxArchitecture : IArchitecture
{
    public const string Key = "onnx";

    public string Name => Key;

    public ModelSpec Bind(YamlSection model, ModelSpec common)
    {
        var written = model.String("file");
        var recorded = model.String("file_sha256");
        var channels = model.StringChoice("channels", "rgb", "rgb", "bgr");
        var pixels = model.StringChoice("pixels", "unit", "unit", "byte");
        if (model.Describing)
        {
            return common;
        }
        if (written is null)
        {
            model.Report("file", "arch onnx needs model.file: the .onnx graph to import");
            return common;
        }
        var full = Path.IsPathRooted(written) ? written : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(model.File)) ?? ".", written);
        if (!File.Exists(full))
        {
            throw model.Error("file", $"ONNX file not found: {full}");
        }
        var sha = FileSha256.Of(full);
        // As with init_from: a resolved experiment names the graph it trained; another file is another experiment.
        if (recorded is not null && recorded != sha)
        {
            throw model.Error("file_sha256", $"{full} has sha256 {sha}, not the recorded {recorded}");
        }
        return common with
        {
            Options = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["file_sha256"] = sha, ["channels"] = channels, ["pixels"] = pixels },
            Files = new Dictionary<string, ModelFile>(StringComparer.Ordinal) { ["file"] = new(written, full) },
        };
    }

    public IEnumerable<KeyValuePair<string, object?>> Canonical(ModelSpec spec) =>
    [
        new("file", spec.Files?["file"].Written),
        new("file_sha256", spec.Options?["file_sha256"]),
        new("channels", spec.Options?["channels"]),
        new("pixels", spec.Options?["pixels"]),
    ];

    public string? InputDescription(ModelSpec spec) => Convention(spec).Describe();

    public bool HasPretrainedBackbone => true;

    /// <summary>bf16 (fp16 on CUDA) mixed precision in the backbone's nodes, batch normalisation and the head in float32.</summary>
    public IReadOnlyList<string> Precisions => Config.Catalog.PrecisionNames.All;

    public void SetComputeType(Module<Tensor, Tensor> network, ScalarType computeType) => ((OnnxClassifier)network).Backbone.ComputeType = computeType;

    public IReadOnlyList<string> BackboneNodes(ModelSpec spec) =>
        spec.Files?.GetValueOrDefault("file")?.Full is { } file && File.Exists(file) ? OnnxClassifier.BackboneNodes(OnnxGraph.Read(file)) : [];

    public Module<Tensor, Tensor> Build(ModelSpec spec, int classes, int height, int width, bool rescale)
    {
        // weights.pt has the weights, not the structure: a saved model is rebuilt from the graph its card names.
        var file = spec.Files?.GetValueOrDefault("file")?.Full
            ?? throw new BadInputException("arch onnx is rebuilt from its model.file, which this model card does not name");
        if (!File.Exists(file))
        {
            throw new BadInputException($"{file}: the ONNX graph the model was trained from is missing");
        }
        // Another graph of the same shapes would load the weights and compute something else.
        if (spec.Options?.GetValueOrDefault("file_sha256") is string expected && FileSha256.Of(file) is var sha && sha != expected)
        {
            throw new BadInputException($"{file}: sha256 {sha}, not the {expected} of the graph the model was trained from");
        }
        return new OnnxClassifier(OnnxGraph.Read(file), Convention(spec), rescale, classes, height, width, spec.Dropout);
    }

    private static InputConvention Convention(ModelSpec spec) => InputConvention.Raw with
    {
        Bgr = spec.Options?["channels"] is "bgr",
        Scale = spec.Options?["pixels"] is "byte" ? 1 : 1 / 255.0,
    };
}
