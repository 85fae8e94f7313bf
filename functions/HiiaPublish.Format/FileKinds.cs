using System.Runtime.InteropServices;

namespace HiiaPublish.Format;

/// <summary>
/// What kind of file a path names, asked of the operating system (stat), because .NET reports a pipe or a device as a
/// "normal" file of length 0, and opening a pipe to read it waits forever (issue 15: a FIFO hung `hiia check`).
/// </summary>
public static class FileKinds
{
    /// <summary>Why the path is no regular file, as a noun phrase ("a named pipe (FIFO)"); null for a regular file or when unknown.</summary>
    public static string? NotRegular(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        // st_mode sits after st_dev, st_ino (and st_nlink on x86-64) in Linux's struct stat.
        var modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (modeOffset < 0) return null;
        var buffer = new byte[256];
        try
        {
            if (Stat(path, buffer) != 0) return null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        var mode = BitConverter.ToUInt32(buffer, modeOffset) & 0xF000;
        return mode switch
        {
            0x8000 => null,
            0x4000 => "a folder",
            0x1000 => "a named pipe (FIFO)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "no regular file",
        };
    }

    // DllImport rather than LibraryImport, which would need unsafe code in this project; on Unix strings marshal as UTF-8.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "stat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Stat(string path, byte[] buffer);
#pragma warning restore SYSLIB1054
}
