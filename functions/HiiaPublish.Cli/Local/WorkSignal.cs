using HiiaPublish.Workflow;

namespace HiiaPublish.Cli.Local;

/// <summary>
/// "Work was just enqueued here": lets a pump in the same process (hiia serve) stop waiting for its next idle
/// poll. Only a hint: the pump still polls, so work enqueued by anyone else is found too.
/// </summary>
internal sealed class WorkSignal
{
    private readonly SemaphoreSlim _pending = new(0);

    // One release per pump (render and publish), so whichever queue got the message looks at once.
    public void Wake() => _pending.Release(2);

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}

/// <summary>A work queue that signals after each message it sends.</summary>
internal sealed class SignallingWorkQueue(IWorkQueue inner, WorkSignal signal) : IWorkQueue
{
    public async Task EnqueueAsync(string queue, WorkMessage message, CancellationToken cancellationToken)
    {
        await inner.EnqueueAsync(queue, message, cancellationToken);
        signal.Wake();
    }
}
