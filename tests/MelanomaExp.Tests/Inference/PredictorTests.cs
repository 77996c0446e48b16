using MelanomaExp.Config;
using MelanomaExp.Inference;
using MelanomaExp.Models;
using MelanomaExp.Tests.Fixtures;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Inference;

/// <summary>predict reads files by the rules training reads them by (ImageFiles): odd entries are refused, never waited on or crashed into.</summary>
public class PredictorTests
{
    internal static string SaveModel(TempDir dir, params string[] classes)
    {
        random.manual_seed(3);
        using var model = ModelFactory.Create(new ModelSpec("seed-cnn", 0), classes.Length, 8, 8);
        var folder = dir.Combine("model");
        ModelBundle.Save(folder, model, new ModelCard
        {
            Arch = "seed-cnn",
            Classes = classes,
            ImageHeight = 8,
            ImageWidth = 8,
            Experiment = "t",
            ExperimentHash = "0123456789abcdef",
            Step = "s",
            PositiveClass = "melanoma",
            Threshold = 0.5,
            ToolVersion = "test",
        });
        return folder;
    }

    /// <summary>Runs off the test thread so that a read that blocks (a FIFO) fails the test instead of hanging the run.</summary>
    internal static T NotHanging<T>(Func<T> body)
    {
        var task = Task.Run(body);
        Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "reading hung on an odd file");
        return task.IsFaulted ? throw task.Exception!.InnerException! : task.Result;
    }

    [SkippableFact]
    public void A_fifo_given_as_a_file_or_found_in_a_folder_is_refused_not_waited_on()
    {
        PosixEntries.Require();
        using var dir = new TempDir();
        var model = SaveModel(dir, "melanoma", "nevus");
        var images = dir.Combine("images");
        SyntheticImages.WriteDataset(images, classes: 1, perClass: 2, size: 8);
        var fifo = dir.Combine("images", "class_0", "fifo.jpg");
        PosixEntries.Fifo(fifo);

        foreach (var input in new[] { fifo, images })
        {
            var e = Assert.Throws<BadInputException>(() => NotHanging(() => Predictor.Run(model, [input], null, 2)));
            Assert.Contains($"{fifo}: empty file, or not a regular file (FIFO, socket or device)", e.Message, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void A_link_to_a_folder_and_a_non_utf8_name_are_named_as_training_names_them()
    {
        PosixEntries.Require();
        using var dir = new TempDir();
        var model = SaveModel(dir, "melanoma", "nevus");
        var images = dir.Combine("images");
        SyntheticImages.WriteDataset(images, classes: 1, perClass: 2, size: 8);
        var folder = dir.Combine("images", "class_0");
        Directory.CreateSymbolicLink(Path.Combine(folder, "up"), images);
        using var oddName = PosixEntries.NonUtf8File(folder, File.ReadAllBytes(Directory.GetFiles(folder, "*.png")[0]));

        var e = Assert.Throws<BadInputException>(() => NotHanging(() => Predictor.Run(model, [images], null, 2)));
        Assert.StartsWith("2 unreadable image(s):", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(folder, "up")}: a link to a folder; links to folders are not followed", e.Message, StringComparison.Ordinal);
        Assert.Contains("the file name is not valid UTF-8; rename it", e.Message, StringComparison.Ordinal);
    }
}
