using System.Diagnostics;
using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Tests.Data;

/// <summary>A corpus of entries that are not regular image files, built in a temp folder: none may hang, crash or be mislabelled.</summary>
public class OddFilesTests
{
    private static void Png(string path, Rgb24 colour)
    {
        using var image = new Image<Rgb24>(8, 8, colour);
        image.SaveAsPng(path);
    }

    internal static TempDir Corpus()
    {
        var dir = new TempDir();
        var melanoma = dir.Combine("melanoma");
        var nevus = dir.Combine("nevus");
        Directory.CreateDirectory(melanoma);
        Directory.CreateDirectory(nevus);
        Png(Path.Combine(melanoma, "good.png"), new Rgb24(200, 0, 0));
        Png(Path.Combine(nevus, "good.png"), new Rgb24(0, 0, 200));
        Png(Path.Combine(nevus, "other.png"), new Rgb24(0, 0, 100));
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(melanoma, "fifo.jpg")]))
        {
            mkfifo.WaitForExit();
        }
        File.CreateSymbolicLink(Path.Combine(melanoma, "broken.jpg"), Path.Combine(melanoma, "gone.jpg"));
        File.CreateSymbolicLink(Path.Combine(melanoma, "loop-a.jpg"), Path.Combine(melanoma, "loop-b.jpg"));
        File.CreateSymbolicLink(Path.Combine(melanoma, "loop-b.jpg"), Path.Combine(melanoma, "loop-a.jpg"));
        File.CreateSymbolicLink(Path.Combine(melanoma, "escape.png"), Path.Combine(nevus, "other.png"));
        Directory.CreateSymbolicLink(Path.Combine(melanoma, "up"), dir.Path);
        File.CreateSymbolicLink(Path.Combine(melanoma, "inside.png"), Path.Combine(melanoma, "good.png"));
        // An animated GIF named .jpg: three frames, the first red.
        using (var gif = new Image<Rgb24>(8, 8, new Rgb24(255, 0, 0)))
        {
            gif.Frames.AddFrame(new Image<Rgb24>(8, 8, new Rgb24(0, 255, 0)).Frames.RootFrame);
            gif.Frames.AddFrame(new Image<Rgb24>(8, 8, new Rgb24(0, 0, 255)).Frames.RootFrame);
            gif.SaveAsGif(Path.Combine(melanoma, "animated.jpg"));
        }
        return dir;
    }

    private static ImageStore LoadWithin(string root, BadImagePolicy policy)
    {
        var load = Task.Run(() => ImageStoreLoader.Load(DatasetScanner.Scan(root), 8, 8, policy));
        Assert.True(load.Wait(TimeSpan.FromSeconds(60)), "loading hung on an odd file");
        return load.Result;
    }

    [Fact]
    public void Skip_leaves_out_every_odd_entry_with_its_reason_and_keeps_labels_honest()
    {
        using var dir = Corpus();
        var store = LoadWithin(dir.Path, BadImagePolicy.Skip);
        var reasons = store.Skipped.ToDictionary(b => Path.GetFileName(b.Path), b => b.Reason);
        Assert.Contains("FIFO", reasons["fifo.jpg"]);
        Assert.Contains("broken symbolic link", reasons["broken.jpg"]);
        Assert.Contains("loop", reasons["loop-a.jpg"]);
        Assert.Contains("outside its class folder", reasons["escape.png"]);
        Assert.Contains("not followed", reasons["up"]);
        // Kept: melanoma good, its in-folder link, the GIF's first frame; nevus good and other. Nothing from up/.
        var kept = store.Paths.Select(p => $"{Path.GetFileName(Path.GetDirectoryName(p))}/{Path.GetFileName(p)}").Order(StringComparer.Ordinal);
        Assert.Equal(["melanoma/animated.jpg", "melanoma/good.png", "melanoma/inside.png", "nevus/good.png", "nevus/other.png"], kept);
        var gif = Array.IndexOf(store.Paths, store.Paths.Single(p => p.EndsWith("animated.jpg", StringComparison.Ordinal)));
        Assert.Equal([255, 0, 0], store.Image(gif)[..3].ToArray());
    }

    [Fact]
    public void Fail_names_the_odd_paths_in_one_bad_input_error()
    {
        using var dir = Corpus();
        var load = Task.Run(() => ImageStoreLoader.Load(DatasetScanner.Scan(dir.Path), 8, 8, BadImagePolicy.Fail));
        Assert.True(((IAsyncResult)load).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "loading hung on an odd file");
        var e = Assert.IsType<BadInputException>(load.Exception!.InnerException);
        Assert.Contains("fifo.jpg", e.Message);
        Assert.Contains("6 unreadable image(s)", e.Message);
    }
}
