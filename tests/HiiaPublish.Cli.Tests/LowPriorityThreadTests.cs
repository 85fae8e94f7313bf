using HiiaPublish.Cli.Local;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// `hiia serve` renders on a thread of lower priority so that uploads, checked inside the request, are scheduled first
/// (docs/performance.md, "Upload within a second"): the work and every continuation after an await run on that one
/// thread, whose nice value is 10, and what the work throws reaches the caller.
/// </summary>
public class LowPriorityThreadTests
{
    [Fact]
    public async Task TheWork_AndItsContinuations_RunOnOneThreadAtNiceTen()
    {
        var threads = new List<int>();
        var nices = new List<int>();
        await LowPriorityThread.RunAsync(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                threads.Add(Environment.CurrentManagedThreadId);
                nices.Add(NiceOfThisThread());
                await Task.Delay(20); // completes on a timer thread; the continuation must come back
                await Task.Run(() => { }); // and from the pool
            }
        }, "test render");

        Assert.Single(threads.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, threads[0]);
        Assert.All(nices, nice => Assert.Equal(LowPriorityThread.Niceness, nice));
    }

    [Fact]
    public async Task WhatTheWorkThrows_ReachesTheCaller()
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => LowPriorityThread.RunAsync(async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("the render failed");
        }, "test render"));

        Assert.Equal("the render failed", thrown.Message);
    }

    [Fact]
    public async Task ACancelledRender_IsACancelledTask()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            LowPriorityThread.RunAsync(() => Task.Delay(1_000, cancelled.Token), "test render"));
    }

    // The nice value of the calling thread: field 19 of /proc/thread-self/stat (after the name in parentheses).
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16]);
    }
}
