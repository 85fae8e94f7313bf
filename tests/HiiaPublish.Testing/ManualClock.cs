namespace HiiaPublish.Testing;

/// <summary>A clock that stands still at <see cref="Now"/> until the test moves it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
