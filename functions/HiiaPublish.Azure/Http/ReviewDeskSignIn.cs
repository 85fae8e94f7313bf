namespace HiiaPublish.Azure.Http;

/// <summary>Where the desk sends people to sign in, out, or (on a developer machine only) to switch who they are.</summary>
public sealed record ReviewDeskSignIn(string SignInUrl, string SignOutUrl, string? SwitchUserUrl)
{
    /// <summary>App Service Authentication's own endpoints, coming back to the desk after signing in.</summary>
    public static ReviewDeskSignIn EasyAuth(string deskPath) =>
        new($"/.auth/login/aad?post_login_redirect_uri={Uri.EscapeDataString(deskPath)}", $"/.auth/logout?post_logout_redirect_uri={Uri.EscapeDataString(deskPath)}", null);

    /// <summary>`hiia serve`: a form that picks a name and roles; there is no identity provider on a laptop.</summary>
    public static ReviewDeskSignIn LocalDevelopment(string deskPath) =>
        new($"{deskPath}{ReviewDeskAssets.DevSignInFile}", $"{deskPath}{ReviewDeskAssets.DevSignInFile}?sign-out=1", $"{deskPath}{ReviewDeskAssets.DevSignInFile}");
}
