using System.Text.Json;
using MelanomaExp.Config;
using MelanomaExp.Export;
using MelanomaExp.Models;
using MelanomaExp.Models.Onnx;
using MelanomaExp.Preprocessing;
using MelanomaExp.Tests.Models.Onnx;
using Onnx;
using Xunit.Abstractions;
using static MelanomaExp.Tests.Models.Onnx.OnnxGraphWriter;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Tests.Export;

/// <summary>
/// Every built-in architecture, with the test's own weights and batch-norm statistics, exported and run through ONNX
/// Runtime: its class probabilities equal TorchSharp's (eval mode) within 1e-4 on the embedded sample and on random
/// inputs. A module no exporter knows is refused by name.
/// </summary>
public class OnnxExportTests(ITestOutputHelper output)
{
    private const int Classes = 9;

    // Not square, and not the sample's 64x64: the images are resized as predict resizes them, and height and width cannot be swapped unseen.
    private const int Height = 40;
    private const int Width = 48;

    private static Module<Tensor, Tensor> Build(ModelSpec spec, int seed, int height = Height, int width = Width, bool rescale = true)
    {
        random.manual_seed(seed);
        var network = Architectures.Of(spec).Build(spec, Classes, height, width, rescale);
        ExportCheck.Randomize(network, seed);
        return network;
    }

    [Fact]
    public void Seed_cnn_with_batch_norm_agrees_with_onnx_runtime()
    {
        using var model = Build(new ModelSpec(SeedCnnArchitecture.Key, 0) { BatchNorm = true }, 1);
        var proto = ExportCheck.AgreesWithOnnxRuntime(output, "seed-cnn, batch norm", model, ExportCheck.Card(SeedCnnArchitecture.Key, Classes, Height, Width));
        var ops = proto.Graph.Node.Select(n => n.OpType).ToList();
        Assert.Equal(3, ops.Count(o => o == "BatchNormalization"));
        Assert.Equal(["Div", "Conv", "BatchNormalization", "MaxPool", "Relu"], ops.Take(5));
        Assert.Equal("Softmax", ops[^1]);
    }

    [Fact]
    public void Seed_cnn_with_dropout_agrees_with_onnx_runtime_and_leaves_the_dropout_out()
    {
        using var model = Build(new ModelSpec(SeedCnnArchitecture.Key, 0.3), 2);
        var proto = ExportCheck.AgreesWithOnnxRuntime(output, "seed-cnn, dropout 0.3", model, ExportCheck.Card(SeedCnnArchitecture.Key, Classes, Height, Width));
        Assert.DoesNotContain(proto.Graph.Node, n => n.OpType is "Dropout" or "BatchNormalization");
        Assert.Equal(5, proto.Graph.Node.Count(n => n.OpType is "Conv" or "Gemm"));
    }

    [Fact]
    public void Resnet_small_with_dropout_agrees_with_onnx_runtime()
    {
        using var model = Build(new ModelSpec("resnet-small", 0.2), 3);
        var proto = ExportCheck.AgreesWithOnnxRuntime(output, "resnet-small, dropout 0.2", model, ExportCheck.Card("resnet-small", Classes, Height, Width));
        // Stem, 6 blocks of two, and the projections of the two blocks that halve the resolution.
        Assert.Equal(1 + 12 + 2, proto.Graph.Node.Count(n => n.OpType == "BatchNormalization"));
        Assert.Equal(6, proto.Graph.Node.Count(n => n.OpType == "Add"));
        Assert.DoesNotContain(proto.Graph.Node, n => n.OpType == "Dropout");
    }

