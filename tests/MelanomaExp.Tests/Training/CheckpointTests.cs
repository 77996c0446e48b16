using MelanomaExp.Config;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Training;

public class CheckpointTests
{
    private static readonly TrainSpec Adam = new(1, 4, "adam", 0.001);

    private static List<EpochRecord> History(int epochs) =>
        [.. Enumerable.Range(1, epochs).Select(e => new EpochRecord(e, 1.0 / e, 0.5, 1.0, 0.5, 1, 10))];

    private static void SaveEpochs(string dir, int epochs)
    {
        using var model = nn.Linear(2, 3);
        using var optimizer = Trainer.CreateOptimizer(Adam, model);
        Checkpoint.Save(dir, model, optimizer, History(epochs));
    }

    private static int? LoadedEpochs(string dir)
    {
        using var model = nn.Linear(2, 3);
        using var optimizer = Trainer.CreateOptimizer(Adam, model);
        return Checkpoint.TryLoad(dir, model, optimizer)?.Count;
    }

    [Fact]
    public void A_later_save_replaces_the_earlier_checkpoint()
    {
        using var temp = new TempDir();
        var dir = temp.Combine("checkpoint");
        Assert.Null(LoadedEpochs(dir));
        SaveEpochs(dir, 1);
        SaveEpochs(dir, 2);
        Assert.Equal(2, LoadedEpochs(dir));
        Assert.False(Directory.Exists(dir + ".old"));
        Assert.False(Directory.Exists(dir + ".tmp"));
    }

    [Fact]
    public void A_save_killed_after_its_second_rename_does_not_block_the_next_save()
    {
        // The process died while deleting the previous checkpoint: both folders are on disk. The leftover is
        // written second, as a save into the checkpoint folder would clear it.
        using var temp = new TempDir();
        var dir = temp.Combine("checkpoint");
        SaveEpochs(dir, 2);
        SaveEpochs(dir + ".old", 1);
        Assert.True(Directory.Exists(dir + ".old"));
        Assert.Equal(2, LoadedEpochs(dir));

        SaveEpochs(dir, 3);
        Assert.Equal(3, LoadedEpochs(dir));
        Assert.False(Directory.Exists(dir + ".old"));
    }

    [Fact]
    public void A_save_killed_between_its_renames_resumes_from_the_previous_checkpoint()
    {
        using var temp = new TempDir();
        var dir = temp.Combine("checkpoint");
        SaveEpochs(dir + ".old", 1);
        Assert.Equal(1, LoadedEpochs(dir));

        SaveEpochs(dir, 2);
        Assert.Equal(2, LoadedEpochs(dir));
        Assert.False(Directory.Exists(dir + ".old"));
    }

    /// <summary>Flipped bytes of the same file size load without complaint (the corpus resumed at loss 1.7e34); the checksum catches them.</summary>
    [Theory]
    [InlineData("model.pt")]
    [InlineData("optimizer.pt")]
    [InlineData("history.json")]
    public void A_checkpoint_file_with_flipped_bytes_is_refused_naming_it(string file)
    {
        using var temp = new TempDir();
        var dir = temp.Combine("checkpoint");
        SaveEpochs(dir, 2);
        var path = Path.Combine(dir, file);
        var bytes = File.ReadAllBytes(path);
        // The last bytes: tensor data in the .pt files, the end of the last record in the history.
        for (var i = bytes.Length - 4; i < bytes.Length - 1; i++)
        {
            bytes[i] ^= 0x55;
        }
        File.WriteAllBytes(path, bytes);

        Assert.Equal($"{path}: the checkpoint is damaged (its sha256 is not the one recorded when it was saved)", Checkpoint.WhyDamaged(dir));
        var e = Assert.Throws<BadInputException>(() => LoadedEpochs(dir));
        Assert.StartsWith($"{path}: the checkpoint is damaged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_without_its_checksums_is_refused()
    {
        using var temp = new TempDir();
        var dir = temp.Combine("checkpoint");
        SaveEpochs(dir, 1);
        Assert.Null(Checkpoint.WhyDamaged(dir));
        File.Delete(Path.Combine(dir, Checkpoint.ChecksumsFile));
        Assert.Equal($"{Path.Combine(dir, Checkpoint.ChecksumsFile)}: the checkpoint is damaged (its checksums are missing or unreadable)", Checkpoint.WhyDamaged(dir));
    }
}
