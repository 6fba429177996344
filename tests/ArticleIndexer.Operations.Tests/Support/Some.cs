using ArticleIndexer.Core.Pipeline;

namespace ArticleIndexer.Operations.Tests.Support;

/// <summary>Throwaway values for tests.</summary>
internal static class Some
{
    /// <summary>A time with whole milliseconds (what the pass history keeps), away from UTC so offsets are tested too.</summary>
    public static DateTimeOffset Time(int minute = 0) => new DateTimeOffset(2026, 11, 22, 4, 0, 0, 123, TimeSpan.FromHours(1)).AddMinutes(minute);

    /// <summary>The figures of a pass that ran through, each one different so a mixed-up column shows.</summary>
    public static PassSummary Summary(DateTimeOffset? finished = null) => new()
    {
        PassId = "20261122T030000.123Z",
        Started = Time(),
        Finished = finished ?? Time(2),
        Seen = 21,
        New = 1,
        Changed = 2,
        Unchanged = 3,
        Deleted = 4,
        Skipped = 5,
        Failed = 6,
        Documents = 7,
    };
}
