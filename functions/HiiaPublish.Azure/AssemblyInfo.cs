using System.Runtime.CompilerServices;

// The route table's own checks build the OpenAPI document from made-up tables to prove they can fail.
[assembly: InternalsVisibleTo("HiiaPublish.Functions.Tests")]
