namespace HiiaPublish.Format.Body;

/// <summary>Footnote numbers in order of first reference: the first note referenced is 1, whatever its label.</summary>
internal sealed class FootnoteNumbering
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _referencedFromNotes = new(StringComparer.Ordinal);

    public int NumberOf(string label)
    {
        if (!_numbers.TryGetValue(label, out var number))
        {
            number = _numbers.Count + 1;
            _numbers[label] = number;
        }
        return number;
    }

    /// <summary>A reference inside another note: refused, but the note it names is not "never referenced".</summary>
    public void NoteReferencedFromNote(string label) => _referencedFromNotes.Add(label);

    public bool IsReferenced(string label) => _numbers.ContainsKey(label) || _referencedFromNotes.Contains(label);

    public bool TryGetNumber(string label, out int number) => _numbers.TryGetValue(label, out number);
}
