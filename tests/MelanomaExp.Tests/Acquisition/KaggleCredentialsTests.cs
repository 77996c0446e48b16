using MelanomaExp.Acquisition;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Acquisition;

public class KaggleCredentialsTests
{
    [Fact]
    public void Environment_variables_come_before_kaggle_json()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine("kaggle.json"), "{\"username\": \"bob\", \"key\": \"k2\"}");
        var env = new Dictionary<string, string> { ["KAGGLE_USERNAME"] = "alice", ["KAGGLE_KEY"] = "k1", ["KAGGLE_CONFIG_DIR"] = dir.Path };

        var fromEnv = KaggleCredentials.Find(env.GetValueOrDefault);
        env.Remove("KAGGLE_KEY");
        var fromFile = KaggleCredentials.Find(env.GetValueOrDefault);

        Assert.Equal(("alice", "k1", "KAGGLE_USERNAME/KAGGLE_KEY"), (fromEnv!.UserName, fromEnv.Key, fromEnv.Origin));
        Assert.Equal(("bob", "k2", dir.Combine("kaggle.json")), (fromFile!.UserName, fromFile.Key, fromFile.Origin));
        Assert.Equal("Basic YWxpY2U6azE=", fromEnv.BasicAuth().ToString());
    }

    [Fact]
    public void No_credentials_is_null_and_a_broken_file_is_bad_input()
    {
        using var dir = new TempDir();
        Assert.Null(KaggleCredentials.Find(n => n == "KAGGLE_CONFIG_DIR" ? dir.Path : null));

        File.WriteAllText(dir.Combine("kaggle.json"), "{\"username\": \"bob\"}");
        var e = Assert.Throws<BadInputException>(() => KaggleCredentials.Find(n => n == "KAGGLE_CONFIG_DIR" ? dir.Path : null));
        Assert.Contains("kaggle.json: expected {\"username\": ..., \"key\": ...}", e.Message, StringComparison.Ordinal);
    }
}
