using System.Runtime.CompilerServices;

// What exists only on a laptop (Azurite, the queue pump, the local sign-in) stays internal to `hiia`; only the
// tests (and their shared Azurite fixture) and the workflow benchmark that start or inspect `hiia serve` see it.
[assembly: InternalsVisibleTo("HiiaPublish.Testing")]
[assembly: InternalsVisibleTo("HiiaPublish.Cli.Tests")]
[assembly: InternalsVisibleTo("HiiaPublish.Functions.Tests")]
[assembly: InternalsVisibleTo("HiiaPublish.Review.Tests")]
[assembly: InternalsVisibleTo("HiiaPublish.Cli.Tests")]
[assembly: InternalsVisibleTo("HiiaPublish.Workflow.Benchmarks")]
