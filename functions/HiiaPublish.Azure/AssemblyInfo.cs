using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("HiiaPublish.Site.Tests")]
[assembly: InternalsVisibleTo("HiiaPublish.Functions.Tests")]
