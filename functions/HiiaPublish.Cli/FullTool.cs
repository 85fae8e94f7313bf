using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HiiaPublish.Cli;

/// <summary>
/// In the native Linux x64 tool (Native AOT), `publish` and `serve` run in the framework-dependent, ReadyToRun build of
/// this same program that is packed beside the binary (full/hiia.dll), which `dotnet` runs in this process's place (execvp).
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
        // The full build replaces this process (execvp) instead of running as its child: it keeps this process's id,
        // terminal and signals, so Ctrl+C, SIGTERM and kill -9 reach serve itself, and a kill -9 can never leave a
        // serve (and its Azurite) running under a parent that is gone. execvp returns only when it failed.
        var host = DotnetHost();
        string[] argv = [host, program, .. args];
        var pointers = new IntPtr[argv.Length + 1];
        try
        {
            for (var i = 0; i < argv.Length; i++) pointers[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
            Console.Out.Flush();
            Console.Error.Flush();
            execvp(pointers[0], pointers);
            var error = new Win32Exception(Marshal.GetLastPInvokeError());
            await stderr.WriteLineAsync($"{CommandLine.ToolName} {args[0]}: could not start dotnet to run it ({error.Message}). " +
                "Check that the .NET runtime is installed and dotnet is on PATH (or DOTNET_ROOT is set).");
            return CommandLine.InputHasErrors;
        }
        finally
        {
            foreach (var pointer in pointers) if (pointer != IntPtr.Zero) Marshal.FreeCoTaskMem(pointer);
        }
    }

    // argv is a null-terminated array of UTF-8 strings; PATH is searched when the host is the bare name "dotnet".
    [DllImport("libc", SetLastError = true)]
    private static extern int execvp(IntPtr file, IntPtr[] argv);

    // The dotnet that installed the tool is on PATH or under DOTNET_ROOT; the runtime itself records neither.
    private static string DotnetHost()
    {
        foreach (var root in new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT"), Environment.GetEnvironmentVariable("DOTNET_ROOT_X64") })
            if (root is { Length: > 0 } && File.Exists(Path.Combine(root, "dotnet")))
                return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}
