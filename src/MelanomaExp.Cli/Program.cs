using MelanomaExp.Cli.Commands;

return CliApp.Run(args);
