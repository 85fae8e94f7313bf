using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class GetTextFunction(DraftsApi api)
{
    [Function("GetText")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Text)] HttpRequest request, string slug, string rev, CancellationToken cancellationToken) =>
        await api.TextAsync(request, slug, rev, cancellationToken);
}
