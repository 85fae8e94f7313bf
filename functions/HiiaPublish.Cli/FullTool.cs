using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HiiaPublish.Cli;

/// <summary>
/// In the native Linux x64 tool (Native AOT), `publish` and `serve` run in the framework-dependent, ReadyToRun build of
/// this same program that is packed beside the binary (full/hiia.dll), started with `dotnet` and given the terminal.
/// They use what a native binary cannot do without rewriting them: JSON by reflection over the workflow's and the
/// site's records, ASP.NET Core endpoints built from a table of handlers, Scriban reading the site's model. The
/// one-shot commands a person waits on (check, render, audit) run natively. Everywhere else (the portable tool,
/// `dotnet run`, the tests) this class does nothing: dynamic code is supported there.
/// </summary>
internal static class FullTool
{
    public const string Folder = "full";

    private static readonly string[] Commands = ["publish", "serve"];

    /// <summary>
    /// False only in the native binary. The native compiler treats it as the constant it is there, so code behind
    /// `if (FullTool.InThisProcess)` (publish's and serve's) is not compiled into the binary at all.
    /// </summary>
    public static bool InThisProcess => RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>True when this process is the native binary and <paramref name="args"/> name a command the full build runs.</summary>
    public static bool Runs(string[] args) =>
        !InThisProcess && args is [var command, ..] && Commands.Contains(command, StringComparer.Ordinal);

    /// <summary>What a command the full build runs answers if it is reached in the native binary after all.</summary>
    public static Task<int> NotInTheNativeTool(string command, TextWriter stderr)
    {
        stderr.WriteLine($"{CommandLine.ToolName} {command}: runs in the full build beside the native program (full/hiia.dll), which the installed `hiia` starts for it.");
        return Task.FromResult(CommandLine.InputHasErrors);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        var program = Path.Combine(AppContext.BaseDirectory, Folder, "hiia.dll");
        if (!File.Exists(program))
        {
            await stderr.WriteLineAsync($"{CommandLine.ToolName} {args[0]}: this installation has no {Path.Combine(Folder, "hiia.dll")} beside the program; " +
                "reinstall it with sh scripts/install-hiia.sh.");
            return CommandLine.InputHasErrors;
        }
        var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false };
        start.ArgumentList.Add(program);
        foreach (var argument in args) start.ArgumentList.Add(argument);
        Process child;
        try
        {
            child = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            await stderr.WriteLineAsync($"{CommandLine.ToolName} {args[0]}: could not start dotnet to run it ({e.Message}). " +
                "Check that the .NET runtime is installed and dotnet is on PATH (or DOTNET_ROOT is set).");
            return CommandLine.InputHasErrors;
        }
        using (child)
        {
            // Ctrl+C in a terminal reaches both processes; a signal sent to this one alone (kill -INT) is passed on,
            // so `serve` stops gracefully either way, and this process waits for it rather than dying first.
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => PassOn(context, child, "INT"));
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => PassOn(context, child, "TERM"));
            await child.WaitForExitAsync();
            return child.ExitCode;
        }
    }

    private static void PassOn(PosixSignalContext context, Process child, string signal)
    {
        context.Cancel = true;
        if (child.HasExited) return;
        try
        {
            using var kill = Process.Start("kill", ["-s", signal, child.Id.ToString(CultureInfo.InvariantCulture)]);
            kill?.WaitForExit();
        }
        catch (Win32Exception)
        {
            // No kill(1): the terminal's own Ctrl+C still reaches the child.
        }
    }

    // The dotnet that installed the tool is on PATH or under DOTNET_ROOT; the runtime itself records neither.
    private static string DotnetHost()
    {
        foreach (var root in new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT"), Environment.GetEnvironmentVariable("DOTNET_ROOT_X64") })
            if (root is { Length: > 0 } && File.Exists(Path.Combine(root, "dotnet")))
                return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}
