using MathNet.Numerics.Distributions;

namespace MelanomaExp.Evaluation;

/// <summary>
/// McNemar's test on paired predictions of two models for the same images: only the images where
/// exactly one model is right count. Exact two-sided binomial test when there are fewer than 25 such
/// images, else the chi-square test with continuity correction.
/// </summary>
public sealed record McNemar(int OnlyFirstRight, int OnlySecondRight, double PValue, string Method)
{
    public static McNemar Test(IReadOnlyList<int> labels, IReadOnlyList<int> first, IReadOnlyList<int> second)
    {
        int b = 0, c = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var r1 = first[i] == labels[i];
            var r2 = second[i] == labels[i];
            if (r1 && !r2)
            {
                b++;
            }
            else if (r2 && !r1)
            {
                c++;
            }
        }
        var n = b + c;
        if (n == 0)
        {
            return new McNemar(b, c, 1, "no discordant images");
        }
        if (n < 25)
        {
            var p = Math.Min(1, 2 * Binomial.CDF(0.5, n, Math.Min(b, c)));
            return new McNemar(b, c, p, "exact binomial");
        }
        var chi = Math.Pow(Math.Abs(b - c) - 1, 2) / n;
        return new McNemar(b, c, 1 - ChiSquared.CDF(1, chi), "chi-square, continuity-corrected");
    }
}
