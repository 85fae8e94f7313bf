using HiiaPublish.Azure.Http;
using HiiaPublish.Workflow;

namespace HiiaPublish.Azure;

/// <summary>
/// What a host adds to the one registration without replacing any of it. The Functions app passes none; `hiia
/// serve` wraps the work queue (so its in-process pump hears of new work at once) and names its own sign-in.
/// </summary>
public sealed class HiiaPublishHostOptions
{
    /// <summary>Wraps the storage work queue every enqueue goes through; the wrapper must send what it is given.</summary>
    public Func<IWorkQueue, IServiceProvider, IWorkQueue>? DecorateWorkQueue { get; init; }

    /// <summary>Where the review desk sends people to sign in and out; App Service Authentication's endpoints when null.</summary>
    public ReviewDeskSignIn? SignIn { get; init; }
}
