using System.Text;
using HiiaPublish.Workflow;

namespace HiiaPublish.Testing;

/// <summary>Drafts to upload: the English sample with its images, and small hand-written ones.</summary>
public static class Drafts
{
    public const string EnglishSlug = "middle-corridor";

    public static DraftFiles EnglishSample() => new("middle-corridor.md",
        File.ReadAllBytes(RepositoryPaths.Sample("middle-corridor", "middle-corridor.md")),
        [
            new("cover.png", File.ReadAllBytes(RepositoryPaths.Sample("middle-corridor", "cover.png"))),
            new("corridor-volumes.png", File.ReadAllBytes(RepositoryPaths.Sample("middle-corridor", "corridor-volumes.png"))),
        ]);

    /// <summary>A valid draft without images; <paramref name="variant"/> changes the body, so each variant is a new revision.</summary>
    public static DraftFiles Small(string slug = "small-paper", string variant = "first") =>
        new($"{slug}.md", Encoding.UTF8.GetBytes(SmallMarkdown(slug, variant)), []);

    public static string SmallMarkdown(string slug, string variant) => $"""
        ---
        title: A Small Paper on {variant}
        date: 2026-03-17
        language: en
        authors:
          - name: Anna Kovács
            role: Research Fellow
        copy_editors: [Réka Halmos]
        abstract: A short abstract that says what the paper argues.
        keywords: [testing]
        slug: {slug}
        ---

        ## Introduction

        This is the {variant} version of a small paper.
        """;

    public static DraftFiles Broken() => new("broken.md", Encoding.UTF8.GetBytes("---\ntitle: [unclosed\n---\nbody\n"), []);
}
