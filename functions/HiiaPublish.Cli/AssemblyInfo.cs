using System.Runtime.CompilerServices;

// The local-only parts (Azurite, the queue pump, the local sign-in) stay internal to `hiia`; the tests that start
// or inspect `hiia serve` see them.
[assembly: InternalsVisibleTo("HiiaPublish.Functions.Tests")]