    [Fact]
    public void Colour_constancy_and_standardisation_are_written_into_the_graph()
    {
        // Standardised input: the network does not divide by 255 itself, the graph standardises first.
        using var network = Build(new ModelSpec(SeedCnnArchitecture.Key, 0) { BatchNorm = true }, 4, rescale: false);
        using var model = new Preprocessed(network, new PreprocessSpec(6, Standardize: true));
        model.SetStatistics([140.5f, 101.25f, 96f], [40.5f, 35f, 38.75f]);
        var card = ExportCheck.Card(SeedCnnArchitecture.Key, Classes, Height, Width) with { ColourConstancy = 6, Standardize = true };
        var proto = ExportCheck.AgreesWithOnnxRuntime(output, "seed-cnn, Shades of Gray p=6 and standardize", model, card);
        Assert.Contains(proto.Graph.Node, n => n.OpType == "Pow");
        Assert.DoesNotContain(proto.Graph.Node, n => n.OpType == "Div" && n.Name.EndsWith("rescale", StringComparison.Ordinal));
        Assert.Contains("Shades of Gray", proto.MetadataProps.Single(p => p.Key == "preprocess").Value, StringComparison.Ordinal);

        // Colour constancy alone keeps the network's own 1/255.
        using var scaled = new Preprocessed(Build(new ModelSpec("resnet-small", 0), 5), new PreprocessSpec(2, Standardize: false));
        ExportCheck.AgreesWithOnnxRuntime(output, "resnet-small, Shades of Gray p=2", scaled, ExportCheck.Card("resnet-small", Classes, Height, Width) with { ColourConstancy = 2 });
    }

