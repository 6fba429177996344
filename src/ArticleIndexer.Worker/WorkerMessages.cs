namespace ArticleIndexer.Worker;

/// <summary>The worker's one-line messages for people, in one place.</summary>
internal static class WorkerMessages
{
    internal const string UnknownFlag = "unknown flag '{0}'";
    internal const string UnexpectedArgument = "unexpected argument '{0}' (folders are given with --source and --index)";
    internal const string MissingValue = "{0} needs {1}, as in {0} {2}";
    internal const string FlagTakesNoValue = "{0} takes no value";
    internal const string OnceOrRebuild = "--once and --rebuild cannot be combined: --once runs one incremental pass, --rebuild one full rebuild";
    internal const string BlankFolder = "{0}:{1} is empty; it needs a folder";
    internal const string BadSetting = "the {0} settings cannot be read: {1}";
    internal const string BadPollInterval = "{0}:PollSeconds is {1}; it needs a number of seconds between 1 and 300 (Quartz polls at most once a second)";
    internal const string BadCommitEvery = "{0}:CommitEvery is {1}; it needs a number of changes from 100 to 1000000 between two commits";
    internal const string BadMaxSegments = "{0}:MaxSegments is {1}; it needs a number of segments from 1 to 1000, or 0 to leave merging to Lucene";

    internal const string BadThreads = "{0}:Threads is {1}; it needs a number of threads from 1 to 64, or 0 for one per processor core";
    internal const string BadWeekdayYears = "{0}:WeekdayYearFrom is {1} and {0}:WeekdayYearTo is {2}; give both, the first year at most the last, at most 99 years apart (e.g. 2010 and 2019), or neither";
    internal const string BadMaxFileSize = "{0}:MaxFileMegabytes is {1}; it needs a number of megabytes, at least 1";
    internal const string BlankSchedule = "{0}:{1} is empty; it needs a Quartz cron expression such as \"0 0/15 * * * ?\"";
    internal const string BadSchedule = "{0}:{1} \"{2}\" is not a Quartz cron expression: {3}";
    internal const string ScheduleNeverFires = "{0}:{1} \"{2}\" never fires again";
    internal const string BadTimeZone = "{0}:TimeZone \"{1}\" is not a time zone this system knows: {2}";

    /// <summary>Formats a message for stderr: prefixed with "error: ", and on one line whatever the detail held.</summary>
    internal static string Error(string message) => "error: " + OneLine(message);

    /// <summary>Folds line breaks and runs of spaces into single spaces.</summary>
    internal static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
