using System.Text.Json;
using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Inference;
using MelanomaExp.Models;
using MelanomaExp.Tests.Export;
using MelanomaExp.Tests.Fixtures;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;
using static MelanomaExp.Tests.Fixtures.CliRunner;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Tests.Cli;

/// <summary><c>export --model DIR --onnx FILE</c> on saved model folders, as a user runs it.</summary>
public class ExportCommandTests(ITestOutputHelper output)
{
    private static readonly string[] SampleClasses = [.. Directory.GetDirectories(ExportCheck.Sample).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>A saved seed CNN with batch norm behind colour constancy, for the sample's 9 classes at 40x48, with the test's own weights.</summary>
    private static string SaveModel(TempDir dir)
    {
        random.manual_seed(11);
        var spec = new ModelSpec(SeedCnnArchitecture.Key, 0.2) { BatchNorm = true };
        using var model = ModelFactory.Create(spec, SampleClasses.Length, 40, 48, preprocess: new PreprocessSpec(6, Standardize: false));
        ExportCheck.Randomize(model, 11);
        var folder = dir.Combine("model");
        ModelBundle.Save(folder, model, ExportCheck.Card(SeedCnnArchitecture.Key, SampleClasses.Length, 40, 48) with
        {
            Classes = SampleClasses,
            Dropout = 0.2,
            BatchNorm = true,
            ColourConstancy = 6,
            PositiveClass = "melanoma",
        });
        return folder;
    }

    [Fact]
    public void An_exported_model_gives_the_probabilities_predict_reports_on_the_embedded_sample()
    {
        using var dir = new TempDir();
        var model = SaveModel(dir);
        // Into a folder that does not exist yet.
        var file = dir.Combine("exported", "model.onnx");
        var (code, stdout, err) = RunCli("export", "--model", model, "--onnx", file);
        Assert.True(code == 0, err);
        output.WriteLine(stdout);
        Assert.StartsWith($"wrote {file} (", stdout, StringComparison.Ordinal);
        Assert.Contains($"classes: {string.Join(", ", SampleClasses)}", stdout, StringComparison.Ordinal);

        using var session = new InferenceSession(file);
        Assert.Equal(SampleClasses, JsonSerializer.Deserialize<string[]>(session.ModelMetadata.CustomMetadataMap["classes"]));
        // predict's own pipeline (decoding, batching, the model it loads) against ONNX Runtime on the same files.
        var predictions = Predictor.Run(model, [ExportCheck.Sample], threshold: null, top: SampleClasses.Length);
        var (pixels, dims) = ExportCheck.SampleImages(40, 48);
        var onnx = ExportCheck.OnnxProbabilities(session, pixels, dims).Chunk(SampleClasses.Length).ToList();
        Assert.Equal(ImageFiles.In(ExportCheck.Sample), predictions.Select(p => p.Path));
        var worst = 0.0;
        for (var i = 0; i < predictions.Count; i++)
        {
            foreach (var (name, probability) in predictions[i].Top)
            {
                worst = Math.Max(worst, Math.Abs(probability - onnx[i][Array.IndexOf(SampleClasses, name)]));
            }
        }
        output.WriteLine($"export CLI, seed-cnn + batch norm + Shades of Gray: max |onnxruntime - predict| = {worst:E2} over {predictions.Count} sample images, {SampleClasses.Length} classes each");
        Assert.True(worst < ExportCheck.Tolerance, $"max abs difference {worst}");
    }

    [Fact]
    public void Its_own_file_is_replaced_but_any_other_file_or_a_place_inside_the_model_folder_is_refused()
    {
        using var dir = new TempDir();
        var model = SaveModel(dir);
        var file = dir.Combine("model.onnx");
        Assert.Equal(0, RunCli("export", "--model", model, "--onnx", file).Code);
        var again = RunCli("export", "--model", Path.Combine(model, ModelBundle.CardFile), "--onnx", file);
        Assert.True(again.Code == 0, again.Err);

        var foreign = dir.Combine("notes.onnx");
        File.WriteAllText(foreign, "mine");
        var refused = RunCli("export", "--model", model, "--onnx", foreign);
        Assert.Equal(2, refused.Code);
        Assert.Equal($"error: --onnx {foreign}: refused, the file exists and was not written by melanoma-exp; choose another name or remove it yourself (nothing was touched)", refused.Err.Trim());
        Assert.Equal("mine", File.ReadAllText(foreign));

        var inside = RunCli("export", "--model", model, "--onnx", Path.Combine(model, "model.onnx"));
        Assert.Equal(2, inside.Code);
        Assert.Contains("lies inside the model folder", inside.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(model, "model.onnx")));

        var missing = RunCli("export", "--model", dir.Combine("nowhere"), "--onnx", dir.Combine("x.onnx"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("not a model folder", missing.Err, StringComparison.Ordinal);
    }

    /// <summary>An architecture whose network has a layer no exporter knows (GELU).</summary>
    private sealed class GeluPerceptron : IArchitecture
    {
        public string Name => "gelu-perceptron";

        public ModelSpec Bind(YamlSection model, ModelSpec common) => common;

        public IEnumerable<KeyValuePair<string, object?>> Canonical(ModelSpec spec) => [];

        public Module<Tensor, Tensor> Build(ModelSpec spec, int classes, int height, int width, bool rescale) =>
            Sequential(("flatten", Flatten()), ("hidden", Linear(3 * height * width, 4)), ("gelu", GELU()), ("classifier", Linear(4, classes)));
    }

    [Fact]
    public void An_architecture_that_cannot_be_exported_is_one_line_naming_it_and_exit_2()
    {
        using var registration = ArchitectureCatalog.Add(new GeluPerceptron());
        using var dir = new TempDir();
        var spec = new ModelSpec("gelu-perceptron", 0);
        using (var network = ModelFactory.Create(spec, 2, 8, 8))
        {
            ModelBundle.Save(dir.Combine("model"), network, ExportCheck.Card("gelu-perceptron", 2, 8, 8));
        }
        var file = dir.Combine("model.onnx");
        var (code, _, err) = RunCli("export", "--model", dir.Combine("model"), "--onnx", file);
        output.WriteLine(err);
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {dir.Combine("model")}: arch gelu-perceptron cannot be exported to ONNX: module 'gelu' (GELU) cannot be exported: no ONNX exporter for module type GELU", line, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
