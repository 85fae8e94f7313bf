using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class GetHistoryFunction(DraftsApi api)
{
    [Function("GetHistory")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.History)] HttpRequest request, string slug, CancellationToken cancellationToken) =>
        await api.HistoryAsync(request, slug, cancellationToken);
}
