using MelanomaExp.Models.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models.TorchVision;

/// <summary>
/// A torchvision network (TorchSharp's TorchVision package) behind its ImageNet input convention, with its children
/// registered under their own names, so its parameters are named as in PyTorch's <c>state_dict()</c> and weights
/// exported from PyTorch load as they are. The backbone is the named feature children in forward order, then a global
/// average pool; the head is the last child (ResNet's <c>fc</c>, MobileNetV2's <c>classifier</c>).
/// </summary>
internal sealed class TorchVisionNetwork : Module<Tensor, Tensor>, IPretrainedNetwork
{
    private readonly Module<Tensor, Tensor> _network;
    private readonly (string Name, Module<Tensor, Tensor> Child)[] _features;
    private readonly Module<Tensor, Tensor> _head;
    private readonly HashSet<string> _fixedStatistics = new(StringComparer.Ordinal);
    private bool _allStatisticsFixed;

    /// <param name="network">The torchvision module, built for the experiment's classes.</param>
    /// <param name="features">Its children the forward runs before the head, in order.</param>
    /// <param name="head">Its classifier child.</param>
    /// <param name="rescale">False when the step standardises the input itself: then the convention is not applied (the loader refuses that).</param>
    public TorchVisionNetwork(string name, Module<Tensor, Tensor> network, IReadOnlyList<string> features, string head, InputConvention convention, bool rescale)
        : base(name)
    {
        _network = network;
        var children = network.named_children().ToDictionary(c => c.name, c => (Module<Tensor, Tensor>)c.module, StringComparer.Ordinal);
        _features = [.. features.Select(f => (f, children[f]))];
        _head = children[head];
        foreach (var (childName, child) in children)
        {
            register_module(childName, child);
        }
        // (x * scale - mean) / std as one multiply and one add per channel; standardised input (rescale false, refused
        // at load time for these architectures) would pass unchanged.
        register_buffer("input_scale", tensor(convention.Std.Select(s => rescale ? (float)(convention.Scale / s) : 1f).ToArray()).reshape(1, 3, 1, 1), persistent: false);
        register_buffer("input_shift", tensor(convention.Mean.Zip(convention.Std, (m, s) => rescale ? -m / s : 0f).ToArray()).reshape(1, 3, 1, 1), persistent: false);
    }

    /// <summary>The feature children in forward order (what export writes, then a global pool and the head).</summary>
    public IReadOnlyList<(string Name, Module<Tensor, Tensor> Child)> FeatureChildren => _features;

    /// <summary>The classifier head.</summary>
    public Module<Tensor, Tensor> Head => _head;

    /// <summary>The input convention as x * scale + shift per channel (1, 3, 1, 1).</summary>
    public Tensor InputScale => get_buffer("input_scale")!;

    public Tensor InputShift => get_buffer("input_shift")!;

    /// <summary>The feature children's names in forward order: what <c>train.freeze</c> may name.</summary>
    public IEnumerable<string> NodeNames => _features.Select(f => f.Name);

    public IEnumerable<Parameter> BackboneParameters => _features.SelectMany(f => f.Child.parameters());

    public bool BackboneFixed =>
        BackboneParameters.All(p => !p.requires_grad) && _features.All(f => _allStatisticsFixed || _fixedStatistics.Contains(f.Name));

    public int FixParameters(string? throughNode)
    {
        var last = throughNode is null ? _features.Length - 1 : Array.FindIndex(_features, f => f.Name == throughNode);
        if (last < 0)
        {
            throw new BadInputException($"train.freeze: the backbone has no child '{throughNode}'");
        }
        var count = 0;
        foreach (var (name, child) in _features.Take(last + 1))
        {
            foreach (var parameter in child.parameters())
            {
                parameter.requires_grad = false;
                count++;
            }
            _fixedStatistics.Add(name);
        }
        ApplyStatistics();
        return count;
    }

    public void FixStatistics()
    {
        _allStatisticsFixed = true;
        ApplyStatistics();
    }

    /// <summary>Training mode everywhere except the batch norms whose statistics are fixed, which stay in evaluation.</summary>
    public override void train(bool on = true)
    {
        base.train(on);
        ApplyStatistics();
    }

    private void ApplyStatistics()
    {
        foreach (var (name, child) in _features)
        {
            if (!_allStatisticsFixed && !_fixedStatistics.Contains(name))
            {
                continue;
            }
            // named_modules leaves the child itself out, and a child may be a batch norm (ResNet's bn1).
            foreach (var module in child.named_modules().Select(m => m.module).Prepend(child))
            {
                if (module is BatchNorm2d norm)
                {
                    norm.eval();
                }
            }
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Classify(Features(input), training).MoveToOuterDisposeScope();
    }

    public Tensor Features(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = images.mul(get_buffer("input_scale")!).add(get_buffer("input_shift")!);
        foreach (var (_, child) in _features)
        {
            x = child.forward(x);
        }
        // ResNet ends its features in a 1x1 average pool, MobileNetV2 pools in its forward: both are this mean.
        x = x.dim() == 4 ? x.mean([2, 3]) : x.flatten(1);
        return x.MoveToOuterDisposeScope();
    }

    public Tensor Classify(Tensor features, bool training)
    {
        // The head's own dropout (MobileNetV2's classifier) follows the caller's mode, not the one it was last set to.
        _head.train(training);
        return _head.forward(features);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _network.Dispose();
        }
        base.Dispose(disposing);
    }
}
