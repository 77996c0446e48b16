using MelanomaExp.Provenance;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Provenance;

public class NumericsFingerprintTests
{
    private static readonly CpuFeatures Avx512Bf16 = new(["sse2", "avx2", "avx512f", "avx512_bf16"]);

    [Fact]
    public void One_torch_thread_instead_of_two_is_other_numerics()
    {
        Assert.NotEqual(NumericsFingerprint.Of(Avx512Bf16, 1, "2.10.0"), NumericsFingerprint.Of(Avx512Bf16, 2, "2.10.0"));
    }

    [Fact]
    public void Another_instruction_set_level_or_libtorch_is_other_numerics()
    {
        var avx2 = new CpuFeatures(["sse2", "avx2"]);
        Assert.NotEqual(NumericsFingerprint.Of(avx2, 2, "2.10.0"), NumericsFingerprint.Of(Avx512Bf16, 2, "2.10.0"));
        Assert.NotEqual(NumericsFingerprint.Of(avx2, 2, "2.10.0"), NumericsFingerprint.Of(avx2, 2, "2.11.0"));
        Assert.Equal($"code={NumericsVersion.Current};cpu=unknown;isa=avx2;bf16=;threads=2;libtorch=2.10.0", NumericsFingerprint.Of(avx2, 2, "2.10.0"));
    }

    [Fact]
    public void The_instruction_set_level_comes_from_the_highest_flag()
    {
        Assert.Equal("amx", new CpuFeatures(["avx2", "avx512f", "amx_tile"]).IsaLevel);
        Assert.Equal("avx512", Avx512Bf16.IsaLevel);
        Assert.Equal("avx2", new CpuFeatures(["avx2"]).IsaLevel);
        Assert.Equal("baseline", new CpuFeatures(["sse2"]).IsaLevel);
    }

    /// <summary>Measured: two "AMD EPYC" machines with the same AVX-512 and bf16 flags gave different bits for one step.</summary>
    [Fact]
    public void Two_cpus_of_one_name_and_level_but_another_family_are_other_numerics()
    {
        using var dir = new TempDir();
        string Cpuinfo(int family) => $"processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: {family}\nmodel\t\t: 2\nmodel name\t: AMD EPYC\nflags\t\t: sse2 avx2 avx512f avx512_bf16\n\nprocessor\t: 1\nvendor_id\t: Other\n";
        File.WriteAllText(dir.Combine("zen4"), Cpuinfo(25));
        File.WriteAllText(dir.Combine("zen5"), Cpuinfo(26));
        var zen4 = CpuFeatures.Read(dir.Combine("zen4"));
        var zen5 = CpuFeatures.Read(dir.Combine("zen5"));
        Assert.Equal("AuthenticAMD family 25 model 2", zen4.Microarchitecture);
        Assert.Equal(zen4.IsaLevel, zen5.IsaLevel);
        Assert.Equal(zen4.Bf16, zen5.Bf16);
        Assert.NotEqual(NumericsFingerprint.Of(zen4, 2, "2.10.0"), NumericsFingerprint.Of(zen5, 2, "2.10.0"));
        Assert.Equal("cpu AuthenticAMD family 25 model 2 -> AuthenticAMD family 26 model 2", NumericsFingerprint.Describe(NumericsFingerprint.Of(zen4, 2, "2.10.0"), NumericsFingerprint.Of(zen5, 2, "2.10.0")));
    }

    [Fact]
    public void Describe_names_only_the_parts_that_changed()
    {
        Assert.Equal("threads 1 -> 2", NumericsFingerprint.Describe(NumericsFingerprint.Of(Avx512Bf16, 1, "2.10.0"), NumericsFingerprint.Of(Avx512Bf16, 2, "2.10.0")));
        Assert.StartsWith("not recorded -> code=", NumericsFingerprint.Describe(null, NumericsFingerprint.Of(Avx512Bf16, 2, "2.10.0")), StringComparison.Ordinal);
    }
}
