using System.CommandLine;
using MelanomaExp.Sweeps;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>sweep FILE --output DIR</c>: many runs of one experiment (seeds x grid), here or on Slurm; <c>sweep --status DIR</c>.</summary>
internal static class SweepCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var file = new Argument<string?>("file") { Description = "The experiment YAML file", Arity = ArgumentArity.ZeroOrOne };
        var dataRoot = new Option<string?>("--data-root") { Description = "Folder holding the data (overrides data.root and MELANOMA_EXP_DATA)" };
        var set = new Option<string[]>("--set") { Description = "Override a YAML key in every run (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var outputDir = new Option<string?>("--output") { Description = "Sweep folder: plan.json, runs/<id>/, logs/, slurm/, the study report" };
        var seeds = new Option<string?>("--seeds") { Description = "Seeds: a list (1,2,3) or a count N (the experiment's seed and the N-1 after it); replaces sweep.seeds" };
        var grid = new Option<string[]>("--grid") { Description = "Swept key: key.path=v1,v2 (values as in --set; repeatable; replaces that key of sweep.grid)", Arity = ArgumentArity.ZeroOrMore };
        var backend = new Option<string>("--backend") { Description = "local (processes here) or slurm (an array job)", DefaultValueFactory = _ => "local" };
        backend.AcceptOnlyFromAmong("local", "slurm");
        var jobs = NumberOptions.Whole("--jobs", "local: runs at once (each gets cores / jobs torch threads)", 1, int.MaxValue, 1);
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan and its estimated CPU-hours and write the job scripts; start nothing" };
        var status = new Option<string?>("--status") { Description = "Show where each run of the sweep in this folder stands" };
        var command = new Option<string?>("--command") { Description = "How to start melanoma-exp (on the nodes, for slurm), e.g. '/opt/tools/melanoma-exp'; default: as this one was started" };
        var partition = new Option<string?>("--partition") { Description = "slurm: partition" };
        var time = new Option<string?>("--time") { Description = "slurm: time limit per run, e.g. 04:00:00" };
        var cpus = NumberOptions.OptionalWhole("--cpus-per-task", "slurm: CPUs per run (also its torch threads)", 1, int.MaxValue);
        var mem = new Option<string?>("--mem") { Description = "slurm: memory per run, e.g. 8G" };
        var gres = new Option<string?>("--gres") { Description = "slurm: generic resources per run, e.g. gpu:1" };
        var account = new Option<string?>("--account") { Description = "slurm: account to charge" };
        var extra = new Option<string[]>("--sbatch-arg") { Description = "slurm: a further #SBATCH argument, e.g. --sbatch-arg=--qos=low (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var cmd = new Command("sweep", "Run an experiment over seeds and a grid of overrides, here or as a Slurm array job, and collect the study report")
        {
            file, dataRoot, set, outputDir, seeds, grid, backend, jobs, dryRun, status, command, partition, time, cpus, mem, gres, account, extra,
        };
        cmd.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            if (parse.GetValue(status) is { } statusDir)
            {
                return Status(statusDir, output);
            }
            var path = parse.GetValue(file) ?? throw new BadInputException("sweep: give the experiment file (or --status DIR)");
            var dir = parse.GetValue(outputDir) ?? throw new BadInputException("sweep: --output DIR is required (the sweep folder)");
            var plan = SweepPlanner.Plan(path, parse.GetValue(set) ?? [], parse.GetValue(seeds), parse.GetValue(grid) ?? [], parse.GetValue(dataRoot));
            var toolCommand = ToolCommand.Resolve(parse.GetValue(command));
            var request = new SweepRequest(dir, plan, parse.GetValue(backend) == "slurm" ? SweepBackend.Slurm : SweepBackend.Local)
            {
                Jobs = parse.GetValue(jobs),
                DryRun = parse.GetValue(dryRun),
                Command = toolCommand,
                Slurm = new SlurmOptions
                {
                    Partition = parse.GetValue(partition),
                    Time = parse.GetValue(time),
                    CpusPerTask = parse.GetValue(cpus),
                    Memory = parse.GetValue(mem),
                    Gres = parse.GetValue(gres),
                    Account = parse.GetValue(account),
                    Extra = parse.GetValue(extra) ?? [],
                    Command = toolCommand,
                },
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

    private static int Status(string dir, TextWriter output)
    {
        var plan = SweepPlan.Read(dir);
        var states = SweepStatus.Of(dir, plan, SlurmJobStates.States(dir, plan));
        foreach (var s in states)
        {
            output.WriteLine($"{s.Row.Id}: {s.Status.ToString().ToLowerInvariant()} ({s.Detail}{(s.Host is null ? "" : $", {s.Host}")})");
        }
        output.WriteLine(string.Join(", ", Enum.GetValues<RunStatus>().Select(r => $"{states.Count(s => s.Status == r)} {r.ToString().ToLowerInvariant()}")));
        return ExitCodes.Success;
    }
}
