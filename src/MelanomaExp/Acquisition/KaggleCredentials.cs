using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MelanomaExp.Acquisition;

/// <summary>
/// A Kaggle API token, found where Kaggle's own client looks: <c>KAGGLE_USERNAME</c> and <c>KAGGLE_KEY</c>, else
/// <c>kaggle.json</c> in <c>KAGGLE_CONFIG_DIR</c> or <c>~/.kaggle</c>. <see cref="Origin"/> says which, for messages.
/// </summary>
internal sealed record KaggleCredentials(string UserName, string Key, string Origin)
{
    public AuthenticationHeaderValue BasicAuth() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Key}")));

    /// <summary>The credentials from the environment or kaggle.json; null when there are none.</summary>
    public static KaggleCredentials? Find(Func<string, string?> environment)
    {
        if (environment("KAGGLE_USERNAME") is { Length: > 0 } user && environment("KAGGLE_KEY") is { Length: > 0 } key)
        {
            return new KaggleCredentials(user, key, "KAGGLE_USERNAME/KAGGLE_KEY");
        }
        var file = Path.Combine(ConfigFolder(environment), "kaggle.json");
        return File.Exists(file) ? Read(file) : null;
    }

    public static string ConfigFolder(Func<string, string?> environment) =>
        environment("KAGGLE_CONFIG_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kaggle");

    private static KaggleCredentials Read(string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("username", out var user) && user.GetString() is { Length: > 0 } u
                && root.TryGetProperty("key", out var key) && key.GetString() is { Length: > 0 } k)
            {
                return new KaggleCredentials(u, k, file);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new BadInputException($"{file}: not a Kaggle token file ({e.Message}); download a new one from kaggle.com > Settings > API > Create New Token", e);
        }
        throw new BadInputException($"{file}: expected {{\"username\": ..., \"key\": ...}}; download a new one from kaggle.com > Settings > API > Create New Token");
    }
}
