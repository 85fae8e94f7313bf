namespace HiiaPublish.Cli.Commands;

/// <summary>
/// Starts work on every item at once, at most one per core, and hands back one task per item in the items' order,
/// so a command can report (or publish) in order while later items are still being rendered.
/// </summary>
internal static class RenderAhead
{
    public static List<Task<TResult>> Start<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> work)
    {
        // Not disposed: a caller that stops part-way (a failed publish) leaves later items still waiting on it.
        var cores = new SemaphoreSlim(Environment.ProcessorCount);
        return items.Select(item => Task.Run(async () =>
        {
            await cores.WaitAsync().ConfigureAwait(false);
            try { return await work(item).ConfigureAwait(false); }
            finally { cores.Release(); }
        })).ToList();
    }
}
