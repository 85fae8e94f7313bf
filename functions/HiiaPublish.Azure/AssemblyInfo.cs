using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("HiiaPublish.Site.Tests")]
