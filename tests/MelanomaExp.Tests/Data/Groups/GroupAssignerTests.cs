using MelanomaExp.Config;
using MelanomaExp.Data.Groups;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Data.Groups;

public class GroupAssignerTests
{
    private static readonly string[] Paths = ["/d/Train/melanoma/ISIC_0000139.jpg", "/d/Train/nevus/ISIC_0012345.jpg", "/d/Train/nevus/photo.png"];

    [Fact]
    public void A_pattern_takes_its_first_capture_and_unmatched_files_get_no_group()
    {
        var groups = GroupAssigner.Assign(new GroupsSpec(@"ISIC_(\d{3})", null, "file", "group"), Paths, "/d");
        Assert.Equal(new[] { "000", "001", GroupAssigner.Unassigned }, groups);
    }

    [Fact]
    public void A_csv_maps_file_names_with_or_without_extension()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("meta.csv"), "image,site\nISIC_0000139,vienna\nphoto.png,\"barcelona, clinic\"\n");
        var groups = GroupAssigner.Assign(new GroupsSpec(null, "meta.csv", "image", "site"), Paths, dir.Path);
        Assert.Equal(new[] { "vienna", GroupAssigner.Unassigned, "barcelona, clinic" }, groups);
    }

    [Fact]
    public void A_missing_csv_column_is_bad_input_naming_the_columns()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("meta.csv"), "image,site\nISIC_0000139,vienna\n");
        var e = Assert.Throws<BadInputException>(() => GroupAssigner.Assign(new GroupsSpec(null, "meta.csv", "image", "collection"), Paths, dir.Path));
        Assert.Contains("'collection' not found (columns: image, site)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hold_out_validates_on_the_named_groups_only()
    {
        var split = HoldOutSplitter.Make(["000", "001", "000", "002"], ["000"], "src");
        Assert.Equal(new[] { 1, 3 }, split.Train);
        Assert.Equal(new[] { 0, 2 }, split.Validation);
        var e = Assert.Throws<BadInputException>(() => HoldOutSplitter.Make(["000"], ["009"], "src"));
        Assert.Contains("'009'", e.Message, StringComparison.Ordinal);
    }
}
