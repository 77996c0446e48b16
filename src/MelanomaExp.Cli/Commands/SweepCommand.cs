using System.CommandLine;
using MelanomaExp.Sweeps;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>sweep FILE --output DIR</c>: many runs of one experiment (seeds x grid), here or on Slurm; <c>sweep --status DIR</c>.</summary>
internal static class SweepCommand
{
    public static Command Create(TextWriter output, TextWriter errors, SweepBackends backends)
    {
        var file = new Argument<string?>("file") { Description = "The experiment YAML file", Arity = ArgumentArity.ZeroOrOne };
        var dataRoot = new Option<string?>("--data-root") { Description = "Folder holding the data (overrides data.root and MELANOMA_EXP_DATA)" };
        var set = new Option<string[]>("--set") { Description = "Override a YAML key in every run (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var outputDir = new Option<string?>("--output") { Description = "Sweep folder: plan.json, runs/<id>/, logs/, slurm/, the study report" };
        var seeds = new Option<string?>("--seeds") { Description = "Seeds: a list (1,2,3; 7, for the one seed 7) or a count N up to 100 (the experiment's seed and the N-1 after it); replaces sweep.seeds" };
        var grid = new Option<string[]>("--grid") { Description = "Swept key: key.path=v1,v2 (values as in --set; repeatable; replaces that key of sweep.grid)", Arity = ArgumentArity.ZeroOrMore };
        var backend = new Option<string>("--backend") { Description = BackendOptions.Choices(backends), DefaultValueFactory = _ => backends.Default.Name };
        backend.AcceptOnlyFromAmong([.. backends.Items.Select(b => b.Name)]);
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan and its estimated CPU-hours and write the job scripts; start nothing" };
        var status = new Option<string?>("--status") { Description = "Show where each run of the sweep in this folder stands" };
        var command = new Option<string?>("--command") { Description = "How to start melanoma-exp (on the nodes, for slurm), e.g. '/opt/tools/melanoma-exp'; default: as this one was started" };
        var cmd = new Command("sweep", "Run an experiment over seeds and a grid of overrides, here or as a Slurm array job, and collect the study report")
        {
            file, dataRoot, set, outputDir, seeds, grid, backend, dryRun, status, command,
        };
        var backendOptions = backends.Items.SelectMany(b => b.Options.Select(o => (o.Name, Parsed: BackendOptions.Create(b, o)))).ToList();
        foreach (var (_, parsed) in backendOptions)
        {
            cmd.Options.Add(parsed.Option);
        }
        cmd.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            if (parse.GetValue(status) is { } statusDir)
            {
                return Status(statusDir, output, backends);
            }
            var path = parse.GetValue(file) ?? throw new BadInputException("sweep: give the experiment file (or --status DIR)");
            var dir = parse.GetValue(outputDir) ?? throw new BadInputException("sweep: --output DIR is required (the sweep folder)");
            var plan = SweepPlanner.Plan(path, parse.GetValue(set) ?? [], parse.GetValue(seeds), parse.GetValue(grid) ?? [], parse.GetValue(dataRoot));
            var request = new SweepRequest(dir, plan, backends.Named(parse.GetValue(backend)!))
            {
                DryRun = parse.GetValue(dryRun),
                Command = ToolCommand.Resolve(parse.GetValue(command)),
                Options = new SweepOptionValues(backendOptions.ToDictionary(o => o.Name, o => o.Parsed.Read(parse))),
            };
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                return SweepRunner.Execute(request, output.WriteLine, cancel.Token) == 0 ? ExitCodes.Success : ExitCodes.Failure;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }));
        return cmd;
    }

    private static int Status(string dir, TextWriter output, SweepBackends backends)
    {
        var plan = SweepPlan.Read(dir);
        var states = SweepStatus.Of(dir, plan, backends.Queue(dir, plan));
        foreach (var s in states)
        {
            output.WriteLine($"{s.Row.Id}: {s.Status.ToString().ToLowerInvariant()} ({s.Detail}{(s.Host is null ? "" : $", {s.Host}")})");
        }
        output.WriteLine(string.Join(", ", Enum.GetValues<RunStatus>().Select(r => $"{states.Count(s => s.Status == r)} {r.ToString().ToLowerInvariant()}")));
        return ExitCodes.Success;
    }
}
