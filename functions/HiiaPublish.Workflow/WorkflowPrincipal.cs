namespace HiiaPublish.Workflow;

/// <summary>The signed-in person as the platform vouched for them: a stable id, a display name and app roles.</summary>
public sealed record WorkflowPrincipal(string Id, string Name, IReadOnlyList<string> Roles)
{
    public const string EditorRole = "Editor";
    public const string CopyEditorRole = "CopyEditor";

    public bool IsEditor => Roles.Contains(EditorRole, StringComparer.Ordinal);
    public bool IsCopyEditor => Roles.Contains(CopyEditorRole, StringComparer.Ordinal);
}
