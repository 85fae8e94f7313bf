namespace HiiaPublish.Site.Publishing;

public sealed record SitePublisherOptions
{
    /// <summary>
    /// Read-modify-write attempts on the catalogue before giving up. Each conflict means another paper got in,
    /// so 30 lets well over the 20 simultaneous publishes we test succeed even with unlucky timing.
    /// </summary>
    public int MaxCatalogueAttempts { get; init; } = 30;

    /// <summary>
    /// Times the listings are rebuilt when the catalogue changed while they were written. Each round means
    /// another publish committed meanwhile, and that publisher rebuilds them too, so a few rounds suffice.
    /// </summary>
    public int MaxListingRounds { get; init; } = 5;

    /// <summary>Listing pages written at once: enough to hide a storage round trip, few enough for a small machine.</summary>
    public int MaxParallelWrites { get; init; } = 8;

    /// <summary>Pause before catalogue attempt n (1-based) after a conflict. Injected in tests to make them deterministic.</summary>
    public Func<int, TimeSpan> RetryDelay { get; init; } = ExponentialWithJitter;

    // Starts at 10 ms (one storage round trip), doubles, and stops growing at 1 s so a busy minute still
    // finishes; full jitter spreads writers that collided so they do not collide again in step.
    private static TimeSpan ExponentialWithJitter(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(1000, 10 * Math.Pow(2, Math.Min(attempt, 10))) * Random.Shared.NextDouble());
}
