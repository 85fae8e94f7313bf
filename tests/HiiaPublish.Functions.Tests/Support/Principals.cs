using System.Text;
using System.Text.Json;
using HiiaPublish.Workflow;

namespace HiiaPublish.Functions.Tests.Support;

/// <summary>X-MS-CLIENT-PRINCIPAL headers as App Service Authentication sends them.</summary>
public static class Principals
{
    public static string Header(WorkflowPrincipal principal)
    {
        var claims = new List<object>
        {
            new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = principal.Id },
            new { typ = "name", val = principal.Name },
        };
        claims.AddRange(principal.Roles.Select(r => new { typ = "roles", val = r }));
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", claims, name_typ = "name", role_typ = "roles" });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
