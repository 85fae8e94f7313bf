using HiiaPublish.Cli.Commands;

namespace HiiaPublish.Cli;

/// <summary>The `hiia` command: one sub-command per class, dispatched by name.</summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int InputHasErrors = 1;
    public const int Usage = 2;

    // Each command is one class; adding one is adding it here.
    private static readonly ICommand[] Commands = [new CheckCommand(), new RenderCommand(), new PublishCommand(), new ServeCommand(), new AuditCommand()];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteHelp(args.Length == 0 ? stderr : stdout);
            return args.Length == 0 ? Usage : Ok;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"hiia: unknown command '{args[0]}'. Run 'hiia --help' to see the commands.");
            return Usage;
        }

        return await command.RunAsync(args[1..], stdout, stderr);
    }

    private static void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("hiia: the HiiaPublish command line for HIIA Perspectives.");
        writer.WriteLine();
        writer.WriteLine("Usage: hiia <command> [options]");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        foreach (var command in Commands)
            writer.WriteLine($"  {command.Name,-10} {command.Summary}");
        writer.WriteLine();
        writer.WriteLine("Run 'hiia <command> --help' for a command's options.");
    }
}
