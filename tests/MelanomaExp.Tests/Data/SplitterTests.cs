using MelanomaExp.Data;

namespace MelanomaExp.Tests.Data;

public class SplitterTests
{
    private static readonly int[] Labels = [.. Enumerable.Repeat(0, 100), .. Enumerable.Repeat(1, 30), .. Enumerable.Repeat(2, 10)];

    [Fact]
    public void Same_seed_gives_the_same_split_and_another_seed_a_different_one()
    {
        var a = Splitter.Make(Labels, 0.2, stratify: true, new Random(123));
        var b = Splitter.Make(Labels, 0.2, stratify: true, new Random(123));
        var c = Splitter.Make(Labels, 0.2, stratify: true, new Random(124));
        Assert.Equal(a.Validation, b.Validation);
        Assert.NotEqual(a.Validation, c.Validation);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Train_and_validation_partition_the_images(bool stratify)
    {
        var split = Splitter.Make(Labels, 0.2, stratify, new Random(5));
        Assert.Empty(split.Train.Intersect(split.Validation));
        Assert.Equal(Enumerable.Range(0, Labels.Length), split.Train.Concat(split.Validation).Order());
        Assert.Equal(28, split.Validation.Length);
    }

    [Fact]
    public void Stratified_split_keeps_each_class_share()
    {
        var split = Splitter.Make(Labels, 0.2, stratify: true, new Random(9));
        var perClass = split.Validation.GroupBy(i => Labels[i]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(20, perClass[0]);
        Assert.Equal(6, perClass[1]);
        Assert.Equal(2, perClass[2]);
    }
}
