namespace MelanomaExp.Tests.Fixtures;

/// <summary>
/// Tests that need something outside the repository (the real images, the native bridge) skip visibly
/// when it is absent, so a missing prerequisite never counts as a pass; under CI, where everything is
/// provided, its absence is a failure.
/// </summary>
public static class Prerequisite
{
    public static bool UnderCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Returns <paramref name="value"/>, or skips (fails under CI) naming <paramref name="what"/>.</summary>
    public static T Need<T>(T? value, string what)
        where T : class
    {
        if (value is null && UnderCi)
        {
            Assert.Fail($"CI must provide {what}");
        }
        Skip.If(value is null, $"needs {what}");
        return value!;
    }

    /// <summary>The real ISIC images (../shared/data/isic-9class-180 or MELANOMA_EXP_DATA).</summary>
    public static string RealData() => Need(RepoPaths.RealData(), "the real ISIC images (../shared/data/isic-9class-180 or MELANOMA_EXP_DATA)");
}
