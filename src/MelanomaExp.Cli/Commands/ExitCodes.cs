namespace MelanomaExp.Cli.Commands;

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int NotReproduced = 3;
    public const int Interrupted = 130;
    public const int Terminated = 143;

    /// <summary>Set by <c>--verbose</c>: unexpected errors print their stack trace.</summary>
    public static bool Verbose { get; set; }

    /// <summary>The exit code of an interruption: 143 after SIGTERM, 130 after SIGINT (Ctrl+C).</summary>
    public static int InterruptCode { get; set; } = Interrupted;

    /// <summary>Runs a command body, turning exceptions into messages and exit codes.</summary>
    public static int Guard(TextWriter errors, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (BadInputException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (OperationCanceledException e)
        {
            errors.WriteLine(e is Running.RunInterruptedException
                ? e.Message
                : "interrupted: no report was written (an existing report is untouched)");
            return InterruptCode;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: report and exit 1 instead of a crash dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // One line naming what failed; the trace is for bug reports, on request.
            errors.WriteLine(Verbose ? $"error: {e}" : $"error: {e.Message.ReplaceLineEndings(" ")} ({e.GetType().Name}; --verbose shows the stack trace)");
            return Failure;
        }
    }
}
