using System.Text.Json;
using MelanomaExp.Config;
using static TorchSharp.torch;

namespace MelanomaExp.Models;

/// <summary>Saves and loads a trained model as a folder: <c>model.json</c> (a <see cref="ModelCard"/>) and <c>weights.pt</c>.</summary>
internal static class ModelBundle
{
    public const string CardFile = "model.json";
    public const string WeightsFile = "weights.pt";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static void Save(string folder, nn.Module<Tensor, Tensor> model, ModelCard card)
    {
        Directory.CreateDirectory(folder);
        model.save(Path.Combine(folder, WeightsFile));
        File.WriteAllText(Path.Combine(folder, CardFile), JsonSerializer.Serialize(card, Json) + "\n");
    }

    /// <summary>Loads a model folder (or its model.json); every problem is a <see cref="BadInputException"/> naming the file.</summary>
    public static (ModelCard Card, nn.Module<Tensor, Tensor> Model) Load(string path)
    {
        var folder = File.Exists(path) && Path.GetFileName(path) == CardFile ? Path.GetDirectoryName(Path.GetFullPath(path))! : path;
        var cardPath = Path.Combine(folder, CardFile);
        var weightsPath = Path.Combine(folder, WeightsFile);
        if (!Directory.Exists(folder) || !File.Exists(cardPath))
        {
            throw new BadInputException($"{path}: not a model folder (expected {CardFile} and {WeightsFile} in it)");
        }
        if (!File.Exists(weightsPath))
        {
            throw new BadInputException($"{weightsPath}: weights file missing");
        }
        var card = ReadCard(cardPath);
        var preprocess = card.ColourConstancy > 0 || card.Standardize ? new PreprocessSpec(card.ColourConstancy, card.Standardize) : null;
        var spec = new ModelSpec(card.Arch, card.Dropout)
        {
            BatchNorm = card.BatchNorm,
            Options = card.ArchOptions?.ToDictionary(o => o.Key, o => (object)o.Value, StringComparer.Ordinal),
            Files = card.ArchFiles?.ToDictionary(f => f.Key, f => new ModelFile(f.Value, f.Value), StringComparer.Ordinal),
        };
        var model = ModelFactory.Create(spec, card.Classes.Count, card.ImageHeight, card.ImageWidth, preprocess: preprocess);
        try
        {
            model.load(weightsPath, strict: true);
        }
#pragma warning disable CA1031 // TorchSharp throws a variety of types for corrupt or mismatched files; all mean bad input here.
        catch (Exception e)
#pragma warning restore CA1031
        {
            model.Dispose();
            throw new BadInputException(
                $"{weightsPath}: cannot load as {card.Arch} for {card.Classes.Count} classes at {card.ImageHeight}x{card.ImageWidth} (truncated, or from another architecture): {e.Message}", e);
        }
        model.eval();
        return (card, model);
    }

    private static ModelCard ReadCard(string cardPath)
    {
        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(cardPath), Json);
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{cardPath}: not a valid model card: {e.Message}", e);
        }
        if (card is null || card.Format != ModelCard.CurrentFormat)
        {
            throw new BadInputException($"{cardPath}: unknown model format '{card?.Format}' (expected {ModelCard.CurrentFormat})");
        }
        if (ArchitectureCatalog.Find(card.Arch) is null)
        {
            throw new BadInputException($"{cardPath}: unknown architecture '{card.Arch}' (available: {string.Join(", ", ArchitectureCatalog.Names)})");
        }
        // The same range an experiment's data.image_size accepts: a huge size would allocate the model's
        // dense layer (height x width x channels inputs) before anything could fail cleanly.
        static bool Usable(int side) => side is >= DataSpec.MinImageSide and <= DataSpec.MaxImageSide;
        if (card.Classes.Count < 2 || !Usable(card.ImageHeight) || !Usable(card.ImageWidth))
        {
            throw new BadInputException($"{cardPath}: needs at least 2 classes and image_height and image_width from {DataSpec.MinImageSide} to {DataSpec.MaxImageSide} (found {card.Classes.Count} classes, {card.ImageHeight}x{card.ImageWidth})");
        }
        return card;
    }
}
