using System.Diagnostics.CodeAnalysis;
using System.Diagnostics;

namespace HiiaPublish.Cli.Commands;

/// <summary>
/// The line `hiia render` and `hiia publish` print when checking or rendering a draft threw: a fault in HiiaPublish
/// or the machine, never in the draft (those are diagnostics). It names the draft, the error and the method of ours
/// it came from, and says what to do, instead of a stack trace that hides which draft of a folder it was.
/// </summary>
internal static class RenderFailure
{
    public static string Describe(string draft, Exception exception) =>
        $"{draft}: not rendered; HiiaPublish failed on it ({exception.GetType().Name}{Where(exception)}: {exception.Message}). " +
        "This is a fault in HiiaPublish, not in the draft: run the command again, and if it fails again, " +
        "report it with this draft and its images attached.";

    // The innermost frame in our own code: a library's throw helper says little, our method says which stage failed.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = NativeAot.MethodNameIsOptional)]
    private static string Where(Exception exception)
    {
        var method = new StackTrace(exception).GetFrames()
            .Select(frame => frame.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.FullName?.StartsWith("HiiaPublish.", StringComparison.Ordinal) == true);
        return method is null ? "" : $" in {method.DeclaringType!.FullName}.{method.Name}";
    }
}
