using MelanomaExp.Reporting;
using MelanomaExp.Safety;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Safety;

public class OutputFolderTests
{
    private static string Refusal(string? path, OutputRules? rules = null) =>
        Assert.Throws<BadInputException>(() => OutputFolder.Claim(path, "run", rules)).Message;

    [Fact]
    public void A_new_or_empty_folder_is_accepted()
    {
        using var dir = new TempDir();
        Assert.Equal(dir.Combine("new"), OutputFolder.Claim(dir.Combine("new"), "run").Path);
        Directory.CreateDirectory(dir.Combine("empty"));
        Assert.Equal(dir.Combine("empty"), OutputFolder.Claim(dir.Combine("empty"), "run").Path);
    }

    [Fact]
    public void A_user_folder_with_a_document_is_refused_and_untouched()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("notes.md"), "mine");
        var message = Refusal(dir.Path);
        Assert.Contains("not empty and was not written by melanoma-exp", message);
        Assert.Contains("notes.md", message);
        Assert.Equal("mine", File.ReadAllText(dir.Combine("notes.md")));
    }

    /// <summary>An empty read-only output folder used to be found out only after training, by a message naming no path.</summary>
    [SkippableFact]
    public void A_folder_that_cannot_be_written_is_refused_before_anything_naming_it()
    {
        using var dir = new TempDir();
        using var readOnly = new ReadOnlyFolder(dir.Combine("out"));
        var message = Refusal(readOnly.Path);
        Assert.StartsWith($"--output {readOnly.Path}: cannot be written ({readOnly.Path}:", message, StringComparison.Ordinal);
        Assert.EndsWith("; choose another place (nothing was touched)", message, StringComparison.Ordinal);
        // A new folder inside it can never be created either.
        Assert.StartsWith($"--output {readOnly.Path}/new: cannot be written ({readOnly.Path}:", Refusal(Path.Combine(readOnly.Path, "new")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(readOnly.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void An_empty_name_is_refused(string? path) => Assert.Contains("empty", Refusal(path));

    [Fact]
    public void Root_top_level_home_and_current_folder_are_refused()
    {
        Assert.Contains("file system root", Refusal("/"));
        Assert.Contains("top-level system folder", Refusal("/usr"));
        Assert.Contains("home folder", Refusal(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)));
        Assert.Contains("current folder", Refusal("."));
        Assert.Contains("current folder", Refusal(".."));
    }

    [Fact]
    public void Data_folders_are_refused_inside_equal_and_above()
    {
        using var dir = new TempDir();
        var data = dir.Combine("data");
        Directory.CreateDirectory(Path.Combine(data, "Train", "melanoma"));
        var rules = new OutputRules().Data(data);
        Assert.Contains("the data folder", Refusal(data, rules));
        Assert.Contains("inside the data folder", Refusal(Path.Combine(data, "Train", "melanoma", "report"), rules));
        Assert.Contains("holds the data folder", Refusal(dir.Path, rules));
        Assert.Equal(dir.Combine("report"), OutputFolder.Claim(dir.Combine("report"), "run", rules).Path);
    }

    [Fact]
    public void A_link_to_a_protected_folder_is_refused_as_the_folder_itself()
    {
        using var dir = new TempDir();
        var data = dir.Combine("data");
        Directory.CreateDirectory(data);
        Directory.CreateSymbolicLink(dir.Combine("alias"), data);
        Assert.Contains("the data folder", Refusal(dir.Combine("alias"), new OutputRules().Data(data)));
    }

    [Fact]
    public void The_experiment_files_folder_is_refused_but_a_folder_beside_it_is_not()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("x.yaml"), "name: x");
        var rules = new OutputRules().Experiment(dir.Combine("x.yaml"));
        Assert.Contains("the experiment file", Refusal(dir.Path, rules));
        OutputFolder.Claim(dir.Combine("out"), "run", rules);
    }

    [Fact]
    public void A_path_under_a_file_or_a_file_itself_is_refused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("f"), "x");
        Assert.Contains("is a file", Refusal(dir.Combine("f", "report")));
        Assert.Contains("is a file, not a folder", Refusal(dir.Combine("f")));
    }

    private static void Commit(OutputFolder target, string weights)
    {
        using var staging = ReportStaging.Begin(target);
        Directory.CreateDirectory(Path.Combine(staging.Path, "models"));
        File.WriteAllText(Path.Combine(staging.Path, "models", "w.pt"), weights);
        File.WriteAllText(Path.Combine(staging.Path, "README.md"), "report " + weights);
        staging.Commit();
    }

    /// <summary>A committed report with a NOTE.md a person wrote beside it: the rerun replaces the tool's files only.</summary>
    [Fact]
    public void Files_a_person_added_to_a_report_are_kept_by_a_rerun_and_stay_theirs()
    {
        using var dir = new TempDir();
        var target = dir.Combine("report");
        Commit(OutputFolder.Claim(target, "run"), "first");
        File.WriteAllText(Path.Combine(target, "NOTE.md"), "what a reviewer should know");
        File.WriteAllText(Path.Combine(target, "models", "my-notes.txt"), "mine");
        File.WriteAllText(Path.Combine(target, "README.md"), "edited by hand");

        var claim = OutputFolder.Claim(target, "run");
        Assert.Equal(["NOTE.md", "models/my-notes.txt"], claim.Kept);
        Commit(claim, "second");
        Assert.Equal("what a reviewer should know", File.ReadAllText(Path.Combine(target, "NOTE.md")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "models", "my-notes.txt")));
        // The tool's own files are replaced (an edit of them is not kept), and the person's files are never listed as the tool's.
        Assert.Equal("report second", File.ReadAllText(Path.Combine(target, "README.md")));
        Assert.Equal("second", File.ReadAllText(Path.Combine(target, "models", "w.pt")));
        Assert.DoesNotContain("NOTE.md", OutputMarker.Read(target)!.Files);
        Assert.Equal(["NOTE.md", "models/my-notes.txt"], OutputFolder.Claim(target, "run").Kept);
    }

    [Fact]
    public void A_link_added_to_a_report_is_refused()
    {
        using var dir = new TempDir();
        var target = dir.Combine("report");
        Commit(OutputFolder.Claim(target, "run"), "first");
        File.CreateSymbolicLink(Path.Combine(target, "models", "elsewhere.pt"), dir.Combine("x"));
        Assert.Contains("models/elsewhere.pt (a link), which melanoma-exp did not write", Refusal(target));
    }

    [Fact]
    public void A_forged_or_damaged_marker_does_not_make_a_folder_ours()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("notes.md"), "mine");
        File.WriteAllText(dir.Combine(OutputMarker.FileName), "{ not json");
        Assert.Contains("not written by melanoma-exp", Refusal(dir.Path));
    }

    [Theory]
    [InlineData("{\"format\": \"melanoma-exp-manifest/1\"}")]
    [InlineData("{\"format\": 1}")]
    [InlineData("{ not json")]
    public void Without_a_marker_even_a_manifest_of_the_tools_format_does_not_make_a_folder_the_tools(string manifest)
    {
        // Anyone can write a file that looks like ours; only the marker lists what the tool wrote.
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("manifest.json"), manifest);
        Assert.Contains("not written by melanoma-exp", Refusal(dir.Path));
    }

    [Fact]
    public void Data_the_tool_wrote_is_not_replaced_by_a_report()
    {
        using var dir = new TempDir();
        var data = OutputFolder.Claim(dir.Combine("data"), "data");
        data.CreateAndMark();
        File.WriteAllText(dir.Combine("data", "a.jpg"), "x");
        data.Record("a.jpg");
        Assert.Contains("melanoma-exp data, not run", Refusal(dir.Combine("data")));
    }
}
