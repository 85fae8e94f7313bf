using HiiaPublish.Cli;

// The native Linux tool hands `publish` and `serve` to the full build packed beside it (FullTool says why).
if (FullTool.Runs(args))
    return await FullTool.RunAsync(args, Console.Error);
return await CommandLine.RunAsync(args, Console.Out, Console.Error);
