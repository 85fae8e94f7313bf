using System.Runtime.Versioning;

// The Bicep CLI these tests run comes from Azure.Bicep.CommandLine.linux-x64, the only build on our
// package source; CI runs on Linux, so the whole project targets it rather than skipping elsewhere.
[assembly: SupportedOSPlatform("linux")]
