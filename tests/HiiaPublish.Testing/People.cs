using HiiaPublish.Workflow;

namespace HiiaPublish.Testing;

/// <summary>Who the workflow tests act as: editors, copy editors, and one person with both roles.</summary>
public static class People
{
    public static readonly WorkflowPrincipal Editor = new("editor-1", "Eva Editor", [WorkflowPrincipal.EditorRole]);
    public static readonly WorkflowPrincipal CopyEditor = new("copy-1", "Csaba Copy", [WorkflowPrincipal.CopyEditorRole]);
    public static readonly WorkflowPrincipal OtherCopyEditor = new("copy-2", "Cili Copy", [WorkflowPrincipal.CopyEditorRole]);
    public static readonly WorkflowPrincipal EditorAndCopyEditor = new("both-1", "Bea Both", [WorkflowPrincipal.EditorRole, WorkflowPrincipal.CopyEditorRole]);

    public static WorkflowPrincipal CopyEditorNumber(int n) => new($"copy-{n:000}", $"Copy Editor {n}", [WorkflowPrincipal.CopyEditorRole]);
}
