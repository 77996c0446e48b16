using MelanomaExp.Sweeps;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Sweeps;

public class SweepFolderTests
{
    private static SweepPlan Plan(TempDir dir) =>
        new("tiny", dir.Combine("tiny.yaml"), [], null, [new SweepRow("default-seed1", "default", [], 1, "abc", null)]);

    [Fact]
    public void A_user_folder_is_refused_untouched()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("mine"));
        File.WriteAllText(dir.Combine("mine", "thesis.md"), "chapter 1");
        var e = Assert.Throws<BadInputException>(() => SweepFolder.Claim(dir.Combine("mine"), Plan(dir)));
        Assert.Contains("thesis.md", e.Message, StringComparison.Ordinal);
        Assert.Equal(["thesis.md"], Directory.GetFileSystemEntries(dir.Combine("mine")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_sweep_folder_is_claimed_again_until_someone_else_adds_a_file()
    {
        using var dir = new TempDir();
        var sweep = dir.Combine("sweep");
        var plan = Plan(dir);
        SweepFolder.Claim(sweep, plan);
        plan.Write(sweep);
        // As the local backend does: the logs folder appears after the claim, and the sweep may be killed before it is marked.
        Directory.CreateDirectory(dir.Combine("sweep", "logs"));
        File.WriteAllText(SweepPlan.LogFile(sweep, "default-seed1"), "epoch 1");
        SweepFolder.Claim(sweep, plan);
        File.WriteAllText(dir.Combine("sweep", "README.md"), "# Study");
        SweepFolder.Remark(sweep);
        SweepFolder.Claim(sweep, plan);

        // A person's notes beside the runs are kept (never listed as the tool's); a link is refused.
        File.WriteAllText(dir.Combine("sweep", "notes.txt"), "mine");
        Assert.Equal(["notes.txt"], SweepFolder.Claim(sweep, plan).Kept);
        Assert.Equal("mine", File.ReadAllText(dir.Combine("sweep", "notes.txt")));
        File.CreateSymbolicLink(dir.Combine("sweep", "elsewhere"), dir.Path);
        var e = Assert.Throws<BadInputException>(() => SweepFolder.Claim(sweep, plan));
        Assert.Contains("elsewhere (a link), which melanoma-exp did not write there", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_json_without_a_marker_does_not_make_a_folder_a_sweep()
    {
        using var dir = new TempDir();
        var plan = Plan(dir);
        var sweep = dir.Combine("unmarked");
        plan.Write(sweep);
        Assert.Throws<BadInputException>(() => SweepFolder.Claim(sweep, plan));
    }
}
