namespace MelanomaExp;

/// <summary>The per-user cache folder: <c>$MELANOMA_EXP_CACHE</c>, else <c>$XDG_CACHE_HOME/melanoma-exp</c>, else <c>~/.cache/melanoma-exp</c>.</summary>
internal static class UserCache
{
    public static string Root()
    {
        var configured = Environment.GetEnvironmentVariable("MELANOMA_EXP_CACHE");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = !string.IsNullOrEmpty(xdg) ? xdg : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache") : Path.GetTempPath();
        return Path.Combine(root, "melanoma-exp");
    }
}
