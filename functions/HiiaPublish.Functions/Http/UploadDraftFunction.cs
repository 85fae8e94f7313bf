using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class UploadDraftFunction(DraftsApi api)
{
    [Function("UploadDraft")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Drafts)] HttpRequest request, CancellationToken cancellationToken) =>
        await api.UploadAsync(request, cancellationToken);
}
