using System.Text.RegularExpressions;
using MelanomaExp.Cli.Commands;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Cli;

/// <summary>Every melanoma-exp command the README and the manual show must parse, and the cheap ones must run in this checkout.</summary>
public class DocumentedCommandsTests
{
    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (var doc in new[] { "README.md", Path.Combine("docs", "manual.md") })
        {
            foreach (var command in Documented(File.ReadAllText(Path.Combine(RepoPaths.Root, doc))).Distinct())
            {
                data.Add(doc, command);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_documented_command_parses(string doc, string command)
    {
        var parse = CliApp.Root(TextWriter.Null, TextWriter.Null).Parse(Arguments(command));
        Assert.True(parse.Errors.Count == 0, $"{doc}: `melanoma-exp {command}`: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void The_documents_show_commands_at_all()
    {
        // The extraction itself must find the README's main commands, or the theory above checks nothing.
        var readme = Documented(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"))).ToList();
        Assert.Contains("run experiments/smoke.yaml", readme);
        Assert.Contains("validate experiments/final.yaml", readme);
    }

    /// <summary>The README's cheap commands, run as written from the repository root (the validate ones need the real images).</summary>
    [SkippableFact]
    public void The_readmes_cheap_commands_run_in_this_checkout()
    {
        var readme = Documented(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"))).Distinct().ToList();
        var cheap = readme.Where(c => c.StartsWith("validate ", StringComparison.Ordinal) || c.StartsWith("results ", StringComparison.Ordinal) && !c.Contains("--output", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cheap);
        var data = RepoPaths.RealData();
        Skip.If(data is null && Environment.GetEnvironmentVariable("CI") is null, "the README's validate commands need the real images (MELANOMA_EXP_DATA or ../shared/data/isic-9class-180)");
        var cwd = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(RepoPaths.Root);
            foreach (var command in cheap)
            {
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                var args = Arguments(command);
                if (data is not null && command.StartsWith("validate ", StringComparison.Ordinal))
                {
                    args = [.. args, "--data-root", data];
                }
                Assert.True(CliApp.Run(args, stdout, stderr) == 0, $"README: `melanoma-exp {command}` failed: {stderr}");
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
        }
    }

    /// <summary>The tool's command names, from the command tree itself: prose like "melanoma-exp is at parity" is not a command.</summary>
    private static readonly Regex Command = new(
        $@"(?:dotnet )?\bmelanoma-exp ((?:{string.Join('|', CliApp.Root(TextWriter.Null, TextWriter.Null).Subcommands.Select(c => Regex.Escape(c.Name)))})\b[^`#|>&\n\\]*(?:\\\n[^`#|>&\n\\]*)*)",
        RegexOptions.None,
        TimeSpan.FromSeconds(5));

    /// <summary>
    /// The arguments after <c>dotnet melanoma-exp</c> on each line or inline code span, up to a comment, pipe or
    /// redirection; continued lines joined, optional parts (<c>[--x Y]</c>) taken as given; a bare command name (a mention) skipped.
    /// </summary>
    private static IEnumerable<string> Documented(string markdown) =>
        Command.Matches(markdown)
            .Select(m => m.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Trim())
            .Where(c => c.Contains(' ', StringComparison.Ordinal));

    private static string[] Arguments(string command) => command.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
