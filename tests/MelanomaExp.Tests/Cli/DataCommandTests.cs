using System.Diagnostics;
using System.Text.Json;
using MelanomaExp.Acquisition;
using MelanomaExp.Tests.Fixtures;
using static MelanomaExp.Tests.Fixtures.CliRunner;

namespace MelanomaExp.Tests.Cli;

/// <summary>
/// <c>data get</c> as the README shows it, against a loopback server standing in for Kaggle. The Kaggle
/// variables are process-wide, so every test that sets them lives in this one class (xunit runs a class's
/// tests one after another) and puts them back afterwards; no other code reads them.
/// </summary>
public sealed class DataCommandTests : IDisposable
{
    private static readonly string[] Variables = ["KAGGLE_USERNAME", "KAGGLE_KEY", "KAGGLE_CONFIG_DIR", KaggleDataset.ApiVariable];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly TempDir _dir = new();
    private readonly LoopbackHttpServer _server = new();
    private readonly SyntheticDataSet _data;

    public DataCommandTests()
    {
        _data = new SyntheticDataSet(_dir.Path);
        _server.Serve($"/storage/{KaggleDataset.Slug}.zip", _data.Zip());
        Environment.SetEnvironmentVariable(KaggleDataset.ApiVariable, _server.BaseUrl + "/api/v1");
        Environment.SetEnvironmentVariable("KAGGLE_CONFIG_DIR", _dir.Combine("no-kaggle-config"));
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Kaggle_download_sends_basic_auth_to_the_api_only_resumes_through_the_redirect_and_json_reports_the_result()
    {
        Environment.SetEnvironmentVariable("KAGGLE_USERNAME", "alice");
        Environment.SetEnvironmentVariable("KAGGLE_KEY", "secret-key");
        var dest = _dir.Combine("isic");
        _server.DropNext(times: 1, afterBytes: 700);

        // README: dotnet melanoma-exp data get --dest DIR --json
        var (code, stdout, err) = RunCli("data", "get", "--dest", dest, "--json", "--manifest", _data.ManifestFile);

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(12, json.RootElement.GetProperty("verified").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("resumes").GetInt32());
        Assert.Equal($"Kaggle {KaggleDataset.Slug}", json.RootElement.GetProperty("source").GetString());
        Assert.Equal(dest, json.RootElement.GetProperty("destination").GetString());
        Assert.True(File.Exists(Path.Combine(dest, _data.Files[0])));
        var requests = _server.Requests.ToList();
        Assert.Equal($"/api/v1/datasets/download/{KaggleDataset.Slug}", requests[0].Path);
        Assert.Equal("Basic YWxpY2U6c2VjcmV0LWtleQ==", requests[0].Authorization);
        Assert.Equal($"/storage/{KaggleDataset.Slug}.zip", requests[1].Path);
        Assert.Null(requests[1].Authorization);
        Assert.Equal(4, requests.Count);
        Assert.Equal("Basic YWxpY2U6c2VjcmV0LWtleQ==", requests[2].Authorization);
        Assert.Equal(("bytes=700-", null), (requests[3].Range, requests[3].Authorization));
    }

    [Fact]
    public void Bad_kaggle_credentials_exit_2_with_a_clear_message_and_write_nothing()
    {
        Environment.SetEnvironmentVariable("KAGGLE_USERNAME", "alice");
        Environment.SetEnvironmentVariable("KAGGLE_KEY", "wrong");
        var dest = _dir.Combine("isic");

        var (code, _, err) = RunCli("data", "get", "--dest", dest, "--manifest", _data.ManifestFile);

        Assert.Equal(2, code);
        Assert.Contains("error: Kaggle refused the credentials of user 'alice' from KAGGLE_USERNAME/KAGGLE_KEY (HTTP 401)", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dest));
        Assert.Empty(Directory.GetFiles(_dir.Path, ".isic.download*"));
        Assert.Empty(Directory.GetDirectories(_dir.Path, ".isic.staging*"));
    }

