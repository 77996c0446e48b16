using MelanomaExp.Provenance;

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
        Assert.Equal("isa=avx2;bf16=;threads=2;libtorch=2.10.0", NumericsFingerprint.Of(avx2, 2, "2.10.0"));
    }

    [Fact]
    public void The_instruction_set_level_comes_from_the_highest_flag()
    {
        Assert.Equal("amx", new CpuFeatures(["avx2", "avx512f", "amx_tile"]).IsaLevel);
        Assert.Equal("avx512", Avx512Bf16.IsaLevel);
        Assert.Equal("avx2", new CpuFeatures(["avx2"]).IsaLevel);
        Assert.Equal("baseline", new CpuFeatures(["sse2"]).IsaLevel);
    }
}
