using MelanomaExp.Data.Groups;

namespace MelanomaExp.Tests.Data.Groups;

public class GroupAssociationTests
{
    private static readonly string[] Classes = ["a", "b"];

    private static (int[] Labels, string[] Groups) Table(int a1, int a2, int b1, int b2)
    {
        var rows = new[] { (0, "g1", a1), (0, "g2", a2), (1, "g1", b1), (1, "g2", b2) };
        var labels = rows.SelectMany(r => Enumerable.Repeat(r.Item1, r.Item3)).ToArray();
        var groups = rows.SelectMany(r => Enumerable.Repeat(r.Item2, r.Item3)).ToArray();
        return (labels, groups);
    }

    [Fact]
    public void Matches_a_hand_computed_two_by_two_table()
    {
        // a: 30 in g1, 10 in g2; b: 10 in g1, 30 in g2. Every expected count is 40*40/80 = 20, so
        // chi-square = 4 * (10^2 / 20) = 20, V = sqrt(20 / (80 * 1)) = 0.5, and the group-majority rule
        // is right for 30 + 30 of 80 images.
        var (labels, groups) = Table(30, 10, 10, 30);
        var a = GroupAssociation.Of(Classes, labels, groups);
        Assert.Equal(20, a.ChiSquare, 9);
        Assert.Equal(1, a.DegreesOfFreedom);
        Assert.Equal(0.5, a.CramersV, 9);
        Assert.Equal(0.75, a.GroupMajorityAccuracy, 9);
        Assert.Equal(0.5, a.ClassMajorityAccuracy, 9);
        Assert.Equal(7.744e-6, a.PValue, 8);  // chi-square table, 1 df, x = 20
        Assert.True(a.Confounded);
        Assert.Equal(new[] { "g1", "g2" }, a.Groups);
        Assert.Equal(10, a.Counts[1, 0]);
    }

    [Fact]
    public void Independent_group_and_class_give_zero_and_no_warning()
    {
        var (labels, groups) = Table(10, 10, 10, 10);
        var a = GroupAssociation.Of(Classes, labels, groups);
        Assert.Equal(0, a.CramersV, 9);
        Assert.Equal(0.5, a.GroupMajorityAccuracy, 9);
        Assert.Equal(1, a.PValue, 9);
        Assert.False(a.Confounded);
    }

    [Fact]
    public void A_group_that_determines_the_class_gives_one()
    {
        var (labels, groups) = Table(25, 0, 0, 15);
        var a = GroupAssociation.Of(Classes, labels, groups);
        Assert.Equal(1, a.CramersV, 9);
        Assert.Equal(1, a.GroupMajorityAccuracy, 9);
    }
}
