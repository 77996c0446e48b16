using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Models;
using MelanomaExp.Provenance;
using MelanomaExp.Seeding;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Training;

public class PrecisionTests
{
    [Theory]
    [InlineData("GenuineIntel family 6 model 85", "avx512_bf16", "bf16", true)]
    [InlineData("GenuineIntel family 6 model 143", "avx512_bf16 amx_bf16 amx_tile", "bf16", false)]
    [InlineData("AuthenticAMD family 26 model 2", "avx512_bf16", "bf16", false)]
    [InlineData("GenuineIntel family 6 model 85", "avx512_bf16", "fp32", false)]
    public void Bf16_on_an_intel_cpu_without_amx_is_warned_as_measured_slower(string cpu, string flags, string precision, bool warned)
    {
        var features = new CpuFeatures(flags.Split(' '), cpu);
        var warning = Precision.SlowerHere(precision, CPU, features);
        Assert.Equal(warned, warning is not null);
        if (warned)
        {
            Assert.Contains("bench --quick", warning, StringComparison.Ordinal);
        }
    }

    private const string Where = "exp.yaml: step 'base': train.precision";
    private static readonly CpuFeatures WithoutBf16 = new(["fpu", "avx2", "avx512f"]);
    private static readonly CpuFeatures WithAvx512Bf16 = new(["avx2", "avx512f", "avx512_bf16"]);
    private static readonly CpuFeatures WithAmx = new(["avx2", "amx_tile", "amx_bf16"]);

    [Fact]
    public void Bf16_runs_where_the_cpu_has_bfloat16_arithmetic_or_on_cuda_and_fp32_is_plain_float()
    {
        Assert.Equal(ScalarType.BFloat16, Precision.ComputeType("bf16", CPU, WithAvx512Bf16, Where));
        Assert.Equal(ScalarType.BFloat16, Precision.ComputeType("bf16", CPU, WithAmx, Where));
        Assert.Equal(ScalarType.BFloat16, Precision.ComputeType("bf16", new Device(TorchSharp.DeviceType.CUDA, 0), WithoutBf16, Where));
        Assert.Equal(ScalarType.Float16, Precision.ComputeType("fp16", new Device(TorchSharp.DeviceType.CUDA, 0), WithoutBf16, Where));
        Assert.Null(Precision.ComputeType("fp32", CPU, WithoutBf16, Where));
    }

    [Fact]
    public void Reduced_precision_is_refused_on_a_cpu_that_would_only_emulate_it()
    {
        var bf16 = Assert.Throws<BadInputException>(() => Precision.ComputeType("bf16", CPU, WithoutBf16, Where));
        Assert.Equal($"{Where}: bf16 needs a CPU with AVX512-BF16 or AMX (this CPU's flags have neither) or a CUDA device; use fp32 here", bf16.Message);
        var fp16 = Assert.Throws<BadInputException>(() => Precision.ComputeType("fp16", CPU, WithAvx512Bf16, Where));
        Assert.StartsWith($"{Where}: fp16 runs only on a CUDA device", fp16.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_flags_are_read_from_cpuinfo()
    {
        using var dir = new TempDir();
        var file = dir.Combine("cpuinfo");
        File.WriteAllText(file, "processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: fpu sse2 avx512f amx_bf16 avx512_bf16 amx_tile\n\nprocessor\t: 1\nflags\t\t: fpu\n");
        Assert.Equal(["avx512_bf16", "amx_bf16"], CpuFeatures.Read(file).Bf16);
        File.WriteAllText(file, "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512bw\n");
        Assert.False(CpuFeatures.Read(file).HasBf16);
        Assert.False(CpuFeatures.Read(dir.Combine("absent")).HasBf16);
    }

    [Fact]
    public void A_tiny_model_learns_in_bf16_with_float32_master_weights_bit_identically_run_to_run()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Path, classes: 3, perClass: 20, size: 32);
        var store = ImageStoreLoader.Load(DatasetScanner.Scan(dir.Path), 32, 32, BadImagePolicy.Fail);
        var split = Splitter.Make(store.Labels, 0.25, stratify: true, new Random(1));
        var a = Train(store, split, ScalarType.BFloat16);
        var b = Train(store, split, ScalarType.BFloat16);
        Assert.True(a.History[^1].TrainLoss < a.History[0].TrainLoss * 0.7, $"loss {a.History[0].TrainLoss} -> {a.History[^1].TrainLoss}");
        Assert.All(a.ParameterTypes, t => Assert.Equal(ScalarType.Float32, t));
        Assert.Equal(ScalarType.Float32, a.LogitsType);
        Assert.Equal(a.History.Select(e => (e.TrainLoss, e.ValLoss)), b.History.Select(e => (e.TrainLoss, e.ValLoss)));

        // The same seed in float32 takes a different path: the bf16 forward really ran in bf16.
        var fp32 = Train(store, split, computeType: null);
        Assert.NotEqual(fp32.History[0].TrainLoss, a.History[0].TrainLoss);
    }

    private static (List<EpochRecord> History, ScalarType[] ParameterTypes, ScalarType LogitsType) Train(ImageStore store, Split split, ScalarType? computeType)
    {
        var step = new StepSpec("t", new ModelSpec("seed-cnn", 0), new TrainSpec(5, 16, "adam", 0.001));
        var seeds = new Seeds(42);
        random.manual_seed(seeds.For("init", step.Name));
        using var model = ModelFactory.Create(step.Model, store.Classes.Count, store.Height, store.Width);
        Precision.Apply(Architectures.Of(step.Model), model, computeType);
        using var source = new BatchSource(store, CPU);
        using var optimizer = Trainer.CreateOptimizer(step.Train, model);
        var history = new Trainer(source, seeds).Train(step, model, optimizer, split.Train, split.Validation, store.Labels, new TrainingHooks());
        using var noGrad = no_grad();
        using var logits = model.forward(zeros(2, 3, 32, 32));
        return (history, [.. model.parameters().Select(p => p.dtype)], logits.dtype);
    }
}
