using MelanomaExp.Results;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Results;

public class ReportChecksumsTests
{
    [Fact]
    public void A_changed_or_missing_file_is_named_and_an_added_one_is_not_checked()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("models"));
        File.WriteAllText(dir.Combine("README.md"), "accuracy 23.61%");
        File.WriteAllText(dir.Combine("models", "w.pt"), "weights");
        File.WriteAllText(dir.Combine("models", "card.json"), "{}");
        File.WriteAllText(dir.Combine(".marker"), "skipped");
        ReportChecksums.Write(dir.Path, ".marker");
        Assert.Equal(["README.md", "models/card.json", "models/w.pt"], File.ReadAllLines(dir.Combine(ReportChecksums.FileName)).Select(l => l.Split("  ")[1]));
        Assert.Empty(ReportChecksums.Check(dir.Path)!);

        File.WriteAllText(dir.Combine("NOTE.md"), "a person's");
        Assert.Empty(ReportChecksums.Check(dir.Path)!);
        File.WriteAllText(dir.Combine("README.md"), "accuracy 40.28%");
        File.Delete(dir.Combine("models", "card.json"));
        // Weights are kept out of commits (.gitignore's *.pt): one missing is not damage, one changed is.
        File.Delete(dir.Combine("models", "w.pt"));
        var problems = ReportChecksums.Check(dir.Path)!;
        Assert.Equal(["README.md", "models/card.json"], problems.Select(p => p.File));
        Assert.StartsWith("README.md was changed after melanoma-exp wrote it", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("models/card.json is missing (listed in checksums.sha256)", problems[1].Message);
        File.WriteAllText(dir.Combine("models", "w.pt"), "other weights");
        Assert.Contains(ReportChecksums.Check(dir.Path)!, p => p.File == "models/w.pt");
        Assert.Equal("README.md", ReportChecksums.FirstProblem(dir.Path, "README.md")!.File);
        Assert.Null(ReportChecksums.FirstProblem(dir.Path, "metrics.json"));
    }

    [Fact]
    public void A_folder_without_checksums_says_so_and_a_damaged_line_is_a_problem()
    {
        using var dir = new TempDir();
        Assert.Null(ReportChecksums.Check(dir.Path));
        File.WriteAllText(dir.Combine(ReportChecksums.FileName), "abc  ../../etc/passwd\n");
        Assert.Equal("checksums.sha256 line 1 is damaged ('abc  ../../etc/passwd')", Assert.Single(ReportChecksums.Check(dir.Path)!).Message);
    }

    /// <summary>The format is sha256sum's, so a reviewer can check a report without the tool.</summary>
    [Fact]
    public void The_file_is_what_sha256sum_writes()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("a.txt"), "abc");
        ReportChecksums.Write(dir.Path);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt\n", File.ReadAllText(dir.Combine(ReportChecksums.FileName)));
    }
}
