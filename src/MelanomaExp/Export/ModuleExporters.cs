namespace MelanomaExp.Export;

/// <summary>The module exporters an export looks modules up in, by exact type.</summary>
internal static class ModuleExporters
{
    /// <summary>The registration: one line per module type (TorchSharp's layers, then the tool's own modules).</summary>
    public static readonly IReadOnlyList<IModuleExporter> BuiltIn =
    [
        new Conv2dExporter(), new LinearExporter(), new BatchNorm2dExporter(), new MaxPool2dExporter(), new AdaptiveAvgPool2dExporter(),
        new ReLUExporter(), new ReLU6Exporter(), new DropoutExporter(), new FlattenExporter(), new SequentialExporter(),
        new SeedCnnExporter(), new ResNetSmallExporter(), new ResidualBlockExporter(), new OnnxClassifierExporter(), new OnnxModuleExporter(),
        new PreprocessedExporter(), new TorchVisionNetworkExporter(),
        // torchvision's blocks are private types found by name: a TorchVision package without them loses only their export.
        .. new[] { TorchVisionBasicBlockExporter.IfPresent(), TorchVisionInvertedResidualExporter.IfPresent() }.OfType<IModuleExporter>(),
    ];
}
