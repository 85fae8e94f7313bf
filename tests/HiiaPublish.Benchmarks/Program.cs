using BenchmarkDotNet.Running;

// Measure with the garbage collector the apps run with (HiiaPublish.Cli and HiiaPublish.Functions set server GC with
// DATAS off in their project files). BenchmarkDotNet starts each benchmark in a child process that inherits this
// environment. To compare with the runtime's default, run with DOTNET_gcServer=0 set: a value already set wins.
foreach (var (name, value) in new[] { ("DOTNET_gcServer", "1"), ("DOTNET_GCDynamicAdaptationMode", "0") })
{
    if (Environment.GetEnvironmentVariable(name) is null)
        Environment.SetEnvironmentVariable(name, value);
}

if (args is ["--sizes"])
    HiiaPublish.Benchmarks.SizeReport.Run();
else if (args is ["--search-speed", ..])
    await HiiaPublish.Benchmarks.SearchSpeed.RunAsync(args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000,
        args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault());
else if (args is ["--search-breakdown", var site, .. var words])
    await HiiaPublish.Benchmarks.SearchSpeed.BreakdownAsync(site, words);
else if (args is ["--search-split", var keptSite, var bundles])
    await HiiaPublish.Benchmarks.SearchSpeed.SplitAsync(keptSite, int.Parse(bundles, System.Globalization.CultureInfo.InvariantCulture));
else if (args is ["--cold-start", ..])
    return HiiaPublish.Benchmarks.ColdStart.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
else if (args is ["--cold-start-child", var variant])
    return HiiaPublish.Benchmarks.ColdStart.Child(variant == "warm-up");
else if (args is ["--publish-profile", ..])
    HiiaPublish.Benchmarks.PublishProfile.Run(args.Length > 1 ? args[1] : "folder", args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
else
    BenchmarkSwitcher.FromAssembly(typeof(HiiaPublish.Benchmarks.RenderBenchmarks).Assembly).Run(args);
return 0;
