using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace HiiaPublish.Site;

/// <summary>perspectives.json: camelCase, indented, property order as declared, so equal catalogues give equal bytes.</summary>
public static class CatalogueSerializer
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Letters of every script stay readable; <, >, &, ' and " are still escaped, so the JSON is safe to embed.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        // Fields a later version adds are ignored; missing required ones still fail.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static byte[] Serialize(Catalogue catalogue) =>
        JsonSerializer.SerializeToUtf8Bytes(new CatalogueFile(FormatVersion, catalogue.Entries), Options);

    /// <summary>One entry's bytes, to tell whether two entries say the same thing.</summary>
    public static byte[] SerializeEntry(CatalogueEntry entry) => JsonSerializer.SerializeToUtf8Bytes(entry, Options);

    /// <summary>Throws <see cref="InvalidDataException"/> when the stored catalogue is not one we wrote.</summary>
    public static Catalogue Deserialize(byte[] json)
    {
        try
        {
            var file = JsonSerializer.Deserialize<CatalogueFile>(json, Options)
                ?? throw new InvalidDataException("perspectives.json is empty.");
            if (file.Version != FormatVersion)
                throw new InvalidDataException($"perspectives.json has format version {file.Version}; this program reads version {FormatVersion}.");
            return new Catalogue(Catalogue.Sorted(file.Perspectives));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"perspectives.json is not a valid catalogue: {e.Message}", e);
        }
    }

    private sealed record CatalogueFile(int Version, IReadOnlyList<CatalogueEntry> Perspectives);
}
