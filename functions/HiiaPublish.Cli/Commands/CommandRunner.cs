namespace HiiaPublish.Cli.Commands;

/// <summary>Runs one command as `hiia NAME ARGS`, the way the tests (and hosts in tests) call a single command.</summary>
public static class CommandRunner
{
    public static Task<int> RunAsync(this ICommand command, string[] args, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default) =>
        CommandLine.RunAsync([command], [command.Name, .. args], stdout, stderr, cancellationToken);
}
