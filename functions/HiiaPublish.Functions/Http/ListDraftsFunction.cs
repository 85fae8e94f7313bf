using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class ListDraftsFunction(DraftsApi api)
{
    [Function("ListDrafts")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Drafts)] HttpRequest request, CancellationToken cancellationToken) =>
        await api.ListAsync(request, cancellationToken);
}
