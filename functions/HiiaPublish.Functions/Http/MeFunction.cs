using HiiaPublish.Azure.Http;
using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

/// <summary>Who is signed in and what they may do; the review desk shows only the actions this allows.</summary>
public sealed class MeFunction(ClientPrincipalReader principals, WorkflowService workflow)
{
    [Function("Me")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me")] HttpRequest request) =>
        new ReviewDeskApi(principals, workflow, ReviewDeskSignIn.EasyAuth(ReviewDeskFunction.DeskPath)).Me(request);
}
