using MelanomaExp.Data.Groups;

namespace MelanomaExp.Tests.Data.Groups;

public class RandomGroupSplitterTests
{
    // 60 groups of 2-9 images; the class is mostly the group's, with a few strays so that groups mix classes.
    private static (int[] Labels, string[] Groups) Dataset()
    {
        var rng = new Random(7);
        var labels = new List<int>();
        var groups = new List<string>();
        for (var g = 0; g < 60; g++)
        {
            var main = g % 3;
            for (var k = rng.Next(2, 10); k > 0; k--)
            {
                labels.Add(rng.Next(5) == 0 ? (main + 1) % 3 : main);
                groups.Add($"g{g:00}");
            }
        }
        return ([.. labels], [.. groups]);
    }

    [Fact]
    public void No_group_straddles_the_split_and_every_class_gets_about_its_share()
    {
        var (labels, groups) = Dataset();
        var split = RandomGroupSplitter.Make(labels, SplitUnits.Of(groups, []), 0.2, stratify: true, new Random(1));
        var trainGroups = split.Train.Select(i => groups[i]).ToHashSet();
        Assert.DoesNotContain(split.Validation, i => trainGroups.Contains(groups[i]));
        Assert.Equal(labels.Length, split.Train.Length + split.Validation.Length);
        for (var c = 0; c < 3; c++)
        {
            double all = labels.Count(l => l == c), validated = split.Validation.Count(i => labels[i] == c);
            Assert.InRange(validated / all, 0.12, 0.28);
        }
    }

    [Fact]
    public void The_seed_decides_the_split_and_the_same_seed_gives_the_same_one()
    {
        var (labels, groups) = Dataset();
        var units = SplitUnits.Of(groups, []);
        var a = RandomGroupSplitter.Make(labels, units, 0.2, true, new Random(1));
        Assert.Equal(a.Validation, RandomGroupSplitter.Make(labels, units, 0.2, true, new Random(1)).Validation);
        Assert.NotEqual(a.Validation, RandomGroupSplitter.Make(labels, units, 0.2, true, new Random(2)).Validation);
    }

    [Fact]
    public void Unstratified_it_aims_at_the_total_only()
    {
        var (labels, groups) = Dataset();
        var split = RandomGroupSplitter.Make(labels, SplitUnits.Of(groups, []), 0.3, stratify: false, new Random(3));
        Assert.InRange(split.Validation.Length / (double)labels.Length, 0.25, 0.35);
    }

    [Fact]
    public void A_duplicate_pair_across_two_groups_joins_them_into_one_unit()
    {
        string[] groups = ["a", "a", "b", "c", "c", "d"];
        var units = SplitUnits.Of(groups, [[1, 3]]);
        Assert.Equal(new[] { new[] { 0, 1, 3, 4 }, new[] { 2 }, new[] { 5 } }, units);
    }
}
