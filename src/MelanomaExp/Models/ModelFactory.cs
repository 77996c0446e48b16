using MelanomaExp.Config;
using MelanomaExp.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Models;

/// <summary>Builds the network a step's <c>model:</c> section asks for.</summary>
public static class ModelFactory
{
    /// <summary>A new model with its initial weights (from torch's current seed), on <paramref name="device"/> (CPU when null).</summary>
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec, int classes, int height, int width, Device? device = null)
    {
        TorchNativeLoader.EnsureLoaded();
        nn.Module<Tensor, Tensor> model = spec.Arch switch
        {
            "seed-cnn" => new SeedCnn(classes, height, width, spec.Dropout, spec.BatchNorm),
            _ => throw new BadInputException($"unknown architecture '{spec.Arch}'"),
        };
        if (device is not null)
        {
            model.to(device);
        }
        return model;
    }
}
