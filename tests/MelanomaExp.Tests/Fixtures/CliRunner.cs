using MelanomaExp.Cli.Commands;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>Runs the CLI in-process with captured output, as a user would call it.</summary>
public static class CliRunner
{
    public static (int Code, string Out, string Err) RunCli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
