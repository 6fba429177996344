namespace ArticleIndexer.Core.Entities.Tagging;

/// <summary>
/// The tagger's labels: IOB2 tags over the four CoNLL-2003 types. <c>B-X</c> starts every entity of type X and
/// <c>I-X</c> continues it; an <c>I-X</c> only ever follows <c>B-X</c> or <c>I-X</c> in the tagger's output.
/// </summary>
public enum NerLabel : byte
{
    /// <summary>Outside any entity.</summary>
    O,

    /// <summary>First token of a person.</summary>
    BPer,

    /// <summary>Later token of a person.</summary>
    IPer,

    /// <summary>First token of a place.</summary>
    BLoc,

    /// <summary>Later token of a place.</summary>
    ILoc,

    /// <summary>First token of an organisation.</summary>
    BOrg,

    /// <summary>Later token of an organisation.</summary>
    IOrg,

    /// <summary>First token of another name (nationalities, events, products: CoNLL's MISC).</summary>
    BMisc,

    /// <summary>Later token of another name.</summary>
    IMisc,
}

/// <summary>Conversions between <see cref="NerLabel"/>s, IOB2 tag strings and entity types.</summary>
public static class NerLabels
{
    /// <summary>How many labels there are.</summary>
    public const int Count = 9;

    /// <summary>The entity types, in label order: PER, LOC, ORG, MISC.</summary>
    public static readonly IReadOnlyList<string> Types = ["PER", "LOC", "ORG", "MISC"];

    private static readonly string[] Tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    /// <summary>The IOB2 tag: "O", "B-PER", "I-LOC", ...</summary>
    public static string ToTag(this NerLabel label) => Tags[(int)label];

    /// <summary>The label of an IOB2 tag; null for a tag of another type or form.</summary>
    public static NerLabel? FromTag(string tag)
    {
        var index = Array.IndexOf(Tags, tag);
        return index < 0 ? null : (NerLabel)index;
    }

    /// <summary>True for B- labels.</summary>
    public static bool IsBegin(this NerLabel label) => label != NerLabel.O && ((int)label & 1) == 1;

    /// <summary>True for I- labels.</summary>
    public static bool IsInside(this NerLabel label) => label != NerLabel.O && ((int)label & 1) == 0;

    /// <summary>The type index (0 PER, 1 LOC, 2 ORG, 3 MISC), or -1 for <see cref="NerLabel.O"/>.</summary>
    public static int TypeIndex(this NerLabel label) => label == NerLabel.O ? -1 : ((int)label - 1) / 2;

    /// <summary>The type name ("PER"), or null for <see cref="NerLabel.O"/>.</summary>
    public static string? TypeName(this NerLabel label) => label == NerLabel.O ? null : Types[label.TypeIndex()];

    /// <summary>The B- label of type <paramref name="typeIndex"/>.</summary>
    public static NerLabel Begin(int typeIndex) => (NerLabel)(1 + (2 * typeIndex));

    /// <summary>The I- label of type <paramref name="typeIndex"/>.</summary>
    public static NerLabel Inside(int typeIndex) => (NerLabel)(2 + (2 * typeIndex));

    /// <summary>
    /// Whether <paramref name="next"/> may follow <paramref name="previous"/> (null: at the start of a sentence): an
    /// I- label only continues an entity of its own type.
    /// </summary>
    public static bool CanFollow(NerLabel? previous, NerLabel next) =>
        !next.IsInside() || (previous is { } p && p != NerLabel.O && p.TypeIndex() == next.TypeIndex());
}
