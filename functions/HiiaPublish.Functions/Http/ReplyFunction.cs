using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class ReplyFunction(DraftsApi api)
{
    [Function("Reply")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Replies)] HttpRequest request, string slug, string rev, CancellationToken cancellationToken) =>
        await api.ReplyAsync(request, slug, rev, cancellationToken);
}
