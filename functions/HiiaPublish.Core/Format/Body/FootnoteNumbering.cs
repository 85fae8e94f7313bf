namespace HiiaPublish.Core.Format.Body;

/// <summary>Footnote numbers in order of first reference: the first note referenced is 1, whatever its label.</summary>
internal sealed class FootnoteNumbering
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public int NumberOf(string label)
    {
        if (!_numbers.TryGetValue(label, out var number))
        {
            number = _numbers.Count + 1;
            _numbers[label] = number;
        }
        return number;
    }

    public bool TryGetNumber(string label, out int number) => _numbers.TryGetValue(label, out number);
}
