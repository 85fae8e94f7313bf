using HiiaPublish.Azure.Http;

namespace HiiaPublish.Functions.Tests.Support;

/// <summary>Two lists of routes are the same set (name, method, template), or the failure says which differ.</summary>
public static class RouteAssert
{
    public static void Same(IEnumerable<ApiRoute> expected, IEnumerable<ApiRoute> actual, string what)
    {
        static HashSet<ApiRoute> Normal(IEnumerable<ApiRoute> routes) =>
            routes.Select(r => r with { Method = r.Method.ToUpperInvariant(), Template = r.Template.TrimStart('/') }).ToHashSet();
        var (want, have) = (Normal(expected), Normal(actual));
        var missing = want.Except(have).Select(Shown).ToList();
        var extra = have.Except(want).Select(Shown).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{what} and the route table differ.\n  in the table only: {string.Join("; ", missing)}\n  in {what} only: {string.Join("; ", extra)}");
    }

    private static string Shown(ApiRoute route) => $"{route.Name} {route.Method} {route.Template}";
}
