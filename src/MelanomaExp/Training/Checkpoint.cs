using System.Text.Json;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// End-of-epoch training state: weights, optimizer state (Adam's moments and step count) and the
/// history so far. Random state is not saved: the trainer reseeds every generator (CPU and CUDA) from
/// the seed, step and epoch when an epoch starts (see <see cref="Seeding.TorchSeeding"/>). Written to a temporary folder and renamed into place, so a crash while
/// saving leaves the previous checkpoint whole. Each file's sha256 is recorded beside it, as the report records its
/// weights': a weights file with bytes flipped keeps its size and loads without complaint (the corpus resumed one at
/// loss 1.7e34 and wrote a normal report), so only the checksum tells.
/// </summary>
internal static class Checkpoint
{
    private const string Weights = "model.pt";
    private const string Optimizer = "optimizer.pt";
    private const string History = "history.json";
    public const string ChecksumsFile = "sha256.json";
    private static readonly string[] Files = [Weights, Optimizer, History];

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
            // Inside the temporary folder, so the checksums are renamed into place with the files they describe.
            File.WriteAllText(Path.Combine(temp, ChecksumsFile), JsonSerializer.Serialize(Files.ToDictionary(f => f, f => FileSha256.Of(Path.Combine(temp, f)))));
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

    /// <summary>
    /// Null when the checkpoint in <paramref name="dir"/> is whole (or there is none); else the damaged file and
    /// why, in one phrase: a file whose sha256 is not the one recorded when it was saved, or missing checksums.
    /// </summary>
    public static string? WhyDamaged(string dir)
    {
        dir = Resolve(dir);
        if (!File.Exists(Path.Combine(dir, History)))
        {
            return null;
        }
        var checksums = Path.Combine(dir, ChecksumsFile);
        Dictionary<string, string>? recorded;
        try
        {
            recorded = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(checksums));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            recorded = null;
        }
        if (recorded is null || Files.Any(f => !recorded.ContainsKey(f)))
        {
            return $"{checksums}: the checkpoint is damaged (its checksums are missing or unreadable)";
        }
        foreach (var file in Files)
        {
            var path = Path.Combine(dir, file);
            if (!File.Exists(path) || FileSha256.Of(path) != recorded[file])
            {
                return $"{path}: the checkpoint is damaged (its sha256 is not the one recorded when it was saved)";
            }
        }
        return null;
    }

    /// <summary>Restores model and optimizer in place; returns the epochs already done, or null when there is no checkpoint.</summary>
    public static List<EpochRecord>? TryLoad(string dir, nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer)
    {
        if (WhyDamaged(dir) is { } why)
        {
            throw new BadInputException($"{why}; run without --resume to start over");
        }
        dir = Resolve(dir);
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

    /// <summary>Stopped between the two renames of Save: the previous checkpoint is whole under its old name.</summary>
    private static string Resolve(string dir) => !Directory.Exists(dir) && Directory.Exists(dir + ".old") ? dir + ".old" : dir;

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