    [Fact]
    public void No_kaggle_credentials_exit_2_saying_where_to_put_them()
    {
        Environment.SetEnvironmentVariable("KAGGLE_USERNAME", null);
        Environment.SetEnvironmentVariable("KAGGLE_KEY", null);

        var (code, _, err) = RunCli("data", "get", "--dest", _dir.Combine("isic"), "--manifest", _data.ManifestFile);

        Assert.Equal(2, code);
        Assert.Contains("error: no Kaggle credentials: set KAGGLE_USERNAME and KAGGLE_KEY, or put kaggle.json in " + _dir.Combine("no-kaggle-config"), err, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void From_zip_file_and_from_folder_print_what_they_did()
    {
        var zip = _data.WriteZip(_dir.Combine("archive.zip"), ("__MACOSX/._x", [1, 2, 3]));

        // README: dotnet melanoma-exp data get --from ~/Downloads/archive.zip --dest DIR
        var fromZip = RunCli("data", "get", "--from", zip, "--dest", _dir.Combine("a"), "--manifest", _data.ManifestFile);
        // README: dotnet melanoma-exp data get --from FOLDER --dest DIR
        var fromFolder = RunCli("data", "get", "--from", _data.Folder, "--dest", _dir.Combine("b"), "--manifest", _data.ManifestFile);

        Assert.True(fromZip.Code == 0, fromZip.Err);
        Assert.Contains($"{_dir.Combine("a")}: 12 files verified and in place (from zip {zip})", fromZip.Out, StringComparison.Ordinal);
        Assert.Contains("1 extra file(s) not in the manifest were left out: __MACOSX/._x", fromZip.Out, StringComparison.Ordinal);
        Assert.Contains($"use it with --data-root {_dir.Combine("a")}", fromZip.Out, StringComparison.Ordinal);
        Assert.True(fromFolder.Code == 0, fromFolder.Err);
        Assert.Contains($"{_dir.Combine("b")}: 12 files verified and in place (from folder {_data.Folder})", fromFolder.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_archives_and_a_foreign_destination_exit_2()
    {
        var traversal = _data.WriteZip(_dir.Combine("traversal.zip"), ("../x", [1]));
        var bomb = _data.WriteZip(_dir.Combine("bomb.zip"), ("zeros", new byte[8 << 20]));
        var foreign = _dir.Combine("foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "mine.txt"), "x");

        var a = RunCli("data", "get", "--from", traversal, "--dest", _dir.Combine("t"), "--manifest", _data.ManifestFile);
        var b = RunCli("data", "get", "--from", bomb, "--dest", _dir.Combine("t"), "--manifest", _data.ManifestFile, "--max-bytes", "1000000");
        var c = RunCli("data", "get", "--from", _data.Folder, "--dest", foreign, "--manifest", _data.ManifestFile);

        Assert.Equal((2, 2, 2), (a.Code, b.Code, c.Code));
        Assert.Contains("entry '../x' would be written outside the data folder (path traversal)", a.Err, StringComparison.Ordinal);
        Assert.Contains("over the limit of 1,000,000 (a zip bomb?)", b.Err, StringComparison.Ordinal);
        Assert.Contains($"--dest {foreign}: refused, it is not empty and was not written by melanoma-exp", c.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("t")));
        Assert.False(File.Exists(_dir.Combine("x")));
        Assert.Equal("x", File.ReadAllText(Path.Combine(foreign, "mine.txt")));
    }

    [Fact]
    public void A_wrong_file_with_json_lists_it_and_exits_2()
    {
        var bad = Path.Combine(_data.Folder, _data.Files[2]);
        File.WriteAllBytes(bad, [.. File.ReadAllBytes(bad), 0]);

        var (code, stdout, err) = RunCli("data", "get", "--from", _data.Folder, "--dest", _dir.Combine("w"), "--json", "--manifest", _data.ManifestFile);

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(_data.Files[2], json.RootElement.GetProperty("wrong")[0].GetProperty("path").GetString());
        Assert.Contains("does not match the manifest: 11 of 12 files verified; 1 wrong", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("w")));
    }

    [Fact]
    public void Without_dest_the_data_goes_to_the_cache_and_becomes_the_default_data_root()
    {
        var cache = _dir.Combine("cache");
        var env = new Dictionary<string, string?>
        {
            ["MELANOMA_EXP_CACHE"] = cache,
            ["MELANOMA_EXP_DATA"] = null,
            ["KAGGLE_USERNAME"] = "alice",
            ["KAGGLE_KEY"] = "secret-key",
        };
        var work = _dir.Combine("work");
        Directory.CreateDirectory(work);

        // README: dotnet melanoma-exp data get, then an experiment whose data.root is not there finds the download.
        var get = Tool(work, env, "data", "get", "--manifest", _data.ManifestFile);
        var validate = Tool(work, env, "validate", RepoPaths.Experiment("smoke.yaml"));

        Assert.True(get.Code == 0, get.Err);
        Assert.Contains("this is the default data root", get.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cache, "data", "isic-9class", _data.Files[0])));
        Assert.True(validate.Code == 0, validate.Err);
        Assert.Contains("data: 6 images, 2 classes", validate.Out, StringComparison.Ordinal);
    }

    /// <summary>The built tool in its own process, so the cache variable does not leak into the other tests.</summary>
    private static (int Code, string Out, string Err) Tool(string workingDirectory, Dictionary<string, string?> env, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "melanoma-exp.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
