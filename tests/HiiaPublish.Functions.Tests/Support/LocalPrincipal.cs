using System.Text;
using System.Text.Json;

namespace HiiaPublish.Functions.Tests.Support;

/// <summary>The X-MS-CLIENT-PRINCIPAL header exactly as docs/workflow.md tells a developer to build it for `hiia serve`.</summary>
public static class LocalPrincipal
{
    public static string Header(string id, string role)
    {
        var json = JsonSerializer.Serialize(new
        {
            claims = new[] { new { typ = "oid", val = id }, new { typ = "name", val = id }, new { typ = "roles", val = role } },
            name_typ = "name",
            role_typ = "roles",
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
