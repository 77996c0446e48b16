using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MelanomaExp.Models.Onnx;

/// <summary>BatchNormalization: scale and bias trained, mean and variance running statistics.</summary>
internal static class NormalizationOps
{
    /// <summary>
    /// The running statistics' update rate while fine-tuning. The file's momentum belongs to the original training
    /// (CNTK's 0.988 per batch in the ResNet-18, i.e. 0.012 here); at that rate a few epochs on a small data set
    /// leave evaluation on ImageNet's statistics while training normalises by the new batches'. PyTorch's default
    /// (which torchvision fine-tuning uses) follows the new data.
    /// </summary>
    public const double FineTuneMomentum = 0.1;

    public static void Register(IDictionary<string, Func<OnnxNode, OnnxOp>> ops) => ops["BatchNormalization"] = BatchNorm;

    private static OnnxOp BatchNorm(OnnxNode node)
    {
        var epsilon = node.Float("epsilon", 1e-5f);
        if (node.Int("spatial", 1) != 1)
        {
            throw node.Error("spatial=0 (per-position statistics) is not supported");
        }
        var inputs = node.TensorInputs(0, 1, 2, 3, 4);
        if (inputs.Length != 5)
        {
            throw node.Error($"expected 5 inputs (X, scale, B, mean, var), found {inputs.Length}");
        }
        return new OnnxOp(inputs, (x, training) => F.batch_norm(x[0], x[3], x[4], x[1], x[2], training, FineTuneMomentum, epsilon), Statistics: [inputs[3], inputs[4]], Float32: true);
    }
}
