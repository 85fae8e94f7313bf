using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class GetPreviewFunction(DraftsApi api)
{
    [Function("GetPreview")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Preview)] HttpRequest request, string slug, string rev, CancellationToken cancellationToken) =>
        await api.PreviewAsync(request, slug, rev, cancellationToken);
}
