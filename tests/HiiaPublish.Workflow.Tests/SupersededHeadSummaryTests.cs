using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

/// <summary>
/// A superseded revision can be the head when it and the revision that overtook it were uploaded in the same instant
/// (the tie is broken by approval time). The list then says where the paper is, as the winning revision does, not
/// "rendering", which would send people looking for a typesetting job that does not exist.
/// </summary>
public class SupersededHeadSummaryTests
{
    private static readonly DateTimeOffset Instant = new(2026, 4, 21, 9, 0, 0, TimeSpan.Zero);

    private static RevisionRecord Revision(char id, RevisionState state) =>
        new("tied-paper", new string(id, 64), state, "editor", Instant, "tied-paper.md", ["tied-paper.md"], [], "A Tied Paper",
            ReviewedAt: Instant.AddMinutes(id - 'a'));

    [Theory]
    [InlineData(RevisionState.Published, "published")]
    [InlineData(RevisionState.Approved, "publishing")]
    public void ASupersededHead_IsListedAsTheRevisionThatOvertookIt(RevisionState winner, string expected)
    {
        var superseded = Revision('a', RevisionState.Superseded);
        var overtaking = Revision('b', winner);

        var summary = DraftStates.Summarise("tied-paper", superseded.Revision, [superseded, overtaking]);

        Assert.Equal(expected, summary.Status);
        Assert.Equal(DraftAttention.None, summary.Attention.State);
    }
}
