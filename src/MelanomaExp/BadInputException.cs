namespace MelanomaExp;

/// <summary>
/// The user's input (experiment file, data folder, model file, command-line value) is wrong.
/// The CLI maps it to exit code 2; everything else is exit code 1.
/// </summary>
public class BadInputException : Exception
{
    public BadInputException(string message)
        : base(message)
    {
    }

    public BadInputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
