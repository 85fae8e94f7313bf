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
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
