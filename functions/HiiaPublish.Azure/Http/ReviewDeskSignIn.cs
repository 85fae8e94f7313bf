namespace HiiaPublish.Azure.Http;

/// <summary>
/// Where the desk sends people to sign in, out, or (on a developer machine only) to switch who they are. A host
/// that has no App Service Authentication (`hiia serve`) passes its own in <see cref="HiiaPublishHostOptions.SignIn"/>.
/// </summary>
public sealed record ReviewDeskSignIn(string SignInUrl, string SignOutUrl, string? SwitchUserUrl)
{
    /// <summary>App Service Authentication's own endpoints, coming back to the desk after signing in.</summary>
    public static ReviewDeskSignIn EasyAuth(string deskPath) =>
        new($"/.auth/login/aad?post_login_redirect_uri={Uri.EscapeDataString(deskPath)}", $"/.auth/logout?post_logout_redirect_uri={Uri.EscapeDataString(deskPath)}", null);
}
