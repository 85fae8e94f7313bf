using System.Security.Cryptography;
using HiiaPublish.Pdf.Fonts;

namespace HiiaPublish.Pdf.Tests.Fonts;

/// <summary>
/// The unhinted form of each bundled face that PDFsharp embeds is the same, byte for byte, as before its code was
/// made cheaper to start (arrays instead of hash sets and sorted dictionaries): the SHA-256 below were written by
/// the implementation before that change (commit 68d1a1f). A change to a font file or to what is stripped must
/// update them knowingly.
/// </summary>
public class EmbeddingFontBytesTests
{
    public static TheoryData<string, string> Faces() => new()
    {
        { "NotoSans-Bold", "bc3eaa46a67a3fecb0913bab839477d43e1484674fd4dab1ed3d29e5ee72b2de" },
        { "NotoSans-BoldItalic", "9d5cfc1e5ca9e057b5c6180d89d5183e9b53d3e675beb13bf949d44664a38298" },
        { "NotoSans-Italic", "5a1f9a211551dff20a48a3da4d260b0c749e1fcf907582b2d767d546a493bd85" },
        { "NotoSans-Regular", "b7ef6b105689da3fffabe4616f12bae2491d0fd0f60d56ab18704b729a9f6efd" },
        { "NotoSerif-Bold", "a22d29066ae56f3c1e6b7436d56e5463e6c3e2b463692e5c587f671e23cb3eb4" },
        { "NotoSerif-BoldItalic", "9200994a96d9c5d76569c7ff43ee73bd1972617348a04fdbec252f703775020d" },
        { "NotoSerif-Italic", "e6367a9b20443716264a5f29d7b1e3fa382ad9a4f26daefbde15380c5c863d8e" },
        { "NotoSerif-Regular", "c1f42407f57d7cc27231f7139b43966a3ff1627002014a795c9160a3bf632d69" },
    };

    [Theory, MemberData(nameof(Faces))]
    public void TheEmbeddingForm_IsByteForByteWhatItWas(string face, string sha256)
    {
        var catalog = FontCatalog.Load(RepositoryPaths.Fonts);
        var bytes = EmbeddingFont.From(catalog.Face(face));
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void EveryBundledFace_HasARecordedHash() =>
        Assert.Equal(FontCatalog.Load(RepositoryPaths.Fonts).FaceNames.Order(StringComparer.Ordinal),
            Faces().Select(row => (string)row[0]).Order(StringComparer.Ordinal));
}
