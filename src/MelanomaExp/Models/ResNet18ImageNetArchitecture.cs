using System.Collections.Concurrent;
using MelanomaExp.Config;
using MelanomaExp.Models.Onnx;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models;

/// <summary>
/// <c>model: { arch: resnet18-imagenet }</c>: the ImageNet ResNet-18 of NuGet's Microsoft.ML.DnnImageFeaturizer.ResNet18
/// (MIT), imported from its ONNX file, pooled globally, with a new head. The file comes with the tool (the build
/// copies it from the package), so no model hub is needed; its sha256 is checked. fp32, or bf16/fp16 mixed precision in the backbone; no Grad-CAM.
/// </summary>
internal sealed class ResNet18ImageNetArchitecture : IArchitecture
{
    public const string Key = "resnet18-imagenet";

    /// <summary>ResNet18.onnx of package version 0.23.1.</summary>
    public const string Sha256 = "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f";

    public const string PackageId = "microsoft.ml.dnnimagefeaturizer.resnet18";

    public const string PackageVersion = "0.23.1";

    private const string RelativePath = "DnnImageModels/ResNet18Onnx/ResNet18.onnx";

    /// <summary>
    /// The network's input convention: BGR, 0..255, minus the mean of the package's 3x224x224 mean image
    /// (ResNetPreprocess.onnx) over each channel (B, G, R). Per channel rather than the image itself, so any image
    /// size works; the mean image varies by at most about 10 around these, against inputs spread over 0..255.
    /// These are the package's own means (not VGG's usual 103.94, 116.78, 123.68), as its network was trained on them.
    /// </summary>
    public static readonly InputConvention Convention = new(true, 1, [103.06262f, 115.90288f, 123.15163f], [1, 1, 1]);

    private static readonly ConcurrentDictionary<(string, long, DateTime), string> Checked = new();

    public string Name => Key;

    // The weights' identity is part of the step key, so a newer package with other weights trains again.
    public ModelSpec Bind(YamlSection model, ModelSpec common) =>
        common with { Options = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["weights_sha256"] = Sha256 } };

    public string? InputDescription(ModelSpec spec) => Convention.Describe();

    public bool HasPretrainedBackbone => true;

    /// <summary>bf16 (fp16 on CUDA) mixed precision in the backbone's nodes, batch normalisation and the head in float32.</summary>
    public IReadOnlyList<string> Precisions => Config.Catalog.PrecisionNames.All;

    public void SetComputeType(Module<Tensor, Tensor> network, ScalarType computeType) => ((OnnxClassifier)network).Backbone.ComputeType = computeType;

    public bool SupportsStandardize => false;

    // Its stride-2 stages pad asymmetrically (CNTK's export): at an odd feature-map size the residual branches disagree.
    public string? ImageSizeProblem(int height, int width) =>
        height % 32 == 0 && width % 32 == 0 ? null : $"needs data.image_size in multiples of 32 (e.g. 64, 160, 224), not {height}x{width}";

    public IReadOnlyList<string> BackboneNodes(ModelSpec spec) => OnnxClassifier.BackboneNodes(OnnxGraph.Read(Locate()));

    public Module<Tensor, Tensor> Build(ModelSpec spec, int classes, int height, int width, bool rescale)
    {
        if (!rescale)
        {
            // Standardised input has lost the 0..255 scale the pretrained weights need.
            throw new BadInputException($"{Key} takes its own input convention ({Convention.Describe()}); drop preprocess.standardize (colour constancy is fine)");
        }
        if (ImageSizeProblem(height, width) is { } problem)
        {
            throw new BadInputException($"{Key} {problem}");
        }
        return new OnnxClassifier(OnnxGraph.Read(Locate()), Convention, rescale, classes, height, width, spec.Dropout);
    }

    /// <summary>
    /// The checked ResNet18.onnx: beside the assembly (the build copies it there), else in the NuGet package folder
    /// (a library built elsewhere, or a test host without the copy).
    /// </summary>
    public static string Locate()
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, RelativePath),
            Path.Combine(PackagesFolder(), PackageId, PackageVersion, "tools", RelativePath),
        ];
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new BadInputException($"{Key}: ResNet18.onnx not found (looked in {string.Join(", ", candidates)}); restore NuGet package {PackageId} {PackageVersion}");
        var info = new FileInfo(found);
        // 64 MB take a moment to hash; a file unchanged since it was checked in this process is not hashed again.
        var sha = Checked.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), _ => FileSha256.Of(found));
        return sha == Sha256 ? found : throw new BadInputException($"{found}: sha256 {sha}, not the {Sha256} of {PackageId} {PackageVersion}");
    }

    private static string PackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
