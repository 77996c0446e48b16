using MelanomaExp.Data;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Data;

public class DatasetScannerTests
{
    [Fact]
    public void Classes_are_sorted_folder_names_and_files_are_ordered()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Path, classes: 3, perClass: 4, size: 8);
        Directory.Move(dir.Combine("class_0"), dir.Combine("zeta"));
        var index = DatasetScanner.Scan(dir.Path);
        Assert.Equal(["class_1", "class_2", "zeta"], index.Classes);
        Assert.Equal([4, 4, 4], index.CountsPerClass());
        Assert.Equal(index.Images.Select(i => i.Path).Order(StringComparer.Ordinal), index.Images.Select(i => i.Path));
    }

    [Fact]
    public void Loose_files_beside_the_class_folders_are_ignored_with_one_notice()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Path, classes: 2, perClass: 2, size: 8);
        Assert.Null(DatasetScanner.Scan(dir.Path).Notice);
        File.Copy(dir.Combine("class_0", "img_000.png"), dir.Combine("stray.png"));
        File.WriteAllText(dir.Combine("notes.txt"), "mine");
        File.WriteAllText(dir.Combine(".DS_Store"), "");
        var index = DatasetScanner.Scan(dir.Path);
        Assert.Equal($"{dir.Path}: 2 file(s) directly in this folder belong to no class folder and are ignored: notes.txt, stray.png", index.Notice);
        Assert.Equal(4, index.Images.Count);
    }

    [Fact]
    public void Missing_folder_is_bad_input()
    {
        var e = Assert.Throws<BadInputException>(() => DatasetScanner.Scan("/nonexistent/data"));
        Assert.Contains("/nonexistent/data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_class_folders_is_bad_input()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("loose.jpg"), "x");
        Assert.Contains("no class folders", Assert.Throws<BadInputException>(() => DatasetScanner.Scan(dir.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_class_folder_is_bad_input_and_named()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Path, classes: 2, perClass: 2, size: 8);
        Directory.CreateDirectory(dir.Combine("empty_class"));
        var e = Assert.Throws<BadInputException>(() => DatasetScanner.Scan(dir.Path));
        Assert.Contains("empty_class", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limit_keeps_the_first_files_of_each_class()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Path, classes: 2, perClass: 5, size: 8);
        var limited = DatasetScanner.Limit(DatasetScanner.Scan(dir.Path), 2);
        Assert.Equal([2, 2], limited.CountsPerClass());
        Assert.EndsWith("img_000.png", limited.Images[0].Path, StringComparison.Ordinal);
    }
}
