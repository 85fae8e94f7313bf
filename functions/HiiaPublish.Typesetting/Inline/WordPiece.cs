using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Inline;

/// <summary>Part of a word that lies in one run (a word can span runs: "**bold**ness", "word¹").</summary>
internal readonly record struct WordPiece(string Source, int Start, int Length, TextStyle Style, LinkTarget? Link, FootnoteMark? Mark, TextKind Kind);

/// <summary>A word wider than every line, split at each character; reported when a break falls inside it.</summary>
internal readonly record struct OverwideWord(int FirstItem, int LastItem, string Preview);
