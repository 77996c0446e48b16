using MelanomaExp.Sweeps;

namespace MelanomaExp.Tests.Sweeps;

public class HolmAdjustmentTests
{
    [Fact]
    public void Each_p_is_multiplied_by_the_tests_still_in_play_and_kept_monotone()
    {
        // Sorted 0.01, 0.02, 0.04 over 3 tests: 3 x 0.01 = 0.03, 2 x 0.02 = 0.04, 1 x 0.04 = 0.04.
        Assert.Equal([0.04, 0.03, 0.04], Round(HolmAdjustment.Adjust([0.04, 0.01, 0.02])));
        // 3 x 0.01 = 0.03, but 2 x 0.012 = 0.024 would undercut it: it is raised to 0.03.
        Assert.Equal([0.03, 0.03, 0.5], Round(HolmAdjustment.Adjust([0.01, 0.012, 0.5])));
        Assert.Equal([1.0, 1.0], Round(HolmAdjustment.Adjust([0.6, 0.7])));
    }

    [Fact]
    public void Missing_p_values_stay_missing_and_do_not_count_as_tests()
    {
        var adjusted = HolmAdjustment.Adjust([null, 0.02, 0.03]);
        Assert.Null(adjusted[0]);
        Assert.Equal([0.04, 0.04], Round([.. adjusted.Skip(1)]));
    }

    private static double?[] Round(IReadOnlyList<double?> values) => [.. values.Select(v => v is { } x ? Math.Round(x, 12) : (double?)null)];
}
