using ArticleIndexer.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace ArticleIndexer.Worker.Tests;

/// <summary>
/// How the settings are layered: appsettings.json in the content root, ARTICLEINDEXER_ environment variables, flags.
/// The tests that set environment variables are in this one class so they never run beside each other.
/// </summary>
public sealed class WorkerOptionsTests : IDisposable
{
    private const string SourceVariable = "ARTICLEINDEXER_Indexer__SourceFolder";
    private const string ScheduleVariable = "ARTICLEINDEXER_Indexer__IncrementalSchedule";

    private readonly TempFolder contentRoot = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(SourceVariable, null);
        Environment.SetEnvironmentVariable(ScheduleVariable, null);
        contentRoot.Dispose();
    }

    [Fact]
    public void Options_HaveTheDocumentedDefaults()
    {
        var options = new WorkerOptions();

        Assert.Equal("seeds", options.SourceFolder);
        Assert.Equal("index", options.IndexFolder);
        Assert.Equal("0 0/15 * * * ?", options.IncrementalSchedule);
        Assert.Equal("0 0 3 ? * SUN", options.RebuildSchedule);
        Assert.Equal("UTC", options.TimeZone);
        Assert.True(options.RunOnStart);
        Assert.Equal(string.Empty, options.Database);
        Assert.Equal(5, options.PollSeconds);
        Assert.Equal(0, options.Threads);
        Assert.Equal(Environment.ProcessorCount, options.EffectiveThreads);
    }

    [Fact]
    public void CreateBuilder_LooksForAppSettingsNextToTheBinary_ByDefault()
    {
        var builder = WorkerHost.CreateBuilder(new WorkerArguments());

        Assert.Equal(
            Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory),
            Path.TrimEndingDirectorySeparator(builder.Environment.ContentRootPath));
    }

    [Fact]
    public void ReadOptions_GivesTheDefaults_WhenNothingIsConfigured()
    {
        var options = Read(new WorkerArguments());

        Assert.Equivalent(new WorkerOptions(), options);
    }

    [Fact]
    public void ReadOptions_ReadsAppSettings_FromTheContentRootNotTheCurrentDirectory()
    {
        WriteAppSettings("""{ "Indexer": { "SourceFolder": "from-file", "IncrementalSchedule": "0 0 * * * ?", "TimeZone": "Europe/London", "RunOnStart": false } }""");

        var options = Read(new WorkerArguments());

        Assert.Equal("from-file", options.SourceFolder);
        Assert.Equal("index", options.IndexFolder);
        Assert.Equal("0 0 * * * ?", options.IncrementalSchedule);
        Assert.Equal("Europe/London", options.TimeZone);
        Assert.False(options.RunOnStart);
    }

    [Fact]
    public void ReadOptions_LetsPrefixedEnvironmentVariablesOverrideAppSettings()
    {
        WriteAppSettings("""{ "Indexer": { "SourceFolder": "from-file", "IncrementalSchedule": "0 0 * * * ?" } }""");
        Environment.SetEnvironmentVariable(SourceVariable, "from-environment");
        Environment.SetEnvironmentVariable(ScheduleVariable, "0 0/5 * * * ?");

        var options = Read(new WorkerArguments());

        Assert.Equal("from-environment", options.SourceFolder);
        Assert.Equal("0 0/5 * * * ?", options.IncrementalSchedule);
    }

    [Fact]
    public void ReadOptions_LetsFlagsOverrideEnvironmentVariablesAndAppSettings()
    {
        WriteAppSettings("""{ "Indexer": { "SourceFolder": "from-file", "IndexFolder": "index-from-file" } }""");
        Environment.SetEnvironmentVariable(SourceVariable, "from-environment");

        var options = Read(Parse("--source", "from-flag", "--index", "index-from-flag"));

        Assert.Equal("from-flag", options.SourceFolder);
        Assert.Equal("index-from-flag", options.IndexFolder);
    }

    [Theory]
    [InlineData("""{ "Indexer": { "SourceFolder": " " } }""", "Indexer:SourceFolder is empty; it needs a folder")]
    [InlineData("""{ "Indexer": { "IndexFolder": "" } }""", "Indexer:IndexFolder is empty; it needs a folder")]
    [InlineData("""{ "Indexer": { "RunOnStart": "yes" } }""", "Indexer:RunOnStart")]
    [InlineData("""{ "Indexer": { "PollSeconds": 0 } }""", "Indexer:PollSeconds is 0")]
    [InlineData("""{ "Indexer": { "Threads": -1 } }""", "Indexer:Threads is -1; it needs a number of threads from 1 to 64, or 0")]
    [InlineData("""{ "Indexer": { "Threads": 65 } }""", "Indexer:Threads is 65")]
    [InlineData("""{ "Indexer": { "Threads": "many" } }""", "Indexer:Threads")]
    [InlineData("""{ "Indexer": { "CommitEvery": 10 } }""", "Indexer:CommitEvery is 10; it needs a number of changes from 100 to 1000000")]
    [InlineData("""{ "Indexer": { "MaxSegments": -1 } }""", "Indexer:MaxSegments is -1; it needs a number of segments from 1 to 1000, or 0")]
    [InlineData("""{ "Indexer": { "WeekdayYearFrom": 2010 } }""", "Indexer:WeekdayYearFrom is 2010 and Indexer:WeekdayYearTo is unset; give both")]
    [InlineData("""{ "Indexer": { "WeekdayYearFrom": 2019, "WeekdayYearTo": 2010 } }""", "Indexer:WeekdayYearFrom is 2019 and Indexer:WeekdayYearTo is 2010")]
    [InlineData("""{ "Indexer": { "WeekdayYearFrom": 1800, "WeekdayYearTo": 2000 } }""", "at most 99 years apart")]
    public void TryReadOptions_RejectsBadSettings_WithAOneLineReason(string appSettings, string expected)
    {
        WriteAppSettings(appSettings);
        var builder = WorkerHost.CreateBuilder(new WorkerArguments(), contentRoot.Path);

        Assert.False(WorkerHost.TryReadOptions(builder.Configuration, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void ShippedAppSettings_StateTheDefaults_AndASerilogSection()
    {
        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Seeds.RepositoryRoot, "src", "ArticleIndexer.Worker", "appsettings.json"))
            .Build();

        Assert.Equivalent(new WorkerOptions(), shipped.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>());
        Assert.True(shipped.GetSection("Serilog:WriteTo").Exists());
    }

    private WorkerOptions Read(WorkerArguments arguments)
    {
        var builder = WorkerHost.CreateBuilder(arguments, contentRoot.Path);
        Assert.True(WorkerHost.TryReadOptions(builder.Configuration, out var options, out var error), error);
        return options;
    }

    private static WorkerArguments Parse(params string[] args)
    {
        Assert.True(WorkerArguments.TryParse(args, out var arguments, out var error), error);
        return arguments;
    }

    private void WriteAppSettings(string json) => File.WriteAllText(contentRoot.Combine("appsettings.json"), json);
}
