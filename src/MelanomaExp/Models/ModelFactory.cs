using MelanomaExp.Config;
using MelanomaExp.Native;
using static TorchSharp.torch;

namespace MelanomaExp.Models;

/// <summary>Builds the network a step's <c>model:</c> section asks for.</summary>
public static class ModelFactory
{
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec, int classes, int height, int width)
    {
        TorchNativeLoader.EnsureLoaded();
        return spec.Arch switch
        {
            "seed-cnn" => new SeedCnn(classes, height, width, spec.Dropout, spec.BatchNorm),
            _ => throw new BadInputException($"unknown architecture '{spec.Arch}'"),
        };
    }
}
