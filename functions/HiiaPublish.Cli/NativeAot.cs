namespace HiiaPublish.Cli;

/// <summary>
/// Why code the trimming and AOT analyzers flag is safe: the Linux x64 tool is a native binary (PublishAot), but
/// `serve` and `publish` run in the full, framework-dependent build packed beside it (<see cref="FullTool"/>), where
/// reflection and dynamic code are available. Each flagged call site says which case it is.
/// </summary>
internal static class NativeAot
{
    public const string OnlyInTheFullBuild =
        "Runs only in `hiia serve`, which the native tool hands to the framework-dependent build (FullTool); " +
        "InstalledToolCommandsTests run serve from the installed tool.";

    public const string MethodNameIsOptional =
        "Only names the method in a failure message; where the native binary has no metadata for a frame the message simply omits it.";
}
