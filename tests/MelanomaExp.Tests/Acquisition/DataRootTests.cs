using MelanomaExp.Tests.Fixtures;

using MelanomaExp.Acquisition;

namespace MelanomaExp.Tests.Acquisition;

public class DataRootTests
{
    [SkippableFact]
    public void The_downloaded_data_is_the_last_resort_after_an_existing_data_root()
    {
        Skip.If(DataRoot.FromEnvironment() is not null, "MELANOMA_EXP_DATA is set here and comes first");
        using var dir = new TempDir();
        var fileRoot = dir.Combine("from-yaml");
        var downloaded = dir.Combine("cache", "data", "isic-9class");

        Assert.Equal(fileRoot, DataRoot.Resolve(null, fileRoot, downloaded));
        Directory.CreateDirectory(downloaded);
        Assert.Equal(downloaded, DataRoot.Resolve(null, fileRoot, downloaded));
        Directory.CreateDirectory(fileRoot);
        Assert.Equal(fileRoot, DataRoot.Resolve(null, fileRoot, downloaded));
        Assert.Equal("cli", DataRoot.Resolve("cli", fileRoot, downloaded));
    }
}
