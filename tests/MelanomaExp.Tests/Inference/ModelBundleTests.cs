using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Tests.Fixtures;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Inference;

public class ModelBundleTests
{
    private static ModelCard Card(int size) => new()
    {
        Arch = "seed-cnn",
        Classes = ["a", "b", "melanoma"],
        ImageHeight = size,
        ImageWidth = size,
        Experiment = "t",
        ExperimentHash = "0123456789abcdef",
        Step = "s",
        PositiveClass = "melanoma",
        Threshold = 0.3,
        ToolVersion = "test",
    };

    private static string SaveOne(TempDir dir, int size = 16)
    {
        random.manual_seed(3);
        using var model = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 3, size, size);
        var folder = dir.Combine("model");
        ModelBundle.Save(folder, model, Card(size));
        return folder;
    }

    [Fact]
    public void A_saved_model_reloads_and_predicts_identically()
    {
        using var dir = new TempDir();
        random.manual_seed(3);
        using var original = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 3, 16, 16);
        ModelBundle.Save(dir.Combine("model"), original, Card(16));
        var (card, loaded) = ModelBundle.Load(dir.Combine("model", "model.json"));
        using (loaded)
        {
            original.eval();
            using var input = rand(4, 3, 16, 16) * 255;
            Assert.Equal(original.forward(input).data<float>().ToArray(), loaded.forward(input).data<float>().ToArray());
            Assert.Equal((16, 16, "0123456789abcdef", 0.3, "melanoma"), (card.ImageHeight, card.ImageWidth, card.ExperimentHash, card.Threshold, card.PositiveClass));
            Assert.Equal(["a", "b", "melanoma"], card.Classes);
        }
    }

    [Fact]
    public void Missing_truncated_and_mismatched_models_are_bad_input()
    {
        using var dir = new TempDir();
        Assert.Contains("not a model folder", Assert.Throws<BadInputException>(() => ModelBundle.Load(dir.Combine("none"))).Message, StringComparison.Ordinal);

        var folder = SaveOne(dir);
        var weights = Path.Combine(folder, "weights.pt");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(bytes.Length / 2)]);
        Assert.Contains("weights.pt: cannot load", Assert.Throws<BadInputException>(() => ModelBundle.Load(folder)).Message, StringComparison.Ordinal);

        File.WriteAllBytes(weights, bytes);
        var card = Path.Combine(folder, "model.json");
        File.WriteAllText(card, File.ReadAllText(card).Replace("\"image_height\": 16", "\"image_height\": 32", StringComparison.Ordinal));
        Assert.Contains("cannot load as seed-cnn", Assert.Throws<BadInputException>(() => ModelBundle.Load(folder)).Message, StringComparison.Ordinal);

        // A huge size would allocate the dense layer (gigabytes) before the weights could be refused.
        File.WriteAllText(card, File.ReadAllText(card).Replace("\"image_height\": 32", "\"image_height\": 2000000000", StringComparison.Ordinal));
        Assert.Contains("image_height and image_width from 8 to 1024 (found 3 classes, 2000000000x16)", Assert.Throws<BadInputException>(() => ModelBundle.Load(folder)).Message, StringComparison.Ordinal);

        File.WriteAllText(card, "{ not json");
        Assert.Contains("model.json: not a valid model card", Assert.Throws<BadInputException>(() => ModelBundle.Load(folder)).Message, StringComparison.Ordinal);
    }
}
