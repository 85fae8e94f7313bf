using System.Text;
using HiiaPublish.Format;
using HiiaPublish.Rendering;
using HiiaPublish.Workflow;

namespace HiiaPublish.Testing;

/// <summary>
/// Stands in for the typesetter where the PDF's content does not matter: counts calls, can fail on purpose,
/// and can be told to produce different bytes (to prove publishing never re-renders).
/// </summary>
public sealed class FakePreviewRenderer : IPreviewRenderer
{
    private int _calls;

    public int Calls => _calls;
    public string Edition { get; set; } = "one";
    public Exception? FailWith { get; set; }

    /// <summary>Real PDF bytes to return instead of the fake ones (for a test that runs the real audit).</summary>
    public byte[]? Pdf { get; set; }

    public RenderResult Render(Perspective perspective, IDraftAssets assets, string sourceFile, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (FailWith is not null) throw FailWith;
        var pdf = Pdf ?? Encoding.ASCII.GetBytes($"%PDF-1.7\n% {perspective.Metadata.Slug} {Edition}\n%%EOF\n");
        return new RenderResult(pdf, 3, []);
    }
}
