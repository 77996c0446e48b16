using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Tests.Fixtures;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Models;

public class ResNetSmallTests
{
    [Theory]
    [InlineData(32, 32)]
    [InlineData(96, 64)]
    public void Gives_one_logit_per_class_at_any_image_size(int height, int width)
    {
        using var model = ModelFactory.Create(new ModelSpec("resnet-small", 0.2), 9, height, width);
        model.eval();
        using var noGrad = no_grad();
        using var output = model.forward(rand(2, 3, height, width) * 255);
        Assert.Equal(new long[] { 2, 9 }, output.shape);
    }

    [Fact]
    public void Has_the_parameters_of_its_layers()
    {
        // Stem 3*32*9 + 2*32; stage 1: 4 convs of 32*32*9 + 4 BNs of 64; stage 2: 32*64*9 + 3*64*64*9 +
        // projection 32*64 + 5 BNs of 128; stage 3: 64*128*9 + 3*128*128*9 + 64*128 + 5 BNs of 256;
        // classifier 128*9 + 9.
        long expected = (3 * 32 * 9) + 64
            + (4 * 32 * 32 * 9) + (4 * 64)
            + (32 * 64 * 9) + (3 * 64 * 64 * 9) + (32 * 64) + (5 * 128)
            + (64 * 128 * 9) + (3 * 128 * 128 * 9) + (64 * 128) + (5 * 256)
            + (128 * 9) + 9;
        using var model = ModelFactory.Create(new ModelSpec("resnet-small", 0), 9, 32, 32);
        Assert.Equal(expected, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Init_from_starts_from_the_given_weights_and_a_mismatched_file_is_bad_input()
    {
        using var dir = new TempDir();
        random.manual_seed(1);
        using (var source = ModelFactory.Create(new ModelSpec("resnet-small", 0), 3, 32, 32))
        {
            source.save(dir.Combine("pretrained.pt"));
        }
        var yaml = $$"""
            name: init
            seed: 5
            data: { train: Train }
            steps:
              - name: s
                model: { arch: resnet-small, init_from: pretrained.pt }
                train: { epochs: 1 }
            """;
        var step = ExperimentLoader.Parse(yaml, dir.Combine("init.yaml")).Steps[0];
        Assert.Matches("^[0-9a-f]{64}$", step.Model.InitFromSha256!);
        random.manual_seed(99);
        using var started = ModelFactory.Create(step.Model, 3, 32, 32);
        using var expected = ModelFactory.Create(new ModelSpec("resnet-small", 0), 3, 32, 32);
        expected.load(dir.Combine("pretrained.pt"));
        random.manual_seed(99);
        using var fresh = ModelFactory.Create(new ModelSpec("resnet-small", 0), 3, 32, 32);
        var pairs = started.parameters().Zip(expected.parameters()).ToList();
        Assert.All(pairs, p => Assert.True(p.First.equal(p.Second).all().item<bool>()));
        Assert.False(started.parameters().Zip(fresh.parameters()).All(p => p.First.equal(p.Second).all().item<bool>()));

        // Weights for 3 classes cannot start a 9-class model; a seed-cnn file cannot start a resnet.
        Assert.Throws<BadInputException>(() => ModelFactory.Create(step.Model, 9, 32, 32));
        using (var other = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 3, 32, 32))
        {
            other.save(dir.Combine("seed.pt"));
        }
        Assert.Throws<BadInputException>(() => ModelFactory.Create(new ModelSpec("resnet-small", 0) { InitFromPath = dir.Combine("seed.pt") }, 3, 32, 32));
    }

    [Fact]
    public void Init_from_a_missing_file_or_a_changed_file_names_the_key()
    {
        using var dir = new TempDir();
        var yaml = """
            name: init
            seed: 5
            data: { train: Train }
            steps:
              - name: s
                model: { arch: resnet-small, init_from: missing.pt }
                train: { epochs: 1 }
            """;
        var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, dir.Combine("init.yaml")));
        Assert.Contains("steps[0].model.init_from", e.Message, StringComparison.Ordinal);
        File.WriteAllText(dir.Combine("missing.pt"), "x");
        var changed = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, dir.Combine("init.yaml"), ["steps.s.model.init_from_sha256=abc"]));
        Assert.Contains("init_from_sha256", changed.Message, StringComparison.Ordinal);
    }
}
