using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class GetDraftFunction(DraftsApi api)
{
    [Function("GetDraft")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Draft)] HttpRequest request, string slug, CancellationToken cancellationToken) =>
        await api.GetAsync(request, slug, cancellationToken);
}
