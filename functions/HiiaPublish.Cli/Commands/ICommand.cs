using System.CommandLine;

namespace HiiaPublish.Cli.Commands;

/// <summary>One `hiia` command: its name, and its System.CommandLine definition with the action that runs it.</summary>
public interface ICommand
{
    string Name { get; }

    /// <summary>One sentence, shown in the list of commands.</summary>
    string Summary { get; }

    /// <summary>What `hiia NAME --help` adds after the options: what is printed where, and the exit codes.</summary>
    string Details { get; }

    /// <summary>
    /// A new definition of the command: arguments, options, help text, validation (whose problems are usage errors,
    /// exit code 2) and the action, which writes results to the invocation's output and problems to its error.
    /// </summary>
    Command Define();
}
