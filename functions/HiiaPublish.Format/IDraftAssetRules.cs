namespace HiiaPublish.Format;

/// <summary>
/// What a store of draft files can say about a file before it is read (a folder on disk can; uploaded files, held in
/// memory, are always plain bytes). The image checker asks it, so each refusal is a diagnostic naming the file.
/// </summary>
public interface IDraftAssetRules
{
    /// <summary>Why the file is not a plain file inside the draft's folder, as a clause ("is a link to …"); null when it is.</summary>
    string? ProblemOf(string relativePath);

    /// <summary>The file's length in bytes, when known without reading it.</summary>
    long? LengthOf(string relativePath);
}
