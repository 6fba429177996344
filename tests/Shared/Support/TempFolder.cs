namespace ArticleIndexer.Tests.Support;

/// <summary>
/// A fresh folder under the system temp folder (in a sub-folder named after the test assembly), deleted with
/// everything in it on dispose. Shared by the test projects that link <c>tests/Shared/Support</c>.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), typeof(TempFolder).Assembly.GetName().Name!, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
