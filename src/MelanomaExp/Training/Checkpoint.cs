using System.Text.Json;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// End-of-epoch training state: weights, optimizer state (Adam's moments and step count) and the
/// history so far. Random state is not saved: the trainer reseeds every generator (CPU and CUDA) from
/// the seed, step and epoch when an epoch starts (see <see cref="Seeding.TorchSeeding"/>). Written to a temporary folder and renamed into place, so a crash while
/// saving leaves the previous checkpoint whole.
/// </summary>
public static class Checkpoint
{
    private const string Weights = "model.pt";
    private const string Optimizer = "optimizer.pt";
    private const string History = "history.json";

    public static void Save(string dir, nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, IReadOnlyList<EpochRecord> history)
    {
        var temp = dir + ".tmp";
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
        try
        {
            Directory.CreateDirectory(temp);
            model.save(Path.Combine(temp, Weights));
            optimizer.save_state_dict(Path.Combine(temp, Optimizer));
            File.WriteAllText(Path.Combine(temp, History), JsonSerializer.Serialize(history));
        }
#pragma warning disable CA1031 // A full disk surfaces from TorchSharp as a plain exception; any failure here means the same.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // A full disk must not leave a half-written checkpoint behind; the previous one stays whole.
            TryDelete(temp);
            var kept = Directory.Exists(dir) ? $"the checkpoint of epoch {history.Count - 1} in {dir} is kept" : "no earlier checkpoint exists";
            throw new IOException($"{dir}: the checkpoint of epoch {history.Count} could not be written ({e.Message.ReplaceLineEndings(" ")}); {kept}. Free disk space and run again with --resume", e);
        }
        var old = dir + ".old";
        if (Directory.Exists(dir))
        {
            if (Directory.Exists(old))
            {
                // A save stopped after its second rename: the checkpoint is whole, the leftover is older.
                Directory.Delete(old, recursive: true);
            }
            Directory.Move(dir, old);
        }
        Directory.Move(temp, dir);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Restores model and optimizer in place; returns the epochs already done, or null when there is no checkpoint.</summary>
    public static List<EpochRecord>? TryLoad(string dir, nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer)
    {
        if (!Directory.Exists(dir) && Directory.Exists(dir + ".old"))
        {
            // Stopped between the two renames of Save: the previous checkpoint is whole under its old name.
            dir += ".old";
        }
        if (!File.Exists(Path.Combine(dir, History)))
        {
            return null;
        }
        try
        {
            model.load(Path.Combine(dir, Weights));
            optimizer.load_state_dict(Path.Combine(dir, Optimizer));
            return JsonSerializer.Deserialize<List<EpochRecord>>(File.ReadAllText(Path.Combine(dir, History)));
        }
#pragma warning disable CA1031 // Any failure to read a checkpoint means the same thing to the user.
        catch (Exception e) when (e is not BadInputException)
#pragma warning restore CA1031
        {
            throw new BadInputException($"{dir}: the checkpoint is damaged ({e.Message}); run without --resume to start over", e);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the next Save clears it before writing.
        }
    }
}
