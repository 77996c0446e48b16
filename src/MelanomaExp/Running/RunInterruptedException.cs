namespace MelanomaExp.Running;

/// <summary>A run stopped by Ctrl+C or SIGTERM; the message says what was kept, so the user knows whether --resume has anything to continue.</summary>
public sealed class RunInterruptedException : OperationCanceledException
{
    public RunInterruptedException(string message)
        : base(message)
    {
    }

    public RunInterruptedException()
    {
    }

    public RunInterruptedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
