using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HiiaPublish.Pdf.Audit;

namespace HiiaPublish.Cli.Commands;

// The JSON documents of `hiia check --format json` and `hiia audit --format json`, as records the JSON source generator
// reads at compile time: the Linux x64 tool is a native binary (Native AOT), where reflection cannot build serializers
// for value-type members. Names and order are the documented ones (camelCase, in this order).

internal sealed record CheckJsonDocument(IReadOnlyList<CheckJsonFile> Files, CheckJsonSummary Summary);

internal sealed record CheckJsonFile(string File, int Errors, int Warnings, IReadOnlyList<CheckJsonDiagnostic> Diagnostics);

internal sealed record CheckJsonDiagnostic(string File, int Line, int Column, string Code, string Severity, string Message, string? Field);

internal sealed record CheckJsonSummary(int Files, int Errors, int Warnings);

internal sealed record AuditJsonDocument(string File, bool Passed, string? DeclaredPdfA, int PassedCount, int Total, IReadOnlyList<AuditCheck> Checks);

[JsonSerializable(typeof(CheckJsonDocument))]
[JsonSerializable(typeof(AuditJsonDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
    /// <summary>Serializes <paramref name="document"/> with <paramref name="options"/>' naming and layout, from generated metadata.</summary>
    public static string Write<T>(T document, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(document, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
}
