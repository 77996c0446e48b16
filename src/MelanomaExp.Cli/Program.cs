using MelanomaExp.Cli.Commands;
using MelanomaExp.Native;

// Before any work: a child of the dotnet tool launcher must not outlive it (see LauncherDeath).
LauncherDeath.Arrange();
return CliApp.Run(args);
