using MelanomaExp.Sweeps;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Sweeps;

public class SweepPlannerTests
{
    private const string Yaml = """
        name: tiny
        seed: 7
        device: cpu
        data: { train: Train, image_size: [16, 16], validation_split: 0.25 }
        steps:
          - name: base
            model: { arch: seed-cnn }
            train: { epochs: 2, batch_size: 8 }
        """;

    private static string File(TempDir dir, string extra = "")
    {
        var path = dir.Combine("tiny.yaml");
        System.IO.File.WriteAllText(path, Yaml + "\n" + extra);
        return path;
    }

    [Fact]
    public void Grid_values_split_on_top_level_commas_only()
    {
        var axis = GridValues.Parse("data.image_size=[64,64],[96, 96],'a,b'");
        Assert.Equal("data.image_size", axis.Key);
        Assert.Equal(["[64,64]", "[96, 96]", "'a,b'"], axis.Values);
        Assert.Throws<BadInputException>(() => GridValues.Parse("steps.base.train.epochs"));
        Assert.Throws<BadInputException>(() => GridValues.Parse("steps.base.train.epochs=1,,2"));
    }

    [Theory]
    [InlineData("lerning_rate=0.1,0.2", "lerning_rate: unknown key; did you mean 'steps.base.train.learning_rate'?")]
    [InlineData("steps.base.train.epoch=1,2", "steps[0].train.epoch: unknown key; did you mean 'epochs'?")]
    public void An_unknown_grid_key_is_blamed_on_the_grid_with_the_nearest_key(string grid, string problem)
    {
        using var dir = new TempDir();
        var e = Assert.Throws<MelanomaExp.Config.ConfigException>(() => SweepPlanner.Plan(File(dir), [], null, [grid], dir.Path));
        Assert.Equal($"--grid {grid}: {problem}", e.Message);
    }

    [Fact]
    public void The_file_and_the_command_line_give_the_same_rows_and_ids()
    {
        using var dir = new TempDir();
        var fromFile = SweepPlanner.Plan(File(dir, "sweep: { seeds: [1, 2], grid: { steps.base.train.learning_rate: [0.001, 0.002] } }"), [], null, [], dir.Path);
        var fromCli = SweepPlanner.Plan(File(dir), [], "1,2", ["steps.base.train.learning_rate=0.001,0.002"], dir.Path);
        Assert.Equal(4, fromFile.Rows.Count);
        Assert.Equal(fromFile.Rows.Select(r => (r.Id, r.ExperimentHash)), fromCli.Rows.Select(r => (r.Id, r.ExperimentHash)));
        Assert.Equal(4, fromFile.Rows.Select(r => r.ExperimentHash).Distinct().Count());
        Assert.StartsWith("learning_rate-0.001-", fromFile.Rows[0].Id, StringComparison.Ordinal);
        Assert.EndsWith("-seed1", fromFile.Rows[0].Id, StringComparison.Ordinal);
        // A seed added later keeps the earlier runs' ids, so their reports are found again.
        var more = SweepPlanner.Plan(File(dir), [], "1,2,3", ["steps.base.train.learning_rate=0.001,0.002"], dir.Path);
        Assert.Subset(more.Rows.Select(r => r.Id).ToHashSet(), fromCli.Rows.Select(r => r.Id).ToHashSet());
    }

