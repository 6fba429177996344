using System.Text.Json;

namespace ArticleIndexer.Cli.Tests.Support;

/// <summary>Reads back what <c>--json</c> wrote.</summary>
public static class CliJson
{
    /// <summary>
    /// Parses one <c>--json</c> output and checks that its first property is <c>"schema": "articles/1"</c>, as every
    /// command's is.
    /// </summary>
    public static JsonDocument Parse(string output)
    {
        var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        var first = json.RootElement.EnumerateObject().FirstOrDefault();
        Assert.Equal("schema", first.Name);
        Assert.Equal(JsonOutput.Schema, first.Value.GetString());
        return json;
    }
}
