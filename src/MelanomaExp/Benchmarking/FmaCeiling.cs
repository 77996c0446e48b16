using System.Diagnostics;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MelanomaExp.Benchmarking;

/// <summary>
/// The machine's measured float32 ceiling: a loop of independent fused multiply-adds on every core,
/// with enough accumulators to hide FMA latency and no memory traffic. Datasheet peaks (cores x clock x
/// FMA units x lanes x 2) are rarely reached under sustained all-core load, so the share of the peak a
/// training step achieves is stated against this measured figure.
/// </summary>
public static class FmaCeiling
{
    public sealed record Result(double GflopsPerS, string Instructions, int Threads);

    /// <summary>One measurement per instruction set the CPU runs (AVX-512, AVX2+FMA, portable vectors), about <paramref name="seconds"/> each.</summary>
    public static IReadOnlyList<Result> MeasureAll(double seconds = 0.5) => Kernels().Select(k => Measure(k.Name, k.Loop, seconds)).ToList();

    private static Result Measure(string name, Func<long, float> loop, double seconds)
    {
        var threads = Environment.ProcessorCount;
        loop(1000);
        var iterations = 200_000L;
        while (true)
        {
            var clock = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => loop(iterations));
            var elapsed = clock.Elapsed.TotalSeconds;
            if (elapsed >= seconds || iterations > 1L << 40)
            {
                var flops = 2.0 * Accumulators * Lanes(name) * iterations * threads;
                return new Result(flops / elapsed / 1e9, name, threads);
            }
            iterations *= 2;
        }
    }

    private const int Accumulators = 12;

    private static int Lanes(string name) => name switch
    {
        "AVX-512" => 16,
        "AVX2+FMA" => 8,
        _ => Vector<float>.Count,
    };

    private static IEnumerable<(string Name, Func<long, float> Loop)> Kernels()
    {
        if (Avx512F.IsSupported)
        {
            yield return ("AVX-512", Avx512Loop);
        }
        if (Fma.IsSupported)
        {
            yield return ("AVX2+FMA", Avx2Loop);
        }
        else
        {
            yield return ("portable", PortableLoop);
        }
    }

    // Twelve independent chains: FMA latency (4 cycles) x 2 ports needs at least 8 in flight.
    private static float Avx512Loop(long iterations)
    {
        var m = Vector512.Create(0.999999f);
        var a = Vector512.Create(1e-7f);
        Vector512<float> x0 = Vector512.Create(1f), x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0, x6 = x0, x7 = x0, x8 = x0, x9 = x0, x10 = x0, x11 = x0;
        for (var i = 0L; i < iterations; i++)
        {
            x0 = Avx512F.FusedMultiplyAdd(x0, m, a);
            x1 = Avx512F.FusedMultiplyAdd(x1, m, a);
            x2 = Avx512F.FusedMultiplyAdd(x2, m, a);
            x3 = Avx512F.FusedMultiplyAdd(x3, m, a);
            x4 = Avx512F.FusedMultiplyAdd(x4, m, a);
            x5 = Avx512F.FusedMultiplyAdd(x5, m, a);
            x6 = Avx512F.FusedMultiplyAdd(x6, m, a);
            x7 = Avx512F.FusedMultiplyAdd(x7, m, a);
            x8 = Avx512F.FusedMultiplyAdd(x8, m, a);
            x9 = Avx512F.FusedMultiplyAdd(x9, m, a);
            x10 = Avx512F.FusedMultiplyAdd(x10, m, a);
            x11 = Avx512F.FusedMultiplyAdd(x11, m, a);
        }
        return Vector512.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
    }

    private static float Avx2Loop(long iterations)
    {
        var m = Vector256.Create(0.999999f);
        var a = Vector256.Create(1e-7f);
        Vector256<float> x0 = Vector256.Create(1f), x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0, x6 = x0, x7 = x0, x8 = x0, x9 = x0, x10 = x0, x11 = x0;
        for (var i = 0L; i < iterations; i++)
        {
            x0 = Fma.MultiplyAdd(x0, m, a);
            x1 = Fma.MultiplyAdd(x1, m, a);
            x2 = Fma.MultiplyAdd(x2, m, a);
            x3 = Fma.MultiplyAdd(x3, m, a);
            x4 = Fma.MultiplyAdd(x4, m, a);
            x5 = Fma.MultiplyAdd(x5, m, a);
            x6 = Fma.MultiplyAdd(x6, m, a);
            x7 = Fma.MultiplyAdd(x7, m, a);
            x8 = Fma.MultiplyAdd(x8, m, a);
            x9 = Fma.MultiplyAdd(x9, m, a);
            x10 = Fma.MultiplyAdd(x10, m, a);
            x11 = Fma.MultiplyAdd(x11, m, a);
        }
        return Vector256.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
    }

    private static float PortableLoop(long iterations)
    {
        var m = new Vector<float>(0.999999f);
        var a = new Vector<float>(1e-7f);
        Vector<float> x0 = Vector<float>.One, x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0, x6 = x0, x7 = x0, x8 = x0, x9 = x0, x10 = x0, x11 = x0;
        for (var i = 0L; i < iterations; i++)
        {
            x0 = (x0 * m) + a;
            x1 = (x1 * m) + a;
            x2 = (x2 * m) + a;
            x3 = (x3 * m) + a;
            x4 = (x4 * m) + a;
            x5 = (x5 * m) + a;
            x6 = (x6 * m) + a;
            x7 = (x7 * m) + a;
            x8 = (x8 * m) + a;
            x9 = (x9 * m) + a;
            x10 = (x10 * m) + a;
            x11 = (x11 * m) + a;
        }
        return Vector.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
    }
}
