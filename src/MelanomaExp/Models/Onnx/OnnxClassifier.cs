using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models.Onnx;

/// <summary>
/// An imported backbone with a new classifier for the experiment's classes: the input convention, the backbone, a
/// global average pool over whatever spatial size the backbone leaves (so images need not be 224 px), optional
/// dropout, and a fresh Linear head.
/// </summary>
internal sealed class OnnxClassifier : Module<Tensor, Tensor>, IPretrainedNetwork
{
    private readonly OnnxModule _backbone;
    private readonly double _dropout;
    private readonly Module<Tensor, Tensor> _head;
    private readonly bool _bgr;
    private readonly bool _spatial;

    /// <param name="graph">The backbone's graph.</param>
    /// <param name="convention">Its input convention.</param>
    /// <param name="rescale">False when the step standardises the input itself: then only the channel order is applied.</param>
    public OnnxClassifier(OnnxGraph graph, InputConvention convention, bool rescale, int classes, int height, int width, double dropout)
        : base("onnx-classifier")
    {
        _backbone = new OnnxModule(graph, BackboneOutput(graph));
        _bgr = convention.Bgr;
        var scale = rescale ? convention.Scale : 1;
        // x * scale - mean, divided by std, as one multiply and one add per channel.
        var multiply = convention.Std.Select(s => (float)(scale / s)).ToArray();
        var add = convention.Mean.Zip(convention.Std, (m, s) => rescale ? -m / s : 0f).ToArray();
        register_buffer("input_scale", tensor(multiply).reshape(1, 3, 1, 1));
        register_buffer("input_shift", tensor(add).reshape(1, 3, 1, 1));
        register_module("backbone", _backbone);
        long features;
        // One probe forward finds the backbone's output shape for this image size (eval: one image cannot batch-normalise).
        using (no_grad())
        {
            _backbone.eval();
            using var probe = zeros(1, 3, height, width);
            using var output = Probe(graph, probe);
            if (output.dim() is not (2 or 4))
            {
                throw new BadInputException($"{graph.File}: the backbone's output '{BackboneOutput(graph)}' has {output.dim()} dimensions; expected a feature map (N, C, H, W) or features (N, C)");
            }
            _spatial = output.dim() == 4;
            features = output.shape[1];
            _backbone.train();
        }
        // Functional rather than a Dropout module, so the head can run on cached features outside this module's forward.
        _dropout = dropout;
        _head = Linear(features, classes);
        register_module("head", _head);
    }

    public OnnxModule Backbone => _backbone;

    /// <summary>Whether the forward reverses the channels (RGB to the backbone's BGR) before scaling them.</summary>
    public bool Bgr => _bgr;

    /// <summary>Per-channel factor and offset applied after the channel order: x * scale + shift (1, 3, 1, 1).</summary>
    public Tensor InputScale => get_buffer("input_scale")!;

    public Tensor InputShift => get_buffer("input_shift")!;

    /// <summary>Whether the backbone leaves a feature map (N, C, H, W), pooled globally, rather than features (N, C).</summary>
    public bool Spatial => _spatial;

    public Module<Tensor, Tensor> Head => _head;

    /// <summary>The backbone on a blank image; a graph that cannot take this size is bad input, not a torch crash.</summary>
    private Tensor Probe(OnnxGraph graph, Tensor probe)
    {
        try
        {
            return _backbone.forward(probe);
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            throw new BadInputException($"{graph.File}: the graph cannot take {probe.shape[2]}x{probe.shape[3]} images (choose another data.image_size): {e.Message.Split('\n')[0]}", e);
        }
    }

    public IEnumerable<TorchSharp.Modules.Parameter> BackboneParameters => _backbone.parameters();

    public bool BackboneFixed => _backbone.Fixed;

    public int FixParameters(string? throughNode) => _backbone.FixParameters(throughNode);

    public void FixStatistics() => _backbone.FixStatistics();

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Classify(Features(input), training).MoveToOuterDisposeScope();
    }

    public Tensor Features(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = _bgr ? images.flip(1) : images;
        x = x.mul(get_buffer("input_scale")!).add(get_buffer("input_shift")!);
        var features = _backbone.forward(x);
        if (_spatial)
        {
            features = features.mean([2, 3]);
        }
        return features.MoveToOuterDisposeScope();
    }

    public Tensor Classify(Tensor features, bool training)
    {
        using var scope = NewDisposeScope();
        var x = _dropout > 0 ? nn.functional.dropout(features, _dropout, training) : features;
        return _head.forward(x).MoveToOuterDisposeScope();
    }

    /// <summary>The nodes the backbone runs, in order: the places <c>train.freeze</c> may name.</summary>
    public static IReadOnlyList<string> BackboneNodes(OnnxGraph graph) => OnnxModule.NodeNamesOf(graph, BackboneOutput(graph));

    /// <summary>
    /// The value the backbone stops at: the input of the graph's final AveragePool or GlobalAveragePool when it ends
    /// in one (the ResNet-18's fixed 7x7 pool works only at 224 px; the classifier pools globally instead), else the
    /// graph's output.
    /// </summary>
    public static string BackboneOutput(OnnxGraph graph) =>
        graph.Nodes.LastOrDefault(n => n.Output(0) == graph.OutputName) is { OpType: "AveragePool" or "GlobalAveragePool" } last ? last.Input(0) : graph.OutputName;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _backbone.Dispose();
            _head.Dispose();
        }
        base.Dispose(disposing);
    }
}
