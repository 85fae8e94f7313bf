using System.Buffers.Binary;

namespace HiiaPublish.Rendering;

/// <summary>Reads the pixel size from a PNG or JPEG header without decoding the image.</summary>
internal static class ImageProbe
{
    /// <summary>The parser's default limit (PerspectiveParserOptions.MaxImagePixels), applied again when the PDF is set.</summary>
    public static readonly long MaxPixels = new HiiaPublish.Format.PerspectiveParserOptions().MaxImagePixels;

    public static (int Width, int Height)? PixelSize(byte[] data)
    {
        if (data.Length >= 24 && data.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return ((int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(20)));

        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < data.Length)
            {
                if (data[i] != 0xFF) { i++; continue; }
                var marker = data[i + 1];
                var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i + 2));
                // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                    return (BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i + 5)));
                i += 2 + length;
            }
        }
        return null;
    }
}
