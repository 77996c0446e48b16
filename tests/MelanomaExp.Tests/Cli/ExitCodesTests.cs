using MelanomaExp.Cli.Commands;
using MelanomaExp.Running;

namespace MelanomaExp.Tests.Cli;

[Collection("ExitCodes")] // Verbose and InterruptCode are process-wide.
public class ExitCodesTests
{
    [Fact]
    public void An_unexpected_error_is_exit_1_with_one_line_and_the_trace_only_with_verbose()
    {
        using var errors = new StringWriter();
        Assert.Equal(1, ExitCodes.Guard(errors, () => throw new InvalidOperationException("disk on fire\nsecond line")));
        var text = errors.ToString().TrimEnd();
        Assert.Equal("error: disk on fire second line (InvalidOperationException; --verbose shows the stack trace)", text);

        ExitCodes.Verbose = true;
        try
        {
            using var verbose = new StringWriter();
            Assert.Equal(1, ExitCodes.Guard(verbose, () => throw new InvalidOperationException("disk on fire")));
            Assert.Contains("   at ", verbose.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            ExitCodes.Verbose = false;
        }
    }

    [Fact]
    public void Bad_input_is_exit_2_and_an_interruption_130_with_what_was_kept()
    {
        using var errors = new StringWriter();
        Assert.Equal(2, ExitCodes.Guard(errors, () => throw new BadInputException("x.yaml:3: seed: expected a whole number")));
        Assert.Equal(130, ExitCodes.Guard(errors, () => throw new RunInterruptedException("interrupted: base checkpointed after epoch 3")));
        Assert.Equal(["error: x.yaml:3: seed: expected a whole number", "interrupted: base checkpointed after epoch 3"], errors.ToString().TrimEnd().Split(Environment.NewLine));
    }
}
