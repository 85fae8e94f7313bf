using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using HiiaPublish.Cli.Commands;

namespace HiiaPublish.Cli;

/// <summary>
/// The `hiia` command: one sub-command per class, parsed by System.CommandLine. `--help` works on every command and
/// after any argument, `--version` prints the version and the commit it was built from, `--opt=value` works as
/// `--opt value` does, and every usage error is one line on standard error and exit code 2. Results go to standard
/// output, diagnostics and problems to standard error.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int InputHasErrors = 1;
    public const int Usage = 2;

    public const string ToolName = "hiia";

    /// <summary>Each command is one class; adding one is adding it here.</summary>
    public static IReadOnlyList<ICommand> DefaultCommands() =>
        [new CheckCommand(), new RenderCommand(), new PublishCommand(), new ServeCommand(), new AuditCommand()];

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(DefaultCommands(), args, stdout, stderr, cancellationToken);

    /// <summary>Runs `hiia ARGS` with only <paramref name="commands"/> known (tests give a command built with its doubles).</summary>
    public static async Task<int> RunAsync(IEnumerable<ICommand> commands, string[] args, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        var root = Root(commands);
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            WriteUsageErrors(parsed, stderr);
            return Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // A fault is reported below as a sentence, not as System.CommandLine's stack trace.
            EnableDefaultExceptionHandler = false,
            // Ctrl+C is left to each command: `serve`'s host stops itself gracefully, the others simply end.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Every file the commands read or write is caught where it is used; this is the last line of defence,
            // so that a path we missed is still a sentence and never a stack trace.
            await stderr.WriteLineAsync($"{ToolName} {parsed.CommandResult.Command.Name}: {FileProblem.Sentence(e)}");
            return InputHasErrors;
        }
    }

    /// <summary>The version and the commit this build came from, as `hiia --version` prints them.</summary>
    public static string VersionLine()
    {
        var informational = typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informational : informational[..plus];
        var commit = plus < 0 ? null : informational[(plus + 1)..];
        return commit is { Length: > 0 }
            ? $"{ToolName} {version} (commit {commit})"
            : $"{ToolName} {version} (commit unknown: built outside a git checkout)";
    }

    private static Command Root(IEnumerable<ICommand> commands)
    {
        commands = commands.ToList();
        var details = commands.ToDictionary(c => c.Name, c => c.Details, StringComparer.Ordinal);
        // A plain Command rather than RootCommand: RootCommand names itself after the running executable, which is
        // `testhost` under the tests and `dotnet` under `dotnet run`; help should always say `hiia`.
        var root = new Command(ToolName, "hiia: the HiiaPublish command line for HIIA Perspectives.")
        {
            new HelpOption { Recursive = true, Action = new HelpWithDetails(details) },
            new VersionOption { Action = new PrintVersion() },
        };
        foreach (var command in commands) root.Subcommands.Add(command.Define());
        // `hiia` alone is a usage error: the list of commands goes to standard error, and the exit code is 2.
        root.SetAction(parsed =>
        {
            WriteHelp(root, [], parsed.InvocationConfiguration.Error);
            return Usage;
        });
        return root;
    }

    private static void WriteHelp(Command root, string[] path, TextWriter writer)
    {
        var help = root.Parse([.. path, "--help"]);
        help.Invoke(new InvocationConfiguration { Output = writer, Error = writer });
    }

    /// <summary>One line per problem, named after the command, then where to read more.</summary>
    private static void WriteUsageErrors(ParseResult parsed, TextWriter stderr)
    {
        var command = parsed.CommandResult.Command;
        var prefix = command.Parents.Any() ? $"{ToolName} {command.Name}" : ToolName;
        var unmatched = parsed.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var token in parsed.UnmatchedTokens)
            lines.Add(token.StartsWith('-') && token.Length > 1 ? $"unknown option '{token}'."
                : command.Parents.Any() ? $"unexpected argument '{token}'."
                : $"unknown command '{token}'. The commands are: {string.Join(", ", command.Subcommands.Select(c => c.Name))}.");
        foreach (var error in parsed.Errors)
        {
            // The unmatched tokens are said above in our words; System.CommandLine says each once more.
            if (unmatched.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal))) continue;
            lines.Add(error.SymbolResult is OptionResult { Tokens.Count: 0 } option && option.Option.Arity.MinimumNumberOfValues > 0
                ? $"{option.Option.Name} needs a value."
                : error.Message);
        }
        foreach (var line in lines.Distinct()) stderr.WriteLine($"{prefix}: {line}");
        stderr.WriteLine($"Run '{prefix} --help' for how to use it.");
    }

    /// <summary>
    /// System.CommandLine's help, then the command's details (what it prints where, its exit codes): the details
    /// would crowd the list of commands if they were the description, so they come only with the command's own help.
    /// </summary>
    private sealed class HelpWithDetails(IReadOnlyDictionary<string, string> details) : SynchronousCommandLineAction
    {
        private readonly HelpAction _standard = new();

        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            _standard.Invoke(parseResult);
            var command = parseResult.CommandResult.Command;
            if (command.Parents.Any() && details.TryGetValue(command.Name, out var text))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Details:");
                foreach (var line in text.TrimEnd().Split('\n')) output.WriteLine(line.Length == 0 ? "" : "  " + line.TrimEnd('\r'));
                output.WriteLine();
            }
            return Ok;
        }
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(VersionLine());
            return Ok;
        }
    }

    /// <summary>The FILE|FOLDER arguments of a command; see <see cref="GivenPaths"/> for how its values are checked.</summary>
    internal static Argument<string[]> PathsArgument(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.ZeroOrMore };

    /// <summary>
    /// For a command's validator: the paths given, without the words that start with '-'. Such a word is no option
    /// of the command, yet System.CommandLine hands it to the paths; it is refused here as an unknown option rather
    /// than looked up as a file.
    /// </summary>
    internal static string[] GivenPaths(CommandResult result, Argument<string[]> paths)
    {
        var given = result.GetResult(paths)?.Tokens.Select(t => t.Value).ToArray() ?? [];
        foreach (var unknown in given.Where(LooksLikeOption)) result.AddError($"unknown option '{unknown}'.");
        return given.Where(v => !LooksLikeOption(v)).ToArray();
    }

    /// <summary>
    /// For a command's validator: an option's value as given, or null. Unlike GetValue it does not throw when the
    /// option was given without its value (that is reported as its own usage error).
    /// </summary>
    internal static string? GivenValue(CommandResult result, Option option)
    {
        var given = result.GetResult(option);
        if (given is { Implicit: false, Tokens.Count: 0 }) result.AddError($"{option.Name} needs a value.");
        return given is { Tokens.Count: > 0 } ? given.Tokens[^1].Value : null;
    }

    private static bool LooksLikeOption(string value) => value.Length > 1 && value[0] == '-';

    /// <summary>`--format text|json`, shared by the commands that can answer in JSON.</summary>
    internal static Option<string> FormatOption(string json)
    {
        var format = new Option<string>("--format")
        {
            Description = $"text: lines for people (the default); json: {json}, on standard output",
            HelpName = "text|json",
            DefaultValueFactory = _ => "text",
        };
        format.Validators.Add(result =>
        {
            if (!result.Implicit && result.Tokens.Count == 0) { result.AddError("--format needs a value: text or json."); return; }
            var value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "text";
            if (value is not ("text" or "json")) result.AddError($"unknown format '{value}'; use text or json.");
        });
        return format;
    }
}
