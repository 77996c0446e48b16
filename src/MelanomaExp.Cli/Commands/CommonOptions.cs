using System.CommandLine;
using MelanomaExp.Config;

namespace MelanomaExp.Cli.Commands;

/// <summary>Options shared by the commands that read an experiment file.</summary>
internal sealed class CommonOptions
{
    public Argument<string> File { get; } = new("file") { Description = "The experiment YAML file" };

    public Option<string?> DataRoot { get; } = new("--data-root")
    {
        Description = "Folder holding the data (overrides data.root and MELANOMA_EXP_DATA)",
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override a YAML key, e.g. --set steps.base.train.epochs=2 (repeatable)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(DataRoot);
        command.Options.Add(Set);
    }

    public Experiment Load(ParseResult parse) =>
        ExperimentLoader.Load(parse.GetValue(File)!, parse.GetValue(Set) ?? []);
}
