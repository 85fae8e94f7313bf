namespace HiiaPublish.Format.Images;

/// <summary>
/// What a render of the draft will hold in memory at its peak, estimated at check time from what the check has read
/// (HP0080). Each limit on its own keeps a render inside 512 MB, but limits reached together did not: two PNGs with
/// alpha at the pixel limit peaked at 646 MB, 2 MB of prose and two such pictures at 958 MB and 12 s (docs/performance.md,
/// "Images: embedded as they are"). The coefficients are those measurements, rounded up:
/// a render starts at ~92 MB (fonts, templates, the runtime), taken as 100 MB for the noise between runs; each byte of the draft costs ~196 bytes (2 MB of prose
/// peaked at 483 MB); each pixel of an image the PDF writer must decode (alpha, interlacing, transparency) 16.5–18.8
/// bytes (one such picture at the limit peaked at 406 MB); an image that goes in as it is (a JPEG, most PNGs) about
/// its file's size twice (read, then written).
/// </summary>
internal static class RenderCostEstimate
{
    public const long BaseBytes = 100L << 20;
    public const long BytesPerDraftByte = 200;
    public const long BytesPerDecodedPixel = 20;
    public const long BytesPerPassedImageByte = 2;

    public static long OfDraft(long draftBytes) => BaseBytes + BytesPerDraftByte * draftBytes;

    public static long OfImage(ImageReading reading, long fileBytes) =>
        reading.PassesThrough ? BytesPerPassedImageByte * fileBytes : BytesPerDecodedPixel * reading.Pixels;
}