    /// <summary>A small backbone in the opset ResNet-18's file uses (8): asymmetric pads, batch norm, a residual add, a Reshape's fixed shape.</summary>
    private static ModelProto Backbone(int seed)
    {
        var g = new OnnxGraphWriter(seed);
        var conv = g.Node("Conv", ["image", g.Weight("conv.weight", [8, 3, 3, 3], -0.3, 0.3), g.Weight("conv.bias", [8])], Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 1, 1, 0, 0));
        var bn = g.Node("BatchNormalization", [conv, g.Weight("bn.scale", [8], 0.5, 1.5), g.Weight("bn.bias", [8]), g.Weight("bn.mean", [8]), g.Weight("bn.var", [8], 0.5, 1.5)], Float("epsilon", 1e-5f));
        var relu = g.Node("Relu", [bn]);
        var pool = g.Node("MaxPool", [relu], Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 1, 1, 0, 0));
        var branch = g.Node("Conv", [pool, g.Weight("branch.weight", [8, 8, 3, 3], -0.2, 0.2)], Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1));
        var added = g.Node("Add", [branch, pool]);
        var reshaped = g.Node("Reshape", [g.Node("Relu", [added]), g.Int64s("shape", 0, 8, -1, 1)]);
        var average = g.Node("GlobalAveragePool", [reshaped]);
        return g.Model("image", [1, 3, 224, 224], average, opset: 8);
    }

    [Fact]
    public void An_imported_onnx_backbone_with_its_new_head_agrees_with_onnx_runtime_with_the_weights_it_trained()
    {
        var graph = new OnnxGraph(Backbone(6), "backbone.onnx");
        // A BGR graph trained on 0..1 pixels, as arch onnx builds it for channels: bgr, pixels: unit.
        var convention = InputConvention.Raw with { Bgr = true, Scale = 1 / 255.0 };
        random.manual_seed(6);
        using var model = new OnnxClassifier(graph, convention, rescale: true, Classes, Height, Width, dropout: 0.25);
        // Trained: the weights and statistics are no longer the file's; the export must take the module's.
        ExportCheck.Randomize(model, 6);
        using (no_grad())
        {
            model.Backbone.get_buffer("bn_mean")!.add_(0.5);
        }
        var proto = ExportCheck.AgreesWithOnnxRuntime(output, "onnx (opset 8 backbone, BGR, 0..1) + head", model, ExportCheck.Card(OnnxArchitecture.Key, Classes, Height, Width));
        Assert.Equal(8, proto.OpsetImport.Single().Version);
        Assert.Equal(["Gather", "Mul", "Add", "Conv"], proto.Graph.Node.Take(4).Select(n => n.OpType));
        // The file's GlobalAveragePool is cut off and the classifier pools instead; the Reshape keeps its shape.
        Assert.Equal(["GlobalAveragePool", "Flatten", "Gemm", "Softmax"], proto.Graph.Node.TakeLast(4).Select(n => n.OpType));
        Assert.Contains(proto.Graph.Initializer, t => t.DataType == (int)TensorProto.Types.DataType.Int64 && t.Name.StartsWith("backbone.shape", StringComparison.Ordinal));

        // Behind colour constancy and standardisation, written for opset 8 too (Clip's bounds and ReduceSum's axes as attributes).
        random.manual_seed(16);
        using var standardised = new Preprocessed(new OnnxClassifier(new OnnxGraph(Backbone(16), "backbone.onnx"), convention, rescale: false, Classes, Height, Width, dropout: 0), new PreprocessSpec(6, Standardize: true));
        ExportCheck.Randomize(standardised, 16);
        standardised.SetStatistics([150f, 110f, 100f], [45f, 40f, 42f]);
        var card = ExportCheck.Card(OnnxArchitecture.Key, Classes, Height, Width) with { ColourConstancy = 6, Standardize = true };
        var preprocessed = ExportCheck.AgreesWithOnnxRuntime(output, "onnx (opset 8) + head behind Shades of Gray p=6 and standardize", standardised, card);
        Assert.Equal(8, preprocessed.OpsetImport.Single().Version);
        Assert.Contains(preprocessed.Graph.Node, n => n.OpType == "Clip" && n.Input.Count == 1 && n.Attribute.Any(a => a.Name == "min"));
        Assert.Contains(preprocessed.Graph.Node, n => n.OpType == "ReduceSum" && n.Input.Count == 1 && n.Attribute.Any(a => a.Name == "axes"));
    }

    [Fact]
    public void The_imagenet_resnet18_with_its_new_head_agrees_with_onnx_runtime()
    {
        // Its own convention (BGR, minus the package's means), ImageNet's weights and running statistics, the test's
        // head (noise on 11 M trained weights would only saturate the output); 64 px, a multiple of 32.
        random.manual_seed(7);
        var spec = new ModelSpec(ResNet18ImageNetArchitecture.Key, 0.2);
        using var model = Architectures.Of(spec).Build(spec, Classes, 64, 64, rescale: true);
        ExportCheck.Randomize(((OnnxClassifier)model).Head, 7);
        var proto = ExportCheck.AgreesWithOnnxRuntime(output, "resnet18-imagenet + head", model, ExportCheck.Card(ResNet18ImageNetArchitecture.Key, Classes, 64, 64));
        Assert.Equal(8, proto.OpsetImport.Single().Version);
        Assert.Equal(22, proto.Graph.Node.Count(n => n.OpType == "BatchNormalization"));
        Assert.DoesNotContain(proto.Graph.Node, n => n.OpType == "AveragePool");
    }

    [Fact]
    public void The_torchvision_networks_agree_with_onnx_runtime()
    {
        var spec = new ModelSpec(MelanomaExp.Models.TorchVision.TorchVisionArchitecture.ResNet18.Name, 0);
        using var model = Build(spec, 12, 64, 64);
        ExportCheck.AgreesWithOnnxRuntime(output, "torchvision-resnet18, ImageNet normalisation inside", model, ExportCheck.Card(spec.Arch, Classes, 64, 64));

        // MobileNetV2: depthwise convolutions, ReLU6 as Clip, and the inverted residuals that add their input (10 of 17).
        // Its random weights wash the input out over 19 feature children (a 5% error in the stem moved the answers by
        // 3e-6 through all of them when tried, under the tolerance), so the comparison's power is shown on its first 8
        // children (blocks with and without the residual add among them), and the whole network is held to agree.
        var mobile = new ModelSpec(MelanomaExp.Models.TorchVision.TorchVisionArchitecture.MobileNetV2.Name, 0);
        using var mobileNet = Build(mobile, 13, 64, 64);
        ExportCheck.CalibrateStatistics(mobileNet, 13, 64, 64);
        var whole = ExportCheck.AgreesWithOnnxRuntime(output, "torchvision-mobilenet-v2, ImageNet normalisation inside", mobileNet, ExportCheck.Card(mobile.Arch, Classes, 64, 64), showPower: false);
        Assert.Equal(10, whole.Graph.Node.Count(n => n.OpType == "Add" && n.Name.EndsWith(".add", StringComparison.Ordinal)));
        Assert.Equal(35, whole.Graph.Node.Count(n => n.OpType == "Clip"));
        Assert.Equal(17, whole.Graph.Node.Count(n => n.OpType == "Conv" && n.Attribute.Single(a => a.Name == "group").I > 1));

        var features = (TorchSharp.Modules.Sequential)((MelanomaExp.Models.TorchVision.TorchVisionNetwork)mobileNet).FeatureChildren.Single().Child;
        var first = features.named_children().Take(8).Select(c => (c.name, (Module<Tensor, Tensor>)c.module)).ToList();
        using var part = Sequential([.. first, ("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten()), ("head", Linear(64, Classes))]);
        ExportCheck.Randomize(part, 14);
        ExportCheck.CalibrateStatistics(part, 14, 64, 64);
        var partProto = ExportCheck.AgreesWithOnnxRuntime(output, "torchvision-mobilenet-v2's first 8 feature children + head", part, ExportCheck.Card("custom", Classes, 64, 64));
        Assert.Equal(3, partProto.Graph.Node.Count(n => n.OpType == "Add"));
    }

    [Fact]
    public void The_graph_says_what_it_takes_and_names_the_classes_in_its_metadata()
    {
        using var model = Build(new ModelSpec(SeedCnnArchitecture.Key, 0), 8);
        var card = ExportCheck.Card(SeedCnnArchitecture.Key, Classes, Height, Width);
        var proto = OnnxExporter.Export(model, card);
        var metadata = proto.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(card.Classes, JsonSerializer.Deserialize<string[]>(metadata["classes"]));
        Assert.Equal("class 0", metadata["positive_class"]);
        Assert.Equal("0.25", metadata["threshold"]);
        Assert.Equal(OnnxExporter.Producer, proto.ProducerName);
        Assert.Contains("NCHW, RGB channel order, pixel values 0..255", proto.Graph.DocString, StringComparison.Ordinal);
        Assert.Equal(proto.Graph.DocString, metadata["input"]);
        var input = Assert.Single(proto.Graph.Input);
        Assert.Equal(OnnxExporter.InputName, input.Name);
        Assert.Equal(["N", "3", "40", "48"], input.Type.TensorType.Shape.Dim.Select(d => d.DimParam.Length > 0 ? d.DimParam : d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(OnnxExporter.OutputName, Assert.Single(proto.Graph.Output).Name);
        // Every value a node reads is the input, an initializer or another node's output.
        var known = proto.Graph.Initializer.Select(t => t.Name).Append(input.Name).Concat(proto.Graph.Node.SelectMany(n => n.Output)).ToList();
        Assert.Equal(known.Count, known.Distinct().Count());
        Assert.All(proto.Graph.Node.SelectMany(n => n.Input), i => Assert.Contains(i, known));
    }

    [Fact]
    public void A_module_without_an_exporter_is_refused_by_name()
    {
        using var model = Sequential(("conv", Conv2d(3, 4, 3)), ("act", GELU()), ("flatten", Flatten()));
        var error = Assert.Throws<BadInputException>(() => OnnxExporter.Export(model, ExportCheck.Card("custom", 2, 8, 8)));
        output.WriteLine(error.Message);
        Assert.Equal("module 'act' (GELU) cannot be exported: no ONNX exporter for module type GELU (exportable: " +
            "AdaptiveAvgPool2d, BasicBlock, BatchNorm2d, Conv2d, Dropout, Flatten, InvertedResidual, Linear, MaxPool2d, OnnxClassifier, OnnxModule, Preprocessed, ReLU, ReLU6, ResNetSmall, ResidualBlock, SeedCnn, Sequential, TorchVisionNetwork)", error.Message);

        // A layer the registry knows, set up in a way the graph cannot say, is refused with the reason.
        using var reflect = Sequential(("padded", Conv2d(3, 4, 3, padding: 1, padding_mode: TorchSharp.PaddingModes.Reflect)));
        var padding = Assert.Throws<BadInputException>(() => OnnxExporter.Export(reflect, ExportCheck.Card("custom", 2, 8, 8)));
        Assert.Equal("module 'padded' (Conv2d) cannot be exported: padding mode Reflect (only zero padding is written)", padding.Message);
    }

    [Fact]
    public void An_architecture_made_of_torch_layers_exports_with_no_exporter_of_its_own()
    {
        random.manual_seed(9);
        using var model = Sequential(("conv", Conv2d(3, 4, 3, stride: 2)), ("relu", ReLU()), ("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten()), ("head", Linear(4, 3, hasBias: false)));
        ExportCheck.Randomize(model, 9);
        // Its input is 0..255 and it scales nothing: small weights keep its logits in range.
        using (no_grad())
        {
            foreach (var p in model.parameters())
            {
                p.mul_(0.03);
            }
        }
        ExportCheck.AgreesWithOnnxRuntime(output, "a Sequential of torch layers", model, ExportCheck.Card("custom", 3, 16, 16));
    }
}
