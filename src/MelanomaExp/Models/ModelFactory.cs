using MelanomaExp.Config;
using MelanomaExp.Native;
using MelanomaExp.Preprocessing;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Models;

/// <summary>Builds the network a step's <c>model:</c> section asks for.</summary>
internal static class ModelFactory
{
    /// <summary>
    /// A new model with its initial weights (from torch's current seed, or <c>init_from</c>), behind the
    /// step's preprocessing when it has any, on <paramref name="device"/> (CPU when null).
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec, int classes, int height, int width, Device? device = null, PreprocessSpec? preprocess = null)
    {
        TorchNativeLoader.EnsureLoaded();
        // Standardised input is already scaled; the networks' own 1/255 would shrink it again.
        var rescale = preprocess is not { Standardize: true };
        var architecture = Architectures.Of(spec);
        var network = architecture.Build(spec, classes, height, width, rescale);
        if (spec.InitFromPath is { } weights)
        {
            InitialWeights.Load(network, weights, spec.Arch, classes, architecture.HeadParameters(network));
        }
        var model = preprocess is null ? network : new Preprocessed(network, preprocess);
        if (device is not null)
        {
            model.to(device);
        }
        return model;
    }
}
