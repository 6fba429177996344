using System.Text.RegularExpressions;
using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class JsonSchemaTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Theory]
    [InlineData("search", "Calais")]
    [InlineData("show", Seeds.Flow003)]
    [InlineData("related", Seeds.Flow003)]
    [InlineData("people")]
    [InlineData("stats")]
    [InlineData("aliases")]
    [InlineData("check")]
    [InlineData("status")]
    public async Task EveryJsonObject_OpensWithTheSchemaVersion(params string[] args)
    {
        var run = await index.RunAsync([.. args, "--json"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        using var json = run.Json();
        Assert.StartsWith("{\"schema\":\"articles/1\",", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSchemaVersion_IsTheProgramNameAndANumber()
    {
        Assert.Matches(new Regex("^articles/[1-9][0-9]*$"), JsonOutput.Schema);
    }
}