    [Fact]
    public void A_count_of_seeds_starts_at_the_experiment_seed_and_bad_input_names_its_source()
    {
        using var dir = new TempDir();
        var plan = SweepPlanner.Plan(File(dir), [], "3", [], dir.Path);
        Assert.Equal([7, 8, 9], plan.Rows.Select(r => r.Seed));
        Assert.All(plan.Rows, r => Assert.Empty(r.Grid));
        var badKey = Assert.Throws<MelanomaExp.Config.ConfigException>(() => SweepPlanner.Plan(File(dir), [], null, ["steps.base.train.epochz=1,2"], dir.Path));
        Assert.Contains("epochz", badKey.Message, StringComparison.Ordinal);
        var badSweep = Assert.Throws<MelanomaExp.Config.ConfigException>(() => SweepPlanner.Plan(File(dir, "sweep: { seed: [1] }"), [], null, [], dir.Path));
        Assert.Contains("tiny.yaml:9: sweep.seed: unknown key", badSweep.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_declared_primary_figure_goes_into_the_plan_and_an_unknown_one_is_refused_by_line()
    {
        using var dir = new TempDir();
        var plan = SweepPlanner.Plan(File(dir, "sweep: { seeds: [1, 2], primary: test_positive_auc }"), [], null, [], dir.Path);
        Assert.Equal("test_positive_auc", plan.Primary);
        plan.Write(dir.Path);
        Assert.Equal("test_positive_auc", SweepPlan.Read(dir.Path).Primary);
        Assert.Null(SweepPlanner.Plan(File(dir, "sweep: { seeds: [1, 2] }"), [], null, [], dir.Path).Primary);
        var bad = Assert.Throws<MelanomaExp.Config.ConfigException>(() => SweepPlanner.Plan(File(dir, "sweep: { primary: test.melanoma_auc }"), [], null, [], dir.Path));
        Assert.Contains("tiny.yaml:9: sweep.primary: 'test.melanoma_auc' is not a figure a study collects (one of: val_accuracy,", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cost_estimate_scales_with_epochs_and_pixels_and_is_unknown_without_data()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("Train"), classes: 2, perClass: 20, size: 16);
        var plan = SweepPlanner.Plan(File(dir), [], null, ["steps.base.train.epochs=2,4", "data.image_size=[180,180],[90,90]"], dir.Path);
        var hours = plan.Rows.Select(r => r.EstimatedCpuHours!.Value).ToList();
        // 30 training images (40 less the 25% validation) x 2 epochs at 180x180.
        Assert.Equal(30 * 2 * SweepCost.CpuSecondsPerImageEpochAt180 / 3600, hours[0], 1e-12);
        Assert.Equal(hours[0] / 4, hours[1], 1e-12);
        Assert.Equal(hours[0] * 2, hours[2], 1e-12);
        Assert.Null(SweepPlanner.Plan(File(dir), [], null, [], dir.Combine("nowhere")).Rows[0].EstimatedCpuHours);
    }

    [Fact]
    public void A_dry_run_writes_the_plan_and_the_job_scripts_and_submits_nothing()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 2, perClass: 4, size: 16);
        var (code, stdout, stderr) = CliRunner.RunCli("sweep", File(dir), "--output", dir.Combine("sweep"), "--data-root", dir.Combine("data"), "--seeds", "1,2",
            "--grid", "steps.base.train.learning_rate=0.001,0.002", "--backend", "slurm", "--dry-run", "--partition", "short", "--time", "01:00:00",
            "--cpus-per-task", "4", "--mem", "8G", "--gres", "gpu:1", "--account", "lab", "--sbatch-arg=--qos=low", "--command", "/opt/mexp/melanoma-exp");
        Assert.True(code == 0, stderr);
        Assert.Contains("CPU-hours for the 4 runs still to do", stdout, StringComparison.Ordinal);
        Assert.Contains("sbatch --parsable --array=0,1,2,3", stdout, StringComparison.Ordinal);
        var plan = SweepPlan.Read(dir.Combine("sweep"));
        Assert.Equal(4, plan.Rows.Count);
        var script = System.IO.File.ReadAllText(SlurmScripts.ArrayPath(dir.Combine("sweep")));
        foreach (var line in new[] { "#SBATCH --partition=short", "#SBATCH --time=01:00:00", "#SBATCH --cpus-per-task=4", "#SBATCH --mem=8G", "#SBATCH --gres=gpu:1", "#SBATCH --account=lab", "#SBATCH --qos=low", "'/opt/mexp/melanoma-exp' \"${args[@]}\"" })
        {
            Assert.Contains(line, script, StringComparison.Ordinal);
        }
        Assert.Contains($"3) id='{plan.Rows[3].Id}'", script, StringComparison.Ordinal);
        Assert.Contains("collect", System.IO.File.ReadAllText(SlurmScripts.CollectPath(dir.Combine("sweep"))), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("sweep", "runs")));
        Assert.False(System.IO.File.Exists(dir.Combine("sweep", "slurm", SlurmBackend.JobsFile)));
    }

    [Theory]
    [InlineData("3", 5, new[] { 5, 6, 7 })]
    [InlineData("123,1,2", 5, new[] { 123, 1, 2 })]
    [InlineData("123,", 5, new[] { 123 })]
    [InlineData(" 4 , 9 ", 5, new[] { 4, 9 })]
    public void Seeds_are_a_count_or_a_list_and_a_trailing_comma_makes_a_list_of_one(string text, int experimentSeed, int[] expected) =>
        Assert.Equal(expected, SweepSpecReader.ParseSeeds(text, experimentSeed));

    [Theory]
    [InlineData("123", "For the one seed 123, write it as a list: --seeds 123,")]
    [InlineData("0", "needs at least 1 seed")]
    [InlineData("1,1", "different whole numbers")]
    [InlineData(",", "different whole numbers")]
    [InlineData("a", "different whole numbers")]
    public void A_count_that_looks_like_a_seed_and_other_bad_seeds_are_refused(string text, string message)
    {
        var e = Assert.Throws<BadInputException>(() => SweepSpecReader.ParseSeeds(text, 123));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
