using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace HiiaPublish.Cli.Local;

/// <summary>
/// One thread of its own at a lower scheduling priority (nice +10 on Linux), running one piece of async work with
/// every continuation of it kept on this thread: `hiia serve` renders here so that an upload, which checks its draft
/// on the thread pool at normal priority, is scheduled before a render when both want a core. .NET's Thread.Priority
/// does nothing on Linux (dotnet/runtime#91165), hence setpriority(2) on the thread's own id. Our code never blocks on
/// a task, so keeping continuations on one thread cannot deadlock; library code that ends its awaits with
/// ConfigureAwait(false) continues on the pool, and so does the garbage collector's work.
/// </summary>
internal sealed class LowPriorityThread : SynchronizationContext
{
    // Nice 10 of 19: well behind interactive work, still ahead of idle batch jobs.
    public const int Niceness = 10;

    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();

    private LowPriorityThread() { }

    /// <summary>Whether the last thread started could be given its lower priority (false where setpriority is missing or refused).</summary>
    public static bool LastLowered { get; private set; }

    /// <summary>Runs <paramref name="work"/> on a new low-priority thread; the task completes as the work does.</summary>
    public static Task RunAsync(Func<Task> work, string name)
    {
        var context = new LowPriorityThread();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => context.Loop()) { IsBackground = true, Name = name };
        context.Post(async _ =>
        {
            try
            {
                await work();
                done.SetResult();
            }
            catch (OperationCanceledException e)
            {
                done.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
            finally
            {
                context._queue.CompleteAdding();
            }
        }, null);
        thread.Start();
        return done.Task;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        // A continuation posted after the work ended (none should be) runs on the pool rather than being lost.
        if (!_queue.TryAdd((d, state))) ThreadPool.QueueUserWorkItem(_ => d(state));
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("The render thread is never waited on synchronously.");

    public override SynchronizationContext CreateCopy() => this;

    private void Loop()
    {
        LastLowered = Lower();
        SetSynchronizationContext(this);
        foreach (var (callback, state) in _queue.GetConsumingEnumerable()) callback(state);
    }

    private static bool Lower()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return SetPriority(0 /* PRIO_PROCESS: on Linux, one thread when given its id */, GetThreadId(), Niceness) == 0; }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

#pragma warning disable SYSLIB1054 // DllImport: LibraryImport would need unsafe code in this project
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
#pragma warning restore SYSLIB1054
}
